package io.imagefactory.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.imagefactory.InvalidInputException;
import io.imagefactory.image.ImageReference;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading the fields of the snapshot and plan files with a message naming the file and the field
 * ({@code snapshot.json: tags[3].digest: ...}) for anything missing or mistyped.
 */
final class JsonFields {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String file;

  JsonFields(String file) {
    this.file = file;
  }

  JsonNode parse(String text, String what) {
    try {
      JsonNode root = MAPPER.readTree(text);
      if (root == null || !root.isObject()) {
        throw invalid("", "is not a JSON object", "pass a " + what + " file");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(file, "is not JSON: " + e.getOriginalMessage(), "pass a " + what + " file", e);
    }
  }

  String string(JsonNode node, String path) {
    if (!node.isTextual()) {
      throw invalid(path, "must be a string", "see the format in the README");
    }
    return node.asText();
  }

  Optional<String> optionalString(JsonNode node, String path) {
    return node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(string(node, path));
  }

  String digest(JsonNode node, String path) {
    String digest = string(node, path);
    if (!ImageReference.isValidDigest(digest)) {
      throw invalid(path, "\"" + digest + "\" is not a digest", "write sha256: and 64 lowercase hex digits");
    }
    return digest;
  }

  Optional<String> optionalDigest(JsonNode node, String path) {
    return node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(digest(node, path));
  }

  String tag(JsonNode node, String path) {
    String tag = string(node, path);
    if (!ImageReference.isValidTag(tag)) {
      throw invalid(path, "\"" + tag + "\" is not an image tag", "write letters, digits, '_', '.' and '-', at most 128");
    }
    return tag;
  }

  Instant instant(JsonNode node, String path) {
    String text = string(node, path);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(path, "\"" + text + "\" is not an RFC 3339 time", "write e.g. 2026-12-04T10:00:00Z or with an offset");
    }
  }

  Optional<Instant> optionalInstant(JsonNode node, String path) {
    return node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(instant(node, path));
  }

  List<JsonNode> array(JsonNode node, String path) {
    if (!node.isArray()) {
      throw invalid(path, "must be a list", "see the format in the README");
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  List<String> strings(JsonNode node, String path) {
    List<String> values = new ArrayList<>();
    List<JsonNode> items = array(node, path);
    for (int i = 0; i < items.size(); i++) {
      values.add(string(items.get(i), path + "[" + i + "]"));
    }
    return values;
  }

  InvalidInputException invalid(String path, String what, String hint) {
    return new InvalidInputException(path.isEmpty() ? file : file + ": " + path, what, hint);
  }

  static String write(Object tree) {
    try {
      return MAPPER.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
