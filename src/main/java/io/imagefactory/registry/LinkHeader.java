package io.imagefactory.registry;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code rel="next"} target of RFC 8288 (formerly 5988) {@code Link} headers, which the
 * distribution API uses to page tag lists, catalogs and referrers: {@code </v2/a/tags/list?n=2&last=b>; rel="next"}.
 */
final class LinkHeader {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,<]+)*)");
  private static final Pattern REL = Pattern.compile("(?i)rel\\s*=\\s*(\"[^\"]*\"|[^\\s;,]+)");

  private LinkHeader() {}

  /** The next page of {@code current}, resolved against it (relative or absolute); empty on the last page. */
  static Optional<URI> next(URI current, List<String> headerValues) {
    for (String value : headerValues) {
      Matcher link = LINK.matcher(value);
      while (link.find()) {
        if (isNext(link.group(2))) {
          try {
            return Optional.of(current.resolve(link.group(1).strip()));
          } catch (IllegalArgumentException e) {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isNext(String params) {
    Matcher rel = REL.matcher(params);
    while (rel.find()) {
      String value = rel.group(1).replace("\"", "").toLowerCase(Locale.ROOT);
      if (List.of(value.split("\\s+")).contains("next")) {
        return true;
      }
    }
    return false;
  }
}
