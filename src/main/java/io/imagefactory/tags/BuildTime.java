package io.imagefactory.tags;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build time Kargo v1.11.2 sorts NewestBuild by, for one image manifest
 * ({@code getCreationTime}, {@code pkg/image/repository_client.go:443-460}): the first RFC 3339
 * value among the manifest annotation {@code org.opencontainers.image.created}, the manifest
 * annotation {@code org.label-schema.build-date}, the same two config labels; else the config's
 * {@code created}. An index takes the newest time of its images ({@link TagImage.Index#created}).
 */
public final class BuildTime {
  /** The OCI annotation and label. */
  public static final String OCI_CREATED = "org.opencontainers.image.created";
  /** The label-schema annotation and label. */
  public static final String LEGACY_BUILD_DATE = "org.label-schema.build-date";

  // Go's time.RFC3339 layout as time.Parse reads it: a fraction (dot or comma) is accepted after the seconds
  private static final Pattern RFC3339 =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(?:[.,](\\d+))?(Z|[+-]\\d{2}:\\d{2})");

  private BuildTime() {}

  /**
   * The build time of an image manifest.
   *
   * @param manifestAnnotations the manifest's annotations
   * @param configLabels the labels of the image config
   * @param configCreated the config's {@code created} (Go's zero time when it has none)
   */
  public static Instant of(Map<String, String> manifestAnnotations, Map<String, String> configLabels, Instant configCreated) {
    for (Map<String, String> source : List.of(manifestAnnotations, configLabels)) {
      for (String key : List.of(OCI_CREATED, LEGACY_BUILD_DATE)) {
        Optional<Instant> t = Optional.ofNullable(source.get(key)).flatMap(BuildTime::parseRfc3339);
        if (t.isPresent()) {
          return t.get();
        }
      }
    }
    return configCreated;
  }

  /** {@code text} read as Go's {@code time.Parse(time.RFC3339, text)} reads it, or empty. */
  static Optional<Instant> parseRfc3339(String text) {
    Matcher m = RFC3339.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String fraction = m.group(2) == null ? "" : "." + (m.group(2) + "000000000").substring(0, 9);
    try {
      return Optional.of(OffsetDateTime.parse(m.group(1) + fraction + m.group(3)).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty(); // a month 13, a February 30th, an hour 24
    }
  }
}
