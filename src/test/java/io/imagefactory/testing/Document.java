package io.imagefactory.testing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One document of a generated YAML stream, as the API server would receive it.
 *
 * @param id {@code kind/name}, or {@code document N} when either is missing
 * @param kind {@code kind}, or "" when missing
 * @param name {@code metadata.name}, or "" when missing
 * @param body the whole document
 */
record Document(String id, String kind, String name, JsonNode body) {
  static Document of(JsonNode body, int index) {
    String kind = body.path("kind").asText("");
    String name = body.path("metadata").path("name").asText("");
    String id = kind.isEmpty() || name.isEmpty() ? "document " + (index + 1) : kind + "/" + name;
    return new Document(id, kind, name, body);
  }

  JsonNode spec() {
    return body.path("spec");
  }

  Violation violation(String path, String message) {
    return new Violation(id, path, message);
  }
}
