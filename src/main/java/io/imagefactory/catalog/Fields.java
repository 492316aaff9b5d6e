package io.imagefactory.catalog;

import io.imagefactory.config.Timestamps;
import io.imagefactory.yaml.MapReader;
import io.imagefactory.yaml.YamlNode;
import io.imagefactory.yaml.YamlNode.Scalar;
import io.imagefactory.yaml.YamlNode.Sequence;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Field checks the catalog's readers share: hashes, times, URLs, names, lists with positions. */
final class Fields {
  static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
  static final Pattern LABEL_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private Fields() {}

  /** A required sha256 of 64 lowercase hex digits. */
  static String sha256(MapReader r) {
    String sha = r.requiredString("sha256", "write the artifact's SHA-256 as 64 lowercase hex digits"
        + " (image-factory catalog publish computes it)");
    if (sha != null && !SHA256.matcher(sha).matches()) {
      r.error("sha256", "sha256 \"" + shortened(sha) + "\" is not 64 lowercase hex digits",
          "write the hex digits only, without 'sha256:'");
      return null;
    }
    return sha;
  }

  /** A required RFC 3339 time. */
  static String time(MapReader r, String key) {
    String t = r.requiredString(key, "write when the artifact was built, e.g. 2025-05-10T22:15:00Z");
    if (t != null && !Timestamps.isValid(t)) {
      r.error(key, key + " \"" + shortened(t) + "\" is not an RFC 3339 time", "write e.g. 2025-05-10T22:15:00Z");
      return null;
    }
    return t;
  }

  /** An optional https (or http) URL with a host. */
  static String url(MapReader r, String key) {
    String url = r.optionalString(key);
    if (url != null && !isHttpUrl(url)) {
      r.error(key, key + " \"" + shortened(url) + "\" is not an http(s) URL", "write e.g. https://example.com/path");
      return null;
    }
    return url;
  }

  static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** An optional e-mail address. */
  static String email(MapReader r, String key) {
    String email = r.optionalString(key);
    if (email != null && !EMAIL.matcher(email).matches()) {
      r.error(key, key + " \"" + shortened(email) + "\" is not an e-mail address", "write e.g. team@example.com");
      return null;
    }
    return email;
  }

  /** The scalars of a list (or one scalar) with their positions; items that are not scalars are problems. */
  static List<Scalar> scalars(MapReader r, String key) {
    YamlNode node = r.node(key);
    List<Scalar> out = new ArrayList<>();
    if (node instanceof Scalar s && !s.isNull()) {
      out.add(s);
    } else if (node instanceof Sequence seq) {
      for (YamlNode item : seq.items()) {
        if (item instanceof Scalar s && !s.isNull()) {
          out.add(s);
        } else {
          r.error(item.position(), "each item of \"" + key + "\" must be a string, found " + item.describe(),
              "write one value per '- ' line");
        }
      }
    } else if (node != null && !(node instanceof Scalar)) {
      r.error(node.position(), "\"" + key + "\" must be a list of strings, found " + node.describe(),
          "write one value per '- ' line");
    }
    return out;
  }

  /** A list of lowercase names (domains, environments), each once. */
  static List<String> names(MapReader r, String key, String what) {
    List<String> out = new ArrayList<>();
    for (Scalar s : scalars(r, key)) {
      if (!LABEL_NAME.matcher(s.value()).matches()) {
        r.error(s.position(), what + " \"" + shortened(s.value()) + "\" is not a name",
            "use lowercase letters, digits and '-', e.g. cloud or prod");
      } else if (out.contains(s.value())) {
        r.error(s.position(), what + " \"" + s.value() + "\" is listed twice", "keep one");
      } else {
        out.add(s.value());
      }
    }
    return out;
  }

  /** A required field that must be present, even as an empty list. */
  static void requireKey(MapReader r, String key, String hint) {
    if (!r.keys().contains(key)) {
      r.error(r.position(), "\"" + key + "\" is missing", hint);
    }
  }

  /** A non-negative whole number that fits in a long, or empty. */
  static Optional<Long> size(MapReader r) {
    String text = r.optionalString("size");
    if (text == null) {
      return Optional.empty();
    }
    if (!text.matches("[0-9]{1,18}")) {
      r.error("size", "size \"" + shortened(text) + "\" is not a number of bytes", "write a whole number such as 10240");
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(text));
  }

  static String shortened(String s) {
    return io.imagefactory.TerminalText.shortened(s);
  }
}
