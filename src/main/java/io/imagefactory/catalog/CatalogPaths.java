package io.imagefactory.catalog;

/**
 * Where things live in a catalog, relative to its folder (settings' {@code catalog.path}), as the
 * design documents lay it out.
 *
 * <pre>
 * components/&lt;group&gt;/ownership.yaml
 * components/&lt;group&gt;/&lt;component&gt;/versions/&lt;version&gt;/metadata.yaml
 * components/&lt;group&gt;/&lt;component&gt;/versions/&lt;version&gt;/&lt;format&gt;/manifest.yaml
 * index/components.yaml
 * index/tags/domain-&lt;domain&gt;.yaml
 * index/tags/ci-tags.yaml
 * </pre>
 */
public final class CatalogPaths {
  public static final String COMPONENTS = "components";
  public static final String INDEX = "index";
  public static final String COMPONENTS_INDEX = INDEX + "/components.yaml";
  public static final String TAGS = INDEX + "/tags";
  public static final String CI_TAGS = TAGS + "/ci-tags.yaml";
  public static final String OWNERSHIP = "ownership.yaml";
  public static final String METADATA = "metadata.yaml";
  public static final String MANIFEST = "manifest.yaml";
  public static final String VERSIONS = "versions";

  private CatalogPaths() {}

  /** components/{component}/versions */
  public static String versions(String component) {
    return COMPONENTS + "/" + component + "/" + VERSIONS;
  }

  /** components/{component}/versions/{version} */
  public static String version(String component, String version) {
    return versions(component) + "/" + version;
  }

  /** components/{component}/versions/{version}/metadata.yaml */
  public static String metadata(String component, String version) {
    return version(component, version) + "/" + METADATA;
  }

  /** components/{component}/versions/{version}/{format}/manifest.yaml */
  public static String manifest(String component, String version, Format format) {
    return version(component, version) + "/" + format.id() + "/" + MANIFEST;
  }

  /** components/{group}/ownership.yaml; {@code components/ownership.yaml} for the top level. */
  public static String ownership(String group) {
    return group.isEmpty() ? COMPONENTS + "/" + OWNERSHIP : COMPONENTS + "/" + group + "/" + OWNERSHIP;
  }

  /** index/tags/domain-{domain}.yaml */
  public static String domain(String domain) {
    return TAGS + "/domain-" + domain + ".yaml";
  }

  /** The group of {@code component}: its path without the last segment, "" at the top. */
  public static String group(String component) {
    int slash = component.lastIndexOf('/');
    return slash < 0 ? "" : component.substring(0, slash);
  }

  /** The last segment of {@code component}: its own folder's name. */
  public static String leaf(String component) {
    return component.substring(component.lastIndexOf('/') + 1);
  }

  /**
   * The first line of a catalog file: it points yaml-language-server at the file's schema in
   * {@code schemas/} at the checkout's root, {@code displayPath} being the file's path from there.
   */
  public static String schemaComment(String displayPath, String schema) {
    int depth = (int) displayPath.chars().filter(c -> c == '/').count();
    return "# yaml-language-server: $schema=" + "../".repeat(depth) + "schemas/" + schema + "\n";
  }
}
