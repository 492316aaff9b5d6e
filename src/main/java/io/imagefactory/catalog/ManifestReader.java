package io.imagefactory.catalog;

import static io.imagefactory.catalog.Fields.shortened;

import io.imagefactory.Problem;
import io.imagefactory.image.ImageReference;
import io.imagefactory.yaml.MapReader;
import io.imagefactory.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a {@code <format>/manifest.yaml}: the fields every format has, those of its format, and
 * that it agrees with the folders it is in.
 */
public final class ManifestReader {
  static final List<String> COMMON = List.of("format", "version", "sha256", "size", "built_at", "base_image", "labels");
  static final Map<Format, List<String>> OWN = Map.of(
      Format.DOCKER, List.of("image", "architectures"),
      Format.DEB, List.of("url", "apt_repository", "package", "package_version", "architecture", "depends"),
      Format.GENERIC, List.of("url", "oci_artifact"));

  private ManifestReader() {}

  /**
   * Parses a manifest found at {@code <version>/<format>/manifest.yaml}; null when it has errors
   * (each recorded in {@code problems}).
   */
  public static Manifest read(String text, String file, Format folderFormat, String folderVersion,
      List<Problem> problems) {
    MapReader r = MapReader.of(YamlReader.read(text, file), file, "a manifest", problems);
    if (r == null) {
      return null;
    }
    int mark = r.mark();
    List<String> known = new ArrayList<>(COMMON);
    known.addAll(OWN.get(folderFormat));
    r.rejectUnknownFields(known, "a " + folderFormat + " manifest");
    String format = r.requiredString("format", "add 'format: " + folderFormat + "'");
    if (format != null && !format.equals(folderFormat.id())) {
      r.error("format", "format \"" + shortened(format) + "\" does not match its folder " + folderFormat + "/",
          "write 'format: " + folderFormat + "', or move the file to " + (Format.fromId(format) == null ? "its format's folder"
              : format + "/"));
    }
    String version = r.requiredString("version", "add 'version: " + folderVersion + "'");
    if (version != null && !version.equals(folderVersion)) {
      r.error("version", "version \"" + shortened(version) + "\" does not match its folder " + folderVersion + "/",
          "write 'version: " + folderVersion + "' (quoted if YAML would read it as a number)");
    }
    String sha256 = Fields.sha256(r);
    Optional<Long> size = Fields.size(r);
    String builtAt = Fields.time(r, "built_at");
    Location location = location(r, folderFormat, sha256);
    Optional<String> baseImage = baseImage(r, folderFormat);
    List<String> archs = folderFormat == Format.DOCKER ? architectures(r) : List.of();
    Optional<DebControl> deb = folderFormat == Format.DEB ? deb(r) : Optional.empty();
    TreeMap<String, String> labels = new TreeMap<>(r.stringMap("labels"));
    if (r.hasErrorsSince(mark) || location == null || sha256 == null || builtAt == null) {
      return null;
    }
    return new Manifest(folderFormat, folderVersion, location, sha256, size, builtAt, baseImage, archs, deb, labels,
        Positions.of(r));
  }

  private static Location location(MapReader r, Format format, String sha256) {
    List<Location.Kind> allowed = Location.allowed(format);
    List<Location.Kind> given = allowed.stream().filter(k -> r.has(k.field())).toList();
    if (given.isEmpty()) {
      r.error(r.position(), "\"" + allowed.get(0).field() + "\" is missing: a manifest says where its artifact is",
          "add " + String.join(" or ", allowed.stream().map(k -> "'" + k.field() + ": ...'").toList())
              + " (artifacts are not stored in git)");
      return null;
    }
    if (given.size() > 1) {
      r.error(given.get(1).field(), "both " + given.get(0).field() + " and " + given.get(1).field() + " are given",
          "keep the one the artifact is fetched from");
      return null;
    }
    Location.Kind kind = given.get(0);
    String value = r.optionalString(kind.field());
    if (value == null) {
      return null;
    }
    boolean ok = switch (kind) {
      case IMAGE, OCI_ARTIFACT -> reference(r, kind.field(), value, sha256);
      case URL -> Fields.isHttpUrl(value) || fail(r, kind.field(), "url \"" + shortened(value) + "\" is not an http(s) URL",
          "write where the artifact is downloaded from, e.g. https://artifacts.example.com/x/1.0.2/x.zip");
      case APT_REPOSITORY -> aptRepository(r, value);
    };
    return ok ? new Location(kind, value) : null;
  }

  /** An image or artifact reference with a tag; a digest in it must be the manifest's sha256. */
  private static boolean reference(MapReader r, String key, String value, String sha256) {
    Optional<ImageReference> ref = ImageReference.tryParse(value);
    if (ref.isEmpty()) {
      return fail(r, key, key + " \"" + shortened(value) + "\" is not an image reference",
          "write registry/repository:tag, e.g. ghcr.io/acme/ms-ingestion:1.0.2");
    }
    if (ref.get().tagImplicit() || ref.get().tag() == null) {
      return fail(r, key, key + " \"" + shortened(value) + "\" has no tag", "write the tag the version was pushed as");
    }
    String digest = ref.get().digest();
    if (digest != null && sha256 != null && !digest.equals("sha256:" + sha256)) {
      return fail(r, key, key + " pins " + digest + " but sha256 is " + sha256, "write the same digest in both, or drop it here");
    }
    return true;
  }

  /** A sources.list line's URI, suite and components: {@code https://apt.example.com/debian bookworm main}. */
  private static boolean aptRepository(MapReader r, String value) {
    String[] parts = value.trim().split("\\s+");
    if (parts.length < 3 || !Fields.isHttpUrl(parts[0])) {
      return fail(r, "apt_repository", "apt_repository \"" + shortened(value) + "\" is not 'URI SUITE COMPONENT'",
          "write it as in sources.list, e.g. https://apt.example.com/debian bookworm main");
    }
    return true;
  }

  private static boolean fail(MapReader r, String key, String message, String hint) {
    r.error(key, message, hint);
    return false;
  }

  private static Optional<String> baseImage(MapReader r, Format format) {
    String base = format == Format.DOCKER
        ? r.requiredString("base_image", "write the image it is built FROM, e.g. docker.io/library/python:3.11-alpine"
            + " (publish reads it from the analysed state or the org.opencontainers.image.base.name annotation)")
        : r.optionalString("base_image");
    if (base != null && ImageReference.tryParse(base).isEmpty()) {
      r.error("base_image", "base_image \"" + shortened(base) + "\" is not an image reference",
          "write registry/repository:tag, e.g. docker.io/library/python:3.11-alpine");
      return Optional.empty();
    }
    return Optional.ofNullable(base);
  }

  private static List<String> architectures(MapReader r) {
    Fields.requireKey(r, "architectures", "list the image's platforms, e.g. '- amd64'");
    List<String> out = new ArrayList<>();
    List<io.imagefactory.yaml.YamlNode.Scalar> items = Fields.scalars(r, "architectures");
    for (var s : items) {
      if (!Architectures.isKnown(s.value()) || s.value().equals(Architectures.ALL)) {
        r.error(s.position(), "unknown architecture \"" + shortened(s.value()) + "\"", "write one of " + Architectures.known());
      } else if (out.contains(s.value())) {
        r.error(s.position(), "architecture \"" + s.value() + "\" is listed twice", "list each platform once");
      } else {
        out.add(s.value());
      }
    }
    // an empty list, and "architectures:" with nothing after it: a docker image has a platform
    if (items.isEmpty() && r.node("architectures") != null) {
      r.error("architectures", "architectures is empty", "list the image's platforms, e.g. '- amd64'");
    }
    return out;
  }

  private static Optional<DebControl> deb(MapReader r) {
    String name = r.requiredString("package", "write the package's name (its control file's Package)");
    String version = r.requiredString("package_version", "write its control file's Version, e.g. 1.0.2-1");
    String arch = r.requiredString("architecture", "write its control file's Architecture, e.g. amd64 or all");
    if (arch != null && !Architectures.isKnown(arch)) {
      r.error("architecture", "unknown architecture \"" + shortened(arch) + "\"", "write one of " + Architectures.known());
    }
    String depends = r.optionalString("depends");
    if (name == null || version == null || arch == null) {
      return Optional.empty();
    }
    return Optional.of(new DebControl(name, version, arch, depends));
  }
}
