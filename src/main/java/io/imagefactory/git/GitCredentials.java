package io.imagefactory.git;

import io.imagefactory.credentials.Credential;
import io.imagefactory.credentials.HostRule;
import io.imagefactory.credentials.TokenVariable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

/**
 * A credential as JGit sends it: Basic auth with the user name its provider expects, handed out
 * only for a URL the {@link HostRule} allows. JGit asks for credentials per URL, after each 401,
 * and after a redirect to another host it asks again for the new URL (it drops what it had), so
 * checking each request's URL keeps the token on its host over a redirect, and off ssh and
 * plain http. A refused request makes JGit fail as "not authorized"; {@link #refused()} says why.
 */
final class GitCredentials extends CredentialsProvider {
  private final Credential credential;
  private final HostRule rule;
  private volatile URIish refused;

  private GitCredentials(Credential credential, HostRule rule) {
    this.credential = credential;
    this.rule = rule;
  }

  /** JGit's provider for {@code credential} under {@code rule}, or null for anonymous access. */
  static GitCredentials of(Optional<Credential> credential, HostRule rule) {
    return credential.map(c -> new GitCredentials(c, rule)).orElse(null);
  }

  /** The URL a token was asked for and withheld from, if any: the reason a clone failed as "not authorized". */
  Optional<URIish> refused() {
    return Optional.ofNullable(refused);
  }

  /** What to tell the user when {@link #refused()} is set. */
  String refusalHint() {
    return credential.token().source().env() + " is sent only to " + credential.host() + " over https; check the"
        + " repository URL (a redirect to another host or to plain http is not followed with a token)";
  }

  @Override
  public boolean isInteractive() {
    return false;
  }

  @Override
  public boolean supports(CredentialItem... items) {
    for (CredentialItem item : items) {
      if (!(item instanceof CredentialItem.Username) && !(item instanceof CredentialItem.Password)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
    if (!allowed(uri)) {
      refused = uri;
      return false;
    }
    for (CredentialItem item : items) {
      if (item instanceof CredentialItem.Username u) {
        u.setValue(user(credential.token().source()));
      } else if (item instanceof CredentialItem.Password p) {
        p.setValue(credential.token().reveal().toCharArray());
      } else {
        throw new UnsupportedCredentialItem(uri, item.getClass().getSimpleName() + ":" + item.getPromptText());
      }
    }
    return true;
  }

  private boolean allowed(URIish uri) {
    if (uri.getScheme() == null || uri.getHost() == null) {
      return false;
    }
    try {
      return rule.maySend(credential, new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), "/", null, null));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** GitLab takes a token as the password of {@code oauth2}; GitHub ignores the user name. */
  private static String user(TokenVariable source) {
    return source == TokenVariable.GITLAB ? "oauth2" : "x-access-token";
  }
}
