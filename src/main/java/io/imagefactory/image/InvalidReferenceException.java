package io.imagefactory.image;

/** A text is not a container image reference; the message says which part is wrong. */
public class InvalidReferenceException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String reference;

  public InvalidReferenceException(String reference, String reason) {
    super("\"" + reference + "\": " + reason);
    this.reference = reference;
  }

  public String reference() {
    return reference;
  }
}
