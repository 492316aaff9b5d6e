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
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null) {
        throw new IllegalArgumentException("the body is empty, not JSON");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the body is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("the body cannot be read as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Like {@link #read} for files that hold secrets: the error names only the line and column, and
   * keeps no cause, since a parser's message quotes the text it choked on.
   */
  static JsonNode readSecrets(byte[] bytes) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null) {
        throw new IllegalArgumentException("the file is empty, not JSON");
      }
      return node;
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      throw new IllegalArgumentException("the file is not valid JSON"
          + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
    } catch (IOException e) {
      throw new IllegalArgumentException("the file cannot be read as JSON");
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
