package io.imagefactory;

/**
 * Root of every failure image-factory reports to its user.
 *
 * <p>Each instance says what is wrong in its message and what to do in {@link #hint()}; the CLI
 * prints both on one line and maps the subtype to an exit code. Subtypes carry the data of the
 * failure (a file and line, a remote URL) so callers and tests need not parse messages.
 */
public class ImageFactoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String hint;

  public ImageFactoryException(String message, String hint) {
    this(message, hint, null);
  }

  public ImageFactoryException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint == null ? "" : hint;
  }

  /** What the user can do about it; empty when there is nothing useful to suggest. */
  public String hint() {
    return hint;
  }

  /**
   * The message and the hint as one line: {@code what is wrong. what to do.}, with control
   * characters escaped, since messages quote names and values from the user's files.
   */
  public String oneLine() {
    return TerminalText.escapeControls(Sentences.join(getMessage(), hint));
  }
}
