package io.imagefactory;

/**
 * Where things live in a checkout, relative to its root; messages name files by these paths.
 */
public final class Layout {
  public static final String CONFIG_DIR = "image-factory";
  public static final String IMAGES_FILE = CONFIG_DIR + "/images.yaml";
  public static final String SETTINGS_FILE = CONFIG_DIR + "/settings.yaml";
  /** The fleet's tag policy (optional): validate checks it; tags plan and retention plan take it with --policy. */
  public static final String TAG_POLICY_FILE = CONFIG_DIR + "/tag-policy.yaml";
  public static final String IMAGE_STATE_DIR = CONFIG_DIR + "/state/images";
  public static final String BASE_STATE_DIR = CONFIG_DIR + "/state/base-images";
  public static final String DIST_FILE = "dist/image-factory.k8s.yaml";

  private Layout() {}

  /** state/images/{name}.yaml */
  public static String imageState(String name) {
    return IMAGE_STATE_DIR + "/" + name + ".yaml";
  }

  /** state/base-images/{name}.yaml */
  public static String baseState(String name) {
    return BASE_STATE_DIR + "/" + name + ".yaml";
  }
}
