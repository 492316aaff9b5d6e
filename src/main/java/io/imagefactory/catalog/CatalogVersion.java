package io.imagefactory.catalog;

import io.imagefactory.semver.Version;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code versions/<version>/} folder of a component as read.
 *
 * @param text the folder's name
 * @param version it as a SemVer version, empty when it is not one
 * @param metadata its metadata.yaml, empty when missing or invalid
 * @param hasMetadataFile whether a metadata.yaml is there at all
 * @param manifests its valid manifests by format
 * @param formats the formats it has a manifest file for, valid or not
 */
public record CatalogVersion(String text, Optional<Version> version, Optional<Metadata> metadata,
    boolean hasMetadataFile, Map<Format, Manifest> manifests, Set<Format> formats) {
  public CatalogVersion {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(metadata, "metadata");
    manifests = manifests.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(manifests));
    formats = formats.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(formats));
  }
}
