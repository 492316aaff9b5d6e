package io.imagefactory.tags;

import io.imagefactory.InvalidInputException;

/** A tag regex Go's {@code regexp.Compile}, and so Kargo's discovery, refuses. */
public class InvalidTagRegexException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final String regex;
  private final String reason;

  InvalidTagRegexException(String regex, String reason, String hint) {
    super("", reason, hint);
    this.regex = regex;
    this.reason = reason;
  }

  /** The regex as written. */
  public String regex() {
    return regex;
  }

  /** Go's error text, e.g. {@code error parsing regexp: invalid repeat count: `{100}`}. */
  public String reason() {
    return reason;
  }
}
