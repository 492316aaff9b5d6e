package io.imagefactory.pin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Rewrites unpinned {@code image:} values to {@code name:tag@sha256:...}: only the text of each
 * value changes, so comments, quoting, indentation and line endings stay as they were, and a
 * pinned file is left as it is.
 */
public final class Pinning {
  private Pinning() {}

  /**
   * {@code text} with each unpinned field of {@code fields} whose value {@code digests} maps
   * pinned to that digest; other fields are left alone.
   */
  public static String apply(String text, List<ImageField> fields, Map<String, String> digests) {
    List<ImageField> edits = new ArrayList<>(fields.stream()
        .filter(f -> f.isUnpinned() && digests.containsKey(f.value())).toList());
    edits.sort(Comparator.comparingInt(ImageField::start).reversed());
    StringBuilder out = new StringBuilder(text);
    for (ImageField f : edits) {
      out.replace(f.start(), f.end(), f.pinned(digests.get(f.value())));
    }
    return out.toString();
  }
}
