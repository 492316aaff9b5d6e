package io.imagefactory.pin;

import io.imagefactory.image.ImageReference;
import java.util.Optional;

/**
 * An {@code image:} value of a YAML file, with where its text is: the span of the scalar as
 * written, quotes included, so that it can be rewritten without touching anything around it.
 *
 * @param line 1-based line of the value
 * @param column 1-based column of the value
 * @param start index of the scalar's first character (its quote, if quoted) in the text
 * @param end index after its last character
 * @param value the value, unquoted
 * @param quote {@code '} or {@code "} for a quoted scalar, empty for a plain one
 */
public record ImageField(int line, int column, int start, int end, String value, String quote) {
  /** The value as an image reference, if it is one. */
  public Optional<ImageReference> reference() {
    return ImageReference.tryParse(value);
  }

  /** Whether the value is a reference with a digest. */
  public boolean isPinned() {
    return reference().map(r -> r.digest() != null).orElse(false);
  }

  /** Whether the value is a reference to pin: one without a digest. */
  public boolean isUnpinned() {
    return reference().map(r -> r.digest() == null).orElse(false);
  }

  /** The scalar's text with {@code @digest} added to the value, quoted as it was. */
  String pinned(String digest) {
    return quote + value + "@" + digest + quote;
  }
}
