package io.imagefactory.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks {@code metadata} as the API server does: a CRD's schema only says {@code type: object}.
 *
 * <p>Rules from Kubernetes' apimachinery validation (ValidateObjectMeta, IsQualifiedName,
 * IsValidLabelValue, the 256 KiB annotation limit) plus the stricter name rule each generated
 * kind needs, see {@link NameRule}.
 */
final class ObjectMetadata {
  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS_LABEL = Pattern.compile(LABEL);
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
  private static final Pattern QUALIFIED_NAME_PART = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;
  /** Fields a client may write; the API server fills in the rest of ObjectMeta. */
  private static final Set<String> CLIENT_FIELDS =
      Set.of("name", "generateName", "namespace", "labels", "annotations", "finalizers", "ownerReferences");
  private static final Set<String> SERVER_FIELDS = Set.of("selfLink", "uid", "resourceVersion", "generation",
      "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields");

  /** Which names a kind's objects may have. */
  enum NameRule {
    /** At most 63 characters: namespaces, and names Kargo copies into label values. */
    DNS_LABEL(63, ObjectMetadata.DNS_LABEL, "a DNS-1123 label"),
    /** At most 253 characters: Kubernetes' rule for custom resources. */
    DNS_SUBDOMAIN(253, ObjectMetadata.DNS_SUBDOMAIN, "a DNS-1123 subdomain"),
    /** At most 52 characters: the Jobs a CronJob creates append 11 to its name. */
    CRON_JOB(52, ObjectMetadata.DNS_SUBDOMAIN, "a DNS-1123 subdomain of at most 52 characters");

    final int max;
    final Pattern pattern;
    final String description;

    NameRule(int max, Pattern pattern, String description) {
      this.max = max;
      this.pattern = pattern;
      this.description = description;
    }

    boolean accepts(String name) {
      return name.length() <= max && pattern.matcher(name).matches();
    }
  }

  private ObjectMetadata() {}

  /**
   * The violations of {@code document}'s metadata.
   *
   * @param namespaced whether the kind is namespaced
   * @param namespace the namespace a namespaced object must be in, or null if unknown
   */
  static List<Violation> check(Document document, NameRule rule, boolean namespaced, String namespace) {
    List<Violation> out = new ArrayList<>();
    JsonNode metadata = document.body().path("metadata");
    if (!metadata.isObject()) {
      out.add(document.violation("/metadata", "metadata is missing"));
      return out;
    }
    metadata.fieldNames().forEachRemaining(field -> {
      if (SERVER_FIELDS.contains(field)) {
        out.add(document.violation("/metadata/" + field, "\"" + field + "\" is set by the API server"));
      } else if (!CLIENT_FIELDS.contains(field)) {
        out.add(document.violation("/metadata/" + field, "unknown field \"" + field + "\""));
      }
    });
    checkName(document, metadata.path("name"), rule, out);
    checkNamespace(document, metadata.path("namespace"), namespaced, namespace, out);
    checkLabels(document, metadata.path("labels"), out);
    checkAnnotations(document, metadata.path("annotations"), out);
    return out;
  }

  /** Why {@code key} is not a label or annotation key, or null when it is one. */
  static String keyError(String key) {
    int slash = key.lastIndexOf('/');
    String prefix = slash < 0 ? null : key.substring(0, slash);
    String name = key.substring(slash + 1);
    if (prefix != null && !(prefix.length() <= 253 && DNS_SUBDOMAIN.matcher(prefix).matches())) {
      return "key prefix \"" + prefix + "\" is not a DNS-1123 subdomain";
    }
    if (name.isEmpty() || name.length() > 63 || !QUALIFIED_NAME_PART.matcher(name).matches()) {
      return "key name \"" + name + "\" must be 1-63 alphanumerics, '-', '_' or '.', starting and ending"
          + " with an alphanumeric";
    }
    return null;
  }

  /** Whether {@code value} is a label value: empty, or a qualified name part of at most 63. */
  static boolean isLabelValue(String value) {
    return value.isEmpty() || value.length() <= 63 && QUALIFIED_NAME_PART.matcher(value).matches();
  }

  private static void checkName(Document d, JsonNode name, NameRule rule, List<Violation> out) {
    if (!name.isTextual()) {
      out.add(d.violation("/metadata/name", "metadata.name is missing or not a string"));
    } else if (!rule.accepts(name.asText())) {
      out.add(d.violation("/metadata/name", "name \"" + name.asText() + "\" is not " + rule.description
          + " of at most " + rule.max + " characters"));
    }
  }

  private static void checkNamespace(Document d, JsonNode actual, boolean namespaced, String expected,
      List<Violation> out) {
    if (!namespaced) {
      if (!actual.isMissingNode()) {
        out.add(d.violation("/metadata/namespace", d.kind() + " is cluster-scoped and takes no namespace"));
      }
    } else if (!actual.isTextual()) {
      out.add(d.violation("/metadata/namespace", d.kind() + " is namespaced: metadata.namespace is missing"));
    } else if (expected != null && !actual.asText().equals(expected)) {
      out.add(d.violation("/metadata/namespace", "namespace \"" + actual.asText()
          + "\" is not the Project's namespace \"" + expected + "\""));
    }
  }

  private static void checkLabels(Document d, JsonNode labels, List<Violation> out) {
    if (labels.isMissingNode()) {
      return;
    }
    if (!labels.isObject()) {
      out.add(d.violation("/metadata/labels", "labels must be a map of strings"));
      return;
    }
    for (Map.Entry<String, JsonNode> label : iterable(labels)) {
      String path = Violation.pointer("/metadata/labels", label.getKey());
      String keyError = keyError(label.getKey());
      if (keyError != null) {
        out.add(d.violation(path, "label " + keyError));
      }
      if (!label.getValue().isTextual()) {
        out.add(d.violation(path, "label value must be a string, found " + label.getValue().getNodeType()));
      } else if (!isLabelValue(label.getValue().asText())) {
        out.add(d.violation(path, "label value \"" + label.getValue().asText() + "\" must be at most 63"
            + " alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric"));
      }
    }
  }

  private static void checkAnnotations(Document d, JsonNode annotations, List<Violation> out) {
    if (annotations.isMissingNode()) {
      return;
    }
    if (!annotations.isObject()) {
      out.add(d.violation("/metadata/annotations", "annotations must be a map of strings"));
      return;
    }
    long bytes = 0;
    for (Map.Entry<String, JsonNode> a : iterable(annotations)) {
      String path = Violation.pointer("/metadata/annotations", a.getKey());
      String keyError = keyError(a.getKey());
      if (keyError != null) {
        out.add(d.violation(path, "annotation " + keyError));
      }
      if (!a.getValue().isTextual()) {
        out.add(d.violation(path, "annotation value must be a string, found " + a.getValue().getNodeType()));
      }
      bytes += a.getKey().getBytes(StandardCharsets.UTF_8).length
          + a.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
    }
    if (bytes > ANNOTATIONS_MAX_BYTES) {
      out.add(d.violation("/metadata/annotations", "annotations total " + bytes + " bytes, more than 256 KiB"));
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
    return object.properties();
  }
}
