package io.imagefactory.jobs;

import io.imagefactory.InvalidInputException;
import io.imagefactory.catalog.Format;
import io.imagefactory.catalog.Location;
import io.imagefactory.catalog.Manifest;
import io.imagefactory.registry.ResolvedImage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A docker artifact's catalog manifest from the image as its registry serves it: what {@code
 * catalog publish --format docker} and the analysis job's publication of a build both record.
 */
public final class CatalogImages {
  private static final String OCI_LABELS = "org.opencontainers.image.";
  /** The annotation (or label) builders record the base image in. */
  public static final String BASE_NAME = "org.opencontainers.image.base.name";

  private CatalogImages() {}

  /**
   * The manifest of {@code resolved}, published as {@code version} of {@code reference}: its
   * digest, {@code built_at} from the newest config's created time, its OCI labels (an index's
   * platforms are built from one source: the first that records a label gives it) and its
   * architectures.
   *
   * @param base the image it is built from, when the caller knows it better than the image does;
   *     else the image's {@code org.opencontainers.image.base.name} annotation or label
   * @param where what to name in an error: the option or the image
   * @throws InvalidInputException when the image records no created time
   */
  public static Manifest manifest(String version, String reference, ResolvedImage resolved, Optional<String> base,
      String where) {
    List<String> archs = resolved.platforms().stream().map(p -> p.platform().architecture()).distinct().sorted()
        .toList();
    TreeMap<String, String> labels = new TreeMap<>();
    resolved.platforms().stream().flatMap(p -> p.config().stream()).forEach(c -> c.labels().forEach((k, v) -> {
      if (k.startsWith(OCI_LABELS)) {
        labels.putIfAbsent(k, v);
      }
    }));
    Optional<Instant> newest = resolved.platforms().stream().flatMap(p -> p.config().stream())
        .flatMap(c -> c.created().stream()).max(Instant::compareTo);
    Instant built = newest.orElseThrow(() -> new InvalidInputException(where, reference + " records no created time",
        "build it with a builder that sets the config's created field (BuildKit, Jib, ko do)"));
    Optional<String> baseImage = base.or(() -> Optional.ofNullable(resolved.annotations().get(BASE_NAME)))
        .or(() -> Optional.ofNullable(labels.get(BASE_NAME)));
    labels.remove(BASE_NAME);
    return new Manifest(Format.DOCKER, version, new Location(Location.Kind.IMAGE, reference),
        resolved.digest().substring(resolved.digest().indexOf(':') + 1), Optional.empty(), time(built), baseImage,
        archs, Optional.empty(), labels, null);
  }

  /** {@code at} as a manifest writes {@code built_at}: UTC, to the second. */
  public static String time(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
