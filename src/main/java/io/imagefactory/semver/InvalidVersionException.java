package io.imagefactory.semver;

import io.imagefactory.InvalidInputException;
import io.imagefactory.TerminalText;

/** A text that is not a version of the kind asked for (loose, strict or release). */
public class InvalidVersionException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final String text;
  private final VersionError error;

  InvalidVersionException(String text, String kind, VersionError error, String hint) {
    super("", TerminalText.quote(text) + " is not " + kind + ": " + error.text(), hint);
    this.text = text;
    this.error = error;
  }

  /** The text that failed to parse. */
  public String text() {
    return text;
  }

  /** Why it failed. */
  public VersionError error() {
    return error;
  }
}
