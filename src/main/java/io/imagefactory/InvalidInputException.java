package io.imagefactory;

/**
 * The user's input cannot be used: a file, a flag value, a Dockerfile. Nothing has been written.
 *
 * <p>{@code where} is the place to look, as {@code path:line:column} or just a path or flag name.
 */
public class InvalidInputException extends ImageFactoryException {
  private static final long serialVersionUID = 1L;

  private final String where;

  public InvalidInputException(String where, String message, String hint) {
    this(where, message, hint, null);
  }

  public InvalidInputException(String where, String message, String hint, Throwable cause) {
    super(where == null || where.isEmpty() ? message : where + ": " + message, hint, cause);
    this.where = where == null ? "" : where;
  }

  public String where() {
    return where;
  }
}
