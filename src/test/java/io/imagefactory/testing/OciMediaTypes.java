package io.imagefactory.testing;

/** The media types of the OCI image spec and Docker's image manifest v2, as registries send them. */
public final class OciMediaTypes {
  public static final String INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
  public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  public static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";

  private OciMediaTypes() {}
}
