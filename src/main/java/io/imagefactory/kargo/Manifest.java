package io.imagefactory.kargo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated Kubernetes document: its identity and its content as an ordered tree of maps,
 * lists and scalars, the "unstructured" form both YAML rendering and cdk8s consume.
 *
 * @param apiVersion e.g. {@code kargo.akuity.io/v1alpha1}
 * @param kind e.g. {@code Warehouse}
 * @param name {@code metadata.name}
 * @param namespace {@code metadata.namespace}, or null for cluster-scoped kinds
 * @param document the whole document, {@code apiVersion} first, in the order it is written
 */
public record Manifest(
    String apiVersion, String kind, String name, String namespace, Map<String, Object> document) {

  public Manifest {
    document = Collections.unmodifiableMap(new LinkedHashMap<>(document));
  }

  /** {@code kind/name}, how kubectl names an object. */
  public String id() {
    return kind + "/" + name;
  }
}
