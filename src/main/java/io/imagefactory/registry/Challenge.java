package io.imagefactory.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One authentication challenge of a {@code WWW-Authenticate} header (RFC 7235): a scheme and its
 * parameters, e.g. {@code Bearer realm="https://auth.docker.io/token",service="registry.docker.io"}.
 *
 * @param scheme in lower case: {@code basic}, {@code bearer}
 * @param params parameter names in lower case, values unquoted
 */
record Challenge(String scheme, Map<String, String> params) {
  Challenge {
    scheme = scheme.toLowerCase(Locale.ROOT);
    params = Map.copyOf(params);
  }

  boolean isBasic() {
    return "basic".equals(scheme);
  }

  boolean isBearer() {
    return "bearer".equals(scheme);
  }

  Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name)).filter(v -> !v.isEmpty());
  }

  /**
   * The challenges of every {@code WWW-Authenticate} value, in order. What cannot be parsed is
   * skipped, so one odd challenge does not hide a good one.
   */
  static List<Challenge> parse(List<String> headerValues) {
    List<Challenge> challenges = new ArrayList<>();
    for (String value : headerValues) {
      new Parser(value).challenges(challenges);
    }
    return challenges;
  }

  /** The first Bearer challenge, else the first Basic one. */
  static Optional<Challenge> preferred(List<String> headerValues) {
    List<Challenge> all = parse(headerValues);
    return all.stream().filter(Challenge::isBearer).findFirst()
        .or(() -> all.stream().filter(Challenge::isBasic).findFirst());
  }

  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    void challenges(List<Challenge> out) {
      while (true) {
        skip(" \t,");
        String scheme = token();
        if (scheme.isEmpty()) {
          return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        while (params(params)) {
          // each round reads one name=value
        }
        out.add(new Challenge(scheme, params));
      }
    }

    /** Reads one {@code name=value} into {@code params}; false at the end or at the next challenge's scheme. */
    private boolean params(Map<String, String> params) {
      skip(" \t,");
      int start = i;
      String name = token();
      skip(" \t");
      if (name.isEmpty() || i >= s.length() || s.charAt(i) != '=') {
        i = start;
        return false;
      }
      i++;
      skip(" \t");
      params.put(name.toLowerCase(Locale.ROOT), i < s.length() && s.charAt(i) == '"' ? quoted() : token());
      return true;
    }

    private String token() {
      int start = i;
      while (i < s.length() && isTokenChar(s.charAt(i))) {
        i++;
      }
      return s.substring(start, i);
    }

    // RFC 7230 tchar, plus "/" and ":" so that an unquoted URL stays one value
    private static boolean isTokenChar(char c) {
      return c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~/:".indexOf(c) >= 0);
    }

    private String quoted() {
      StringBuilder value = new StringBuilder();
      i++;
      while (i < s.length() && s.charAt(i) != '"') {
        if (s.charAt(i) == '\\' && i + 1 < s.length()) {
          i++;
        }
        value.append(s.charAt(i++));
      }
      i++;
      return value.toString();
    }

    private void skip(String chars) {
      while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
        i++;
      }
    }
  }
}
