package io.imagefactory;

/**
 * Something outside image-factory failed: a git remote, a registry, the file system, an API.
 *
 * <p>The message names the system and the action ("Tried to push to https://...") so that the
 * user can retry or fix credentials; the cause keeps the original exception for {@code --verbose}.
 */
public class ExternalFailureException extends ImageFactoryException {
  private static final long serialVersionUID = 1L;

  public ExternalFailureException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
