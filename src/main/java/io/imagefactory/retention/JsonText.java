package io.imagefactory.retention;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON trees read and written with Jackson's streaming parser and generator alone. An {@code
 * ObjectMapper} costs half a second to make in a fresh JVM, more than reading a 10,000-tag
 * snapshot; the trees and the pretty printing are the same.
 */
final class JsonText {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonText() {}

  /** A new, empty object to fill and {@link #write}. */
  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** The tree of {@code text}, or null when it holds no value. */
  static JsonNode read(String text) throws IOException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      JsonNode root = value(parser, first);
      if (parser.nextToken() != null) {
        throw new com.fasterxml.jackson.core.JsonParseException(parser, "more than one value");
      }
      return root;
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = NODES.objectNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        return array;
      }
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return NODES.numberNode(parser.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      default:
        return NODES.nullNode();
    }
  }

  /** {@code tree} pretty-printed as {@code ObjectMapper}'s {@code INDENT_OUTPUT} prints it, and a newline. */
  static String write(JsonNode tree) {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = FACTORY.createGenerator(out)) {
      gen.setPrettyPrinter(new DefaultPrettyPrinter());
      write(gen, tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  private static void write(JsonGenerator gen, JsonNode node) throws IOException {
    if (node.isObject()) {
      gen.writeStartObject();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        gen.writeFieldName(e.getKey());
        write(gen, e.getValue());
      }
      gen.writeEndObject();
    } else if (node.isArray()) {
      gen.writeStartArray();
      for (JsonNode item : node) {
        write(gen, item);
      }
      gen.writeEndArray();
    } else if (node.isTextual()) {
      gen.writeString(node.asText());
    } else if (node.isIntegralNumber()) {
      gen.writeNumber(node.asLong());
    } else if (node.isNumber()) {
      gen.writeNumber(node.decimalValue());
    } else if (node.isBoolean()) {
      gen.writeBoolean(node.asBoolean());
    } else {
      gen.writeNull();
    }
  }
}
