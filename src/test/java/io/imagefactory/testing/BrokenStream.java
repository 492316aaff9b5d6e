package io.imagefactory.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The valid stream of test resource {@code valid-stream.yaml}, with things broken on purpose. */
final class BrokenStream {
  private final List<JsonNode> documents;

  private BrokenStream(List<JsonNode> documents) {
    this.documents = documents;
  }

  /** A fresh copy of the valid stream. */
  static BrokenStream valid() {
    try {
      String yaml = Files.readString(Fixtures.resource("io/imagefactory/testing/valid-stream.yaml"));
      return new BrokenStream(new ArrayList<>(KargoConformance.parse(yaml)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<JsonNode> documents() {
    return documents;
  }

  /** What {@code kargo} finds wrong with the stream, as {@code kind/name path: message} lines. */
  List<String> violations(KargoConformance kargo) {
    return kargo.checkDocuments(documents).stream().map(Violation::toString).toList();
  }

  /**
   * Sets the value at {@code pointer} of document {@code id} ({@code kind/name}) to {@code yaml},
   * read as YAML ({@code 5} is a number, {@code {name: x}} a map); {@code -} appends to a list.
   */
  BrokenStream set(String id, String pointer, String yaml) {
    JsonNode value = KargoConformance.parse("value: " + yaml).get(0).get("value");
    JsonNode parent = document(id).at(pointer.substring(0, pointer.lastIndexOf('/')));
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    if (parent instanceof ArrayNode list) {
      if (last.equals("-")) {
        list.add(value);
      } else {
        list.set(Integer.parseInt(last), value);
      }
    } else if (parent instanceof ObjectNode map) {
      map.set(last.replace("~1", "/").replace("~0", "~"), value);
    } else {
      throw new IllegalArgumentException(id + " has nothing at " + pointer);
    }
    return this;
  }

  /** Removes the field or list item at {@code pointer} of document {@code id}. */
  BrokenStream remove(String id, String pointer) {
    JsonNode parent = document(id).at(pointer.substring(0, pointer.lastIndexOf('/')));
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    if (parent instanceof ArrayNode list) {
      list.remove(Integer.parseInt(last));
    } else if (parent instanceof ObjectNode map && map.has(last)) {
      map.remove(last);
    } else {
      throw new IllegalArgumentException(id + " has nothing at " + pointer);
    }
    return this;
  }

  /** Adds the documents of {@code yaml} to the stream. */
  BrokenStream add(String yaml) {
    documents.addAll(KargoConformance.parse(yaml));
    return this;
  }

  private JsonNode document(String id) {
    for (JsonNode d : documents) {
      if (id.equals(d.path("kind").asText() + "/" + d.path("metadata").path("name").asText())) {
        return d;
      }
    }
    throw new IllegalArgumentException("the stream has no " + id);
  }
}
