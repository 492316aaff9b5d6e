package io.imagefactory.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas generated documents are checked against, read from one directory of test resources
 * {@code kargo-crds/} (Kargo's {@code main}, or a release such as {@code kargo-crds/v1.11.2/})
 * and compiled once per instance.
 *
 * <ul>
 *   <li>Each generated kind's CRD: the served version's {@code openAPIV3Schema}, made strict
 *       ({@code additionalProperties: false} on every object schema that lists {@code properties}
 *       and does not set {@code x-kubernetes-preserve-unknown-fields}), so that an unknown field
 *       fails as it does under {@code kubectl apply --validate=strict}.
 *   <li>Kargo's subscription schemas (draft 2020-12) for each item of a Warehouse's {@code
 *       subscriptions}, which the CRD leaves open.
 *   <li>Kargo's promotion step config schemas, for each step's {@code config}, also open in the CRD.
 * </ul>
 */
public final class KargoSchemas {
  /** The CRDs and schemas of Kargo's {@code main} branch (see {@code kargo-crds/SOURCE.md}). */
  public static final String MAIN = "kargo-crds/";
  /** The CRDs and schemas of the release Kargo v1.11.2, what users run. */
  public static final String V1_11_2 = "kargo-crds/v1.11.2/";
  private static final Map<String, String> CRD_FILES = Map.of(
      "Project", "kargo.akuity.io_projects.yaml",
      "ProjectConfig", "kargo.akuity.io_projectconfigs.yaml",
      "Warehouse", "kargo.akuity.io_warehouses.yaml",
      "Stage", "kargo.akuity.io_stages.yaml",
      "AnalysisTemplate", "argoproj.io_analysis-template-crd.yaml");
  // Kubernetes' own schema extensions mean nothing to JSON Schema; registered so that compiling
  // does not log a warning for each. CrdRules checks the two that validate (CEL, list types).
  private static final List<String> KUBERNETES_KEYWORDS = List.of(
      "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string", "x-kubernetes-list-type",
      "x-kubernetes-list-map-keys", "x-kubernetes-map-type", "x-kubernetes-validations",
      "x-kubernetes-embedded-resource");
  // Keywords whose outcome depends on a value only known once ${{ }} is evaluated.
  private static final Set<String> VALUE_KEYWORDS =
      Set.of("pattern", "enum", "const", "format", "minLength", "maxLength");

  /**
   * A CRD as the API server serves it.
   *
   * @param kind e.g. {@code Stage}
   * @param apiVersion {@code group/version} of the served version
   * @param namespaced whether objects of the kind live in a namespace
   * @param schema the strict {@code openAPIV3Schema} (with the Kubernetes extensions kept)
   */
  public record CustomResource(String kind, String apiVersion, boolean namespaced, JsonNode schema,
      Schema compiled) {}

  private final String dir;
  private final Map<String, CustomResource> crds;
  private final SchemaRegistry kargoSchemas;
  private final Map<String, Schema> byFile = new ConcurrentHashMap<>();

  private KargoSchemas(String dir, Map<String, CustomResource> crds, SchemaRegistry kargoSchemas) {
    this.dir = dir;
    this.crds = crds;
    this.kargoSchemas = kargoSchemas;
  }

  /** Reads and compiles the CRDs of every generated kind from {@code main}'s files. */
  public static KargoSchemas load() {
    return load(MAIN);
  }

  /** Reads and compiles the CRDs of every generated kind from resource directory {@code dir}. */
  public static KargoSchemas load(String dir) {
    Dialect.Builder dialect = Dialect.builder(Dialects.getDraft4());
    KUBERNETES_KEYWORDS.forEach(k -> dialect.keyword(new NonValidationKeyword(k)));
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect.build());
    Map<String, CustomResource> crds = new LinkedHashMap<>();
    CRD_FILES.forEach((kind, file) -> crds.put(kind, customResource(kind, read(dir + file), registry)));
    crds.put("CronJob", cronJob(read(dir + CRD_FILES.get("AnalysisTemplate")), registry));
    return new KargoSchemas(dir, crds, SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12));
  }

  /** The resource directory the schemas come from, e.g. {@code kargo-crds/v1.11.2/}. */
  public String dir() {
    return dir;
  }

  /** The CRD of {@code kind}, or null when image-factory generates no such kind. */
  public CustomResource crd(String kind) {
    return crds.get(kind);
  }

  /** Every CRD loaded, by kind. */
  public Map<String, CustomResource> crds() {
    return Map.copyOf(crds);
  }

  /** {@code document} against its CRD's strict schema. */
  public List<Violation> validate(String id, CustomResource crd, JsonNode document) {
    return violations(id, "", crd.compiled().validate(document), null);
  }

  /** Whether Kargo has a schema for {@code type} subscriptions (image, git, chart). */
  public boolean hasSubscriptionType(String type) {
    return exists(dir + "subscription-schemas/" + type + ".json");
  }

  /** One subscription's body (what is under {@code image:}) at {@code path} of document {@code id}. */
  public List<Violation> validateSubscription(String id, String path, String type, JsonNode body) {
    return violations(id, path, schema("subscription-schemas/" + type + ".json").validate(body), null);
  }

  /** Whether Kargo has a built-in step called {@code uses} (one with a config schema). */
  public boolean hasStep(String uses) {
    return uses.matches("[a-z0-9-]+") && exists(dir + "promotion-step-schemas/" + uses + "-config.json");
  }

  /**
   * A step's {@code config} at {@code path}, as Kargo checks it after evaluating expressions.
   *
   * <p>Here expressions are still strings. A value that is one whole {@code ${{ }}} expression may
   * evaluate to any type (Kargo turns "42" into 42), so type errors on it are not reported; a
   * value that contains an expression is unknown until then, so pattern, enum and length errors
   * on it are not reported either. Every other error is, including unknown and missing fields.
   */
  public List<Violation> validateStepConfig(String id, String path, String uses, JsonNode config) {
    Schema schema = schema("promotion-step-schemas/" + uses + "-config.json");
    return violations(id, path, schema.validate(config), KargoSchemas::decidedAfterEvaluation);
  }

  private Schema schema(String file) {
    // By location, so that relative $refs (argocd-common.json) resolve next to the file.
    return byFile.computeIfAbsent(file,
        f -> kargoSchemas.getSchema(SchemaLocation.of("classpath:" + dir + f)));
  }

  private static boolean decidedAfterEvaluation(Error e) {
    JsonNode value = e.getInstanceNode();
    if (value == null || !value.isTextual() || !Expressions.contains(value.asText())) {
      return false;
    }
    return VALUE_KEYWORDS.contains(e.getKeyword())
        || "type".equals(e.getKeyword()) && Expressions.isWhole(value.asText());
  }

  private static List<Violation> violations(String id, String prefix, List<Error> errors,
      java.util.function.Predicate<Error> ignored) {
    List<Violation> out = new ArrayList<>();
    for (Error e : errors) {
      if (ignored != null && ignored.test(e)) {
        continue;
      }
      String path = prefix + e.getInstanceLocation();
      if ("additionalProperties".equals(e.getKeyword()) && e.getProperty() != null) {
        out.add(new Violation(id, Violation.pointer(path, e.getProperty()), "unknown field \"" + e.getProperty() + "\""));
      } else {
        out.add(new Violation(id, path, e.getMessage() + " (" + e.getKeyword() + ")"));
      }
    }
    return out;
  }

  private static CustomResource customResource(String kind, JsonNode crd, SchemaRegistry registry) {
    JsonNode spec = crd.path("spec");
    if (!kind.equals(spec.path("names").path("kind").asText())) {
      throw new IllegalStateException("the CRD file for " + kind + " defines " + spec.path("names").path("kind"));
    }
    for (JsonNode version : spec.path("versions")) {
      if (version.path("served").asBoolean()) {
        JsonNode schema = strict(version.path("schema").path("openAPIV3Schema"));
        return new CustomResource(kind, spec.path("group").asText() + "/" + version.path("name").asText(),
            "Namespaced".equals(spec.path("scope").asText()), schema, registry.getSchema(schema));
      }
    }
    throw new IllegalStateException("the CRD of " + kind + " serves no version");
  }

  /**
   * batch/v1 CronJob, which image-factory generates for its scheduled jobs: Kubernetes' schema of
   * the CronJob and its spec ({@code kubernetes/cronjob-batch-v1.json}), with the Job it creates
   * as the AnalysisTemplate CRD declares a Job (Argo Rollouts generates it from the same Go type).
   */
  private static CustomResource cronJob(JsonNode analysisTemplateCrd, SchemaRegistry registry) {
    ObjectNode schema = (ObjectNode) read("kubernetes/cronjob-batch-v1.json");
    JsonNode job = analysisTemplateCrd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/metrics"
        + "/items/properties/provider/properties/job");
    if (!job.at("/properties/spec/properties/template").isObject()) {
      throw new IllegalStateException("the AnalysisTemplate CRD declares no Job spec where expected");
    }
    ObjectNode jobTemplate = (ObjectNode) schema.at("/properties/spec/properties/jobTemplate/properties");
    jobTemplate.set("metadata", job.at("/properties/metadata").deepCopy());
    jobTemplate.set("spec", job.at("/properties/spec").deepCopy());
    JsonNode strict = strict(schema);
    return new CustomResource("CronJob", "batch/v1", true, strict, registry.getSchema(strict));
  }

  /** A copy of {@code schema} that rejects fields it does not list, as the API server prunes them. */
  static JsonNode strict(JsonNode schema) {
    JsonNode copy = schema.deepCopy();
    tighten(copy);
    return copy;
  }

  private static void tighten(JsonNode node) {
    if (!(node instanceof ObjectNode o)) {
      return;
    }
    if (o.has("properties") && !o.has("additionalProperties")
        && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
      o.put("additionalProperties", false);
    }
    o.path("properties").forEach(KargoSchemas::tighten);
    JsonNode items = o.path("items");
    if (items.isArray()) {
      items.forEach(KargoSchemas::tighten);
    } else {
      tighten(items);
    }
    tighten(o.get("additionalProperties"));
    tighten(o.get("not"));
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      o.path(combinator).forEach(KargoSchemas::tighten);
    }
  }

  private static boolean exists(String resource) {
    return KargoSchemas.class.getClassLoader().getResource(resource) != null;
  }

  private static JsonNode read(String resource) {
    try (InputStream in = KargoSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      ObjectMapper mapper = resource.endsWith(".json") ? new ObjectMapper() : new YAMLMapper();
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
