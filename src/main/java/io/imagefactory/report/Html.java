package io.imagefactory.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes text from the model safe to put in the page. Names, owners, messages and URLs come from
 * images.yaml and state, which anyone who can open a pull request writes: none of it may become
 * markup or script.
 *
 * <p>The page only ever puts model text in element content and in double-quoted attribute values
 * (never in a script, a style, a URL scheme or an unquoted attribute), so escaping the five
 * characters that HTML gives meaning there is enough. Control characters, which HTML forbids, and
 * unpaired surrogates become U+FFFD, so what a reader sees is what the string holds.
 */
final class Html {
  private Html() {}

  /** {@code s} escaped for element content or a double-quoted attribute value. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(cp -> append(out, cp));
    return out.toString();
  }

  private static void append(StringBuilder out, int cp) {
    switch (cp) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&#39;");
      default -> out.appendCodePoint(allowed(cp) ? cp : '\uFFFD');
    }
  }

  /** What HTML allows in text: no control characters but newline and tab, no lone surrogates. */
  private static boolean allowed(int cp) {
    if (cp == '\n' || cp == '\t') {
      return true;
    }
    return !Character.isISOControl(cp) && !(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
        && !isNonCharacter(cp);
  }

  private static boolean isNonCharacter(int cp) {
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
  }

  /**
   * {@code url} when it is an absolute http or https URL a link may point at, else empty: a
   * {@code javascript:} or {@code data:} URL from state must never become a link.
   */
  static Optional<String> linkTarget(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = scheme.equals("https") || scheme.equals("http");
      return web && uri.getHost() != null ? Optional.of(url) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** A coordinate with at most one decimal, the same on every machine. */
  static String number(double value) {
    long tenths = Math.round(value * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }
}
