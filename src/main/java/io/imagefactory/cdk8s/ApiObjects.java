package io.imagefactory.cdk8s;

import io.imagefactory.kargo.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdk8s.ApiObject;
import org.cdk8s.ApiObjectMetadata;
import org.cdk8s.ApiObjectProps;
import org.cdk8s.JsonPatch;
import software.constructs.Construct;

/**
 * Turns one generated {@link Manifest} into a cdk8s {@link ApiObject} with the same content.
 *
 * <p>Name, namespace, labels and annotations go in as metadata props, so that what users add
 * through {@code getMetadata()} merges with them. Everything else (usually just {@code spec})
 * goes in as one {@link JsonPatch} {@code add} per top-level field: jsii's Java props have no
 * {@code spec}, a {@code toJson()} override calls back into the JVM once per object and
 * overflows the stack past about 2,000 objects, and patches keep the generator's field order.
 */
final class ApiObjects {
  private static final List<String> HEAD = List.of("apiVersion", "kind", "metadata");
  private static final List<String> METADATA_PROPS = List.of("name", "namespace", "labels", "annotations");

  private ApiObjects() {}

  /** The construct id of a document's object: unique in a chart, since kind/name is. */
  static String id(Manifest m) {
    return m.kind() + "-" + m.name();
  }

  static ApiObject of(Construct scope, Manifest m) {
    Map<String, Object> metadata = map(m.document().get("metadata"));
    ApiObjectMetadata.Builder meta = ApiObjectMetadata.builder().name(m.name());
    if (m.namespace() != null) {
      meta.namespace(m.namespace());
    }
    Map<String, String> labels = strings(metadata.get("labels"));
    if (!labels.isEmpty()) {
      meta.labels(labels);
    }
    Map<String, String> annotations = strings(metadata.get("annotations"));
    if (!annotations.isEmpty()) {
      meta.annotations(annotations);
    }
    ApiObject object = new ApiObject(scope, id(m), ApiObjectProps.builder()
        .apiVersion(m.apiVersion()).kind(m.kind()).metadata(meta.build()).build());
    List<JsonPatch> patches = new ArrayList<>();
    metadata.forEach((key, value) -> {
      if (!METADATA_PROPS.contains(key)) {
        patches.add(JsonPatch.add("/metadata/" + pointer(key), value));
      }
    });
    m.document().forEach((key, value) -> {
      if (!HEAD.contains(key)) {
        patches.add(JsonPatch.add("/" + pointer(key), value));
      }
    });
    if (!patches.isEmpty()) {
      object.addJsonPatch(patches.toArray(JsonPatch[]::new)); // one jsii call for all of them
    }
    return object;
  }

  /** A JSON Pointer reference token (RFC 6901): {@code ~} and {@code /} escaped. */
  static String pointer(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static Map<String, String> strings(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    map(value).forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }
}
