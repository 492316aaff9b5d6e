package io.imagefactory.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the JSON of manifests, configs, token and error responses, leniently: absent means empty. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Parses {@code bytes}; a syntax error becomes an {@link IllegalArgumentException} saying where. */
  static JsonNode read(byte[] bytes) {
    return parse(bytes, false);
  }

  /**
   * Like {@link #read} for files that hold secrets: the error names only the line and column, and
   * keeps no cause, since a parser's message quotes the text it choked on.
   */
  static JsonNode readSecrets(byte[] bytes) {
    return parse(bytes, true);
  }

  private static JsonNode parse(byte[] bytes, boolean secret) {
    String what = secret ? "the file" : "the body";
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null) {
        throw new IllegalArgumentException(what + " is empty, not JSON");
      }
      return node;
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      String at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
      throw secret ? new IllegalArgumentException(what + " is not valid JSON" + at)
          : new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " cannot be read as JSON");
    }
  }

  static Optional<String> text(JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
  }

  static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getValue().isValueNode() && !e.getValue().isNull()) {
          map.put(e.getKey(), e.getValue().asText());
        }
      }
    }
    return map;
  }

  static Optional<Descriptor> descriptor(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String digest = node.path("digest").asText("");
    if (digest.isEmpty()) {
      throw new IllegalArgumentException("a descriptor has no digest: " + node);
    }
    return Optional.of(new Descriptor(node.path("mediaType").asText(""), digest, node.path("size").asLong(0),
        platform(node.get("platform")), text(node.get("artifactType")), stringMap(node.get("annotations"))));
  }

  static List<Descriptor> descriptors(JsonNode node) {
    List<Descriptor> list = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(entry -> descriptor(entry).ifPresent(list::add));
    }
    return List.copyOf(list);
  }

  private static Optional<Platform> platform(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new Platform(node.path("os").asText(""), node.path("architecture").asText(""),
        text(node.get("variant"))));
  }
}
