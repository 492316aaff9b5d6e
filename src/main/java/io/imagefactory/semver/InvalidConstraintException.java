package io.imagefactory.semver;

import io.imagefactory.InvalidInputException;
import io.imagefactory.TerminalText;

/** A text that Masterminds/semver v3.4.0's {@code NewConstraint}, and so Kargo, refuses. */
public class InvalidConstraintException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final String text;
  private final String reason;

  InvalidConstraintException(String text, String reason) {
    super("", TerminalText.quote(text) + " is not a semver constraint: " + reason,
        "write comparators such as >=1.2.3 <2, ^1.2, ~1.2, 1.x or 1.2 - 1.4, joined by || for OR");
    this.text = text;
    this.reason = reason;
  }

  /** The text that failed to parse. */
  public String text() {
    return text;
  }

  /** Upstream's reason, e.g. {@code improper constraint: >= bar}. */
  public String reason() {
    return reason;
  }
}
