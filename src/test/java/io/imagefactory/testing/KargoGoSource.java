package io.imagefactory.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kargo's Go code in test resources {@code kargo-webhook/v1.11.2/} (see its SOURCE.md), read as
 * data: the fields of Go struct {@code ImageSubscription} and the defaults of the webhook's
 * {@code ApplySubscriptionDefaults}. A form this does not understand fails loudly, so that a new
 * Kargo release with a new kind of default cannot pass unread.
 */
final class KargoGoSource {
  private static final String DIR = "kargo-webhook/v1.11.2/";
  private static final Pattern FIELD = Pattern.compile("(?m)^\\t(\\w+)\\s+(\\S+)\\s+`json:\"([^\",]*)(,omitempty)?\"");
  private static final Pattern CONSTANT = Pattern.compile("(?m)^\\t(\\w+)\\s+\\w+\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern DEFAULT = Pattern.compile(
      "if sub\\.Image\\.(\\w+) == (\"\"|nil|0) \\{\\s*sub\\.Image\\.(\\w+) = ([^\\n]+?)\\s*\\}");

  private KargoGoSource() {}

  /**
   * One field of a Go struct.
   *
   * @param goName the Go name, e.g. {@code StrictSemvers}
   * @param json its JSON name, e.g. {@code strictSemvers}
   * @param type its Go type, e.g. {@code *bool}
   * @param omitEmpty whether its zero value is left out when Go encodes it
   */
  record Field(String goName, String json, String type, boolean omitEmpty) {}

  /** The fields of {@code ImageSubscription}, in Go's order. */
  static List<Field> imageSubscriptionFields() {
    String types = read("zz_subscription_types.go");
    int start = types.indexOf("type ImageSubscription struct {");
    String body = types.substring(start, types.indexOf("\n}\n", start));
    List<Field> fields = new ArrayList<>();
    Matcher m = FIELD.matcher(body);
    while (m.find()) {
      fields.add(new Field(m.group(1), m.group(3), m.group(2), m.group(4) != null));
    }
    return fields;
  }

  /** What {@code ApplySubscriptionDefaults} sets when a field is unset, by JSON name: String, Boolean or Long. */
  static Map<String, Object> imageDefaults() {
    String code = read("image.go");
    int start = code.indexOf("func (i *imageSubscriber) ApplySubscriptionDefaults(");
    String body = code.substring(start, code.indexOf("\n}\n", start));
    Map<String, String> jsonNames = new LinkedHashMap<>();
    imageSubscriptionFields().forEach(f -> jsonNames.put(f.goName(), f.json()));
    Map<String, Object> defaults = new LinkedHashMap<>();
    Matcher m = DEFAULT.matcher(body);
    while (m.find()) {
      if (!m.group(1).equals(m.group(3))) {
        throw new IllegalStateException("a default that tests one field and sets another: " + m.group());
      }
      defaults.put(jsonNames.get(m.group(1)), value(m.group(4)));
    }
    if (defaults.size() != body.split("\\bif ").length - 2) { // the nil check of sub opens the body
      throw new IllegalStateException("ApplySubscriptionDefaults has a form KargoGoSource does not read:\n" + body);
    }
    return defaults;
  }

  private static Object value(String go) {
    if (go.matches("kargoapi\\.\\w+")) {
      String value = constants().get(go.substring("kargoapi.".length()));
      if (value == null) {
        throw new IllegalStateException("no constant " + go + " in zz_subscription_types.go");
      }
      return value;
    }
    if (go.matches("ptr\\.To\\((true|false)\\)")) {
      return Boolean.valueOf(go.substring(7, go.length() - 1));
    }
    if (go.matches("\\d+")) {
      return Long.valueOf(go);
    }
    throw new IllegalStateException("a default value KargoGoSource does not read: " + go);
  }

  private static Map<String, String> constants() {
    Map<String, String> constants = new LinkedHashMap<>();
    Matcher m = CONSTANT.matcher(read("zz_subscription_types.go"));
    while (m.find()) {
      constants.put(m.group(1), m.group(2));
    }
    return constants;
  }

  private static String read(String file) {
    try (InputStream in = KargoGoSource.class.getClassLoader().getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + DIR + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
