package io.imagefactory.git;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.ImageFactoryException;
import io.imagefactory.Redaction;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.errors.InvalidRemoteException;

/** Turns JGit's exceptions into ours: what was tried, where, why, and what to do. */
final class GitErrors {
  private static final Pattern HTTP_AUTH_STATUS = Pattern.compile("\\b(401|403)\\b");

  private GitErrors() {}

  /**
   * {@link #translate(String, String, Exception, String)}, first checking whether the failure is
   * the token being withheld from a URL the host rule does not allow.
   */
  static ImageFactoryException translate(String action, String url, Exception e, String tokenHint,
      GitCredentials credentials) {
    if (credentials != null && credentials.refused().isPresent()) {
      return new ExternalFailureException("Tried to " + action + " " + Redaction.urls(url) + " but did not send the token"
          + " to " + Redaction.urls(credentials.refused().get().setPass(null).toString()) + ", which asked for it",
          credentials.refusalHint(), e);
    }
    return translate(action, url, e, tokenHint);
  }

  static ImageFactoryException translate(String action, String rawUrl, Exception e, String tokenHint) {
    String url = Redaction.urls(rawUrl);
    String reason = Redaction.urls(rootMessage(e));
    // Classify by JGit's words, not by the URL it quotes: a path such as /tmp/junit-1540140 holds "401".
    String lower = reason.replace(url, "URL").toLowerCase(Locale.ROOT);
    if (lower.contains("not authorized") || lower.contains("authentication is required")
        || HTTP_AUTH_STATUS.matcher(lower).find() || lower.contains("no credentialsprovider")) {
      return new ExternalFailureException("Tried to " + action + " " + url + " but the server refused the credentials ("
          + reason + ")", tokenHint, e);
    }
    if (e instanceof InvalidRemoteException || lower.contains("not found") || lower.contains("does not appear")
        || lower.contains("no such") || lower.contains("unknown host") || lower.contains("connection refused")
        || lower.contains("cannot open") || lower.contains("not a valid")) {
      return new ExternalFailureException("Tried to " + action + " " + url + " but could not reach it (" + reason + ")",
          "check the URL and that the repository exists and this machine can reach it", e);
    }
    return new ExternalFailureException("Tried to " + action + " " + url + " but failed: " + reason,
        "run again with --verbose for details", e);
  }

  private static String rootMessage(Throwable e) {
    String message = e.getMessage();
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ").strip();
  }
}
