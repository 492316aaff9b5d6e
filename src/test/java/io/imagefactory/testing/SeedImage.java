package io.imagefactory.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny stand-in for a distroless base image, pushed to a test {@link Registry} as an OCI index
 * for linux/amd64 and linux/arm64: one layer with the {@code nonroot} user (65532), {@code /tmp}
 * and its home; no JRE, since tests run the image's entrypoint with their own JDK.
 *
 * <p>Built from fixed bytes (sorted tar, epoch times, gzip without a name or time), so it has the
 * same digests on every run.
 */
public final class SeedImage {
  public static final String PATH = "/usr/local/bin:/usr/bin:/bin";
  public static final List<String> ARCHITECTURES = List.of("amd64", "arm64");
  private static final ObjectMapper JSON = new ObjectMapper();

  private SeedImage() {}

  /** The one layer, as a tar (its digest is the config's diff_id). */
  public static byte[] layer() {
    return Tar.write(List.of(
        Tar.Entry.directory("etc", 0755),
        Tar.Entry.file("etc/passwd", 0644,
            "root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n"),
        Tar.Entry.file("etc/group", 0644, "root:x:0:\nnonroot:x:65532:\n"),
        Tar.Entry.directory("home", 0755),
        Tar.Entry.directory("home/nonroot", 0700),
        Tar.Entry.directory("tmp", 01777)));
  }

  /** The layer as pushed (gzip), whose digest the manifest names. */
  public static byte[] gzippedLayer() {
    return gzip(layer());
  }

  /**
   * Pushes the image as {@code repository:tag} and returns its pinned reference, {@code
   * host:port/repository:tag@sha256:...}, the form a production base image should take.
   */
  public static String push(Registry registry, String repository, String tag) {
    byte[] tar = layer();
    byte[] gzipped = gzippedLayer();
    registry.pushBlob(repository, gzipped);
    ArrayNode manifests = JSON.createArrayNode();
    for (String architecture : ARCHITECTURES) {
      byte[] config = bytes(config(architecture, Digests.sha256(tar)));
      registry.pushBlob(repository, config);
      byte[] manifest = bytes(manifest(config, gzipped));
      // children by digest first: an index that names a missing manifest is refused
      String digest = registry.pushManifest(repository, Digests.sha256(manifest), OciMediaTypes.MANIFEST, manifest);
      manifests.add(descriptor(OciMediaTypes.MANIFEST, digest, manifest.length)
          .set("platform", JSON.createObjectNode().put("architecture", architecture).put("os", "linux")));
    }
    ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", OciMediaTypes.INDEX);
    index.set("manifests", manifests);
    String digest = registry.pushManifest(repository, tag, OciMediaTypes.INDEX, bytes(index));
    return registry.hostPort() + "/" + repository + ":" + tag + "@" + digest;
  }

  private static ObjectNode config(String architecture, String diffId) {
    ObjectNode config = JSON.createObjectNode()
        .put("created", "1970-01-01T00:00:00Z").put("architecture", architecture).put("os", "linux");
    ObjectNode runtime = config.putObject("config");
    runtime.putArray("Env").add("PATH=" + PATH);
    runtime.put("User", "65532").put("WorkingDir", "/home/nonroot");
    runtime.putObject("Labels").put("io.imagefactory.test.base", "seed");
    config.putObject("rootfs").put("type", "layers").putArray("diff_ids").add(diffId);
    return config;
  }

  private static ObjectNode manifest(byte[] config, byte[] layer) {
    ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", OciMediaTypes.MANIFEST);
    manifest.set("config", descriptor(OciMediaTypes.CONFIG, Digests.sha256(config), config.length));
    manifest.putArray("layers").add(descriptor(OciMediaTypes.LAYER, Digests.sha256(layer), layer.length));
    return manifest;
  }

  /** An OCI descriptor: {@code {mediaType, digest, size}}. */
  static ObjectNode descriptor(String mediaType, String digest, long size) {
    return JSON.createObjectNode().put("mediaType", mediaType).put("digest", digest).put("size", size);
  }

  /** {@code json} as compact bytes, the form digests are taken of. */
  static byte[] bytes(ObjectNode json) {
    try {
      return JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** gzip as {@link GZIPOutputStream} writes it: no file name, time 0, so the same input gives the same bytes. */
  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
