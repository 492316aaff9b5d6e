package io.imagefactory.kargo;

import java.util.Map;

/** API versions and kinds of the generated resources, and their common document head. */
final class Kinds {
  static final String KARGO = "kargo.akuity.io/v1alpha1";
  static final String ROLLOUTS = "argoproj.io/v1alpha1";

  private Kinds() {}

  /** A document with {@code apiVersion, kind, metadata} and then the given body fields. */
  static Manifest manifest(String apiVersion, String kind, String name, String namespace,
      Map<String, Object> labels, Object... body) {
    Object[] head = {
      "apiVersion", apiVersion,
      "kind", kind,
      "metadata", Tree.map("name", name, "namespace", namespace, "labels", labels)
    };
    Object[] all = new Object[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return new Manifest(apiVersion, kind, name, namespace, Tree.map(all));
  }
}
