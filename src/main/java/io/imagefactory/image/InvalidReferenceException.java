package io.imagefactory.image;

import io.imagefactory.TerminalText;

/** A text is not a container image reference; the message says which part is wrong, long values cut. */
public class InvalidReferenceException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String reference;

  public InvalidReferenceException(String reference, String reason) {
    super("\"" + TerminalText.shortened(reference) + "\": " + reason);
    this.reference = reference;
  }

  public String reference() {
    return reference;
  }
}
