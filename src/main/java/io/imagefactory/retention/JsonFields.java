package io.imagefactory.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.imagefactory.InvalidInputException;
import io.imagefactory.image.ImageReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reading the fields of the snapshot and plan files with a message naming the file and the field
 * ({@code snapshot.json: tags[3].digest: ...}) for anything missing or mistyped.
 */
final class JsonFields {
  private final String file;
  // a snapshot repeats most digests and times (10,000 tags on 1,500 manifests): check and parse each once
  private final Map<String, Instant> instants = new HashMap<>();
  private final Set<String> digests = new HashSet<>();

  JsonFields(String file) {
    this.file = file;
  }

  JsonNode parse(String text, String what) {
    try {
      JsonNode root = JsonText.read(text);
      if (root == null || !root.isObject()) {
        throw invalid("", "is not a JSON object", "pass a " + what + " file");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(file, "is not JSON: " + e.getOriginalMessage(), "pass a " + what + " file", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
    if (!digests.contains(digest) && !isSha256(digest) && !ImageReference.isValidDigest(digest)) {
      throw invalid(path, "\"" + digest + "\" is not a digest", "write sha256: and 64 lowercase hex digits");
    }
    digests.add(digest);
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
    Instant known = instants.get(text);
    if (known != null) {
      return known;
    }
    try {
      Instant parsed = OffsetDateTime.parse(text).toInstant();
      instants.put(text, parsed);
      return parsed;
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

  /** {@code sha256:} and 64 lowercase hex digits, checked without a regex. */
  private static boolean isSha256(String digest) {
    if (digest.length() != 71 || !digest.startsWith("sha256:")) {
      return false;
    }
    for (int i = 7; i < 71; i++) {
      char c = digest.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  InvalidInputException invalid(String path, String what, String hint) {
    return new InvalidInputException(path.isEmpty() ? file : file + ": " + path, what, hint);
  }
}
