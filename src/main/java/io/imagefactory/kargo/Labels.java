package io.imagefactory.kargo;

import java.util.Map;

/** The labels generated resources carry, so that people and selectors can find them. */
final class Labels {
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String PART_OF = "app.kubernetes.io/part-of";
  static final String TOOL = "image-factory";
  /** The fleet name of the image a resource belongs to. */
  static final String IMAGE = "imagefactory.io/image";
  /** What a Stage does: observe, analyze or rebuild. */
  static final String ROLE = "imagefactory.io/role";
  /** Set to "true" on Stages the ProjectConfig auto-promotes. */
  static final String AUTO_PROMOTE = "imagefactory.io/auto-promote";

  private Labels() {}

  static Map<String, Object> common() {
    return Tree.map(MANAGED_BY, TOOL, PART_OF, TOOL);
  }

  static Map<String, Object> forImage(String image) {
    return Tree.map(MANAGED_BY, TOOL, PART_OF, TOOL, IMAGE, image);
  }

  static Map<String, Object> forStage(String image, String role, boolean autoPromote) {
    return Tree.map(MANAGED_BY, TOOL, PART_OF, TOOL, IMAGE, image, ROLE, role,
        AUTO_PROMOTE, autoPromote ? "true" : null);
  }
}
