package io.imagefactory.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an image's config blob says about it.
 *
 * @param platform the os, architecture and variant the image was built for
 * @param created when it was built ({@code created}, RFC 3339), if the config says
 * @param labels its labels ({@code config.Labels}), e.g. {@code org.opencontainers.image.revision}, sorted by key
 */
public record ImageConfig(Platform platform, Optional<Instant> created, SortedMap<String, String> labels) {
  public ImageConfig {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(created, "created");
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  /**
   * Reads a config blob (OCI or Docker). A {@code created} that is not RFC 3339 counts as absent.
   *
   * @throws IllegalArgumentException when the bytes are not a JSON object
   */
  static ImageConfig parse(byte[] bytes) {
    JsonNode json = Json.read(bytes);
    if (!json.isObject()) {
      throw new IllegalArgumentException("the image config is not a JSON object");
    }
    Platform platform = new Platform(json.path("os").asText(""), json.path("architecture").asText(""),
        Json.text(json.get("variant")));
    return new ImageConfig(platform, Json.text(json.get("created")).flatMap(ImageConfig::instant),
        new TreeMap<>(Json.stringMap(json.path("config").get("Labels"))));
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
