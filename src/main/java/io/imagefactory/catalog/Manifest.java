package io.imagefactory.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@code versions/<version>/<format>/manifest.yaml}: where one artifact of a version is and what
 * it is, with the seeds' field names ({@code base_image}, {@code built_at}).
 *
 * @param format the format, as its folder says
 * @param version the catalog version, as its folder says
 * @param location where the artifact is: an image reference, a URL, an apt repository, an OCI artifact
 * @param sha256 the artifact's SHA-256 as 64 hex digits: for docker the manifest (or index) digest
 * @param size the artifact's size in bytes, for files
 * @param builtAt when it was built, RFC 3339 in UTC
 * @param baseImage the image a docker artifact is built from
 * @param architectures the platforms of a docker artifact ({@code amd64}, {@code arm64}, {@code arm/v7})
 * @param deb a deb artifact's control fields
 * @param labels a docker artifact's OCI labels
 * @param positions where each field was written (not part of the value)
 */
public record Manifest(
    Format format,
    String version,
    Location location,
    String sha256,
    Optional<Long> size,
    String builtAt,
    Optional<String> baseImage,
    List<String> architectures,
    Optional<DebControl> deb,
    SortedMap<String, String> labels,
    Positions positions) {

  public Manifest {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(builtAt, "builtAt");
    Objects.requireNonNull(baseImage, "baseImage");
    architectures = List.copyOf(architectures);
    Objects.requireNonNull(deb, "deb");
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    positions = positions == null ? Positions.NONE : positions;
  }

  /** The architectures the artifact runs on: a docker image's platforms, a deb's one, none for generic. */
  public List<String> artifactArchitectures() {
    return deb.map(d -> List.of(d.architecture())).orElse(architectures);
  }

  /** This manifest with another base image (the fleet's analysis knows it better than an annotation). */
  public Manifest withBaseImage(Optional<String> image) {
    return new Manifest(format, version, location, sha256, size, builtAt, image, architectures, deb, labels, positions);
  }
}
