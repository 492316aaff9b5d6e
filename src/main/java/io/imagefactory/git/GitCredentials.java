package io.imagefactory.git;

import io.imagefactory.credentials.Credential;
import io.imagefactory.credentials.TokenVariable;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/** A credential as JGit sends it over HTTPS: Basic auth with the user name its provider expects. */
final class GitCredentials {
  private GitCredentials() {}

  /** JGit's provider for {@code credential}, or null for anonymous access. */
  static CredentialsProvider of(Optional<Credential> credential) {
    return credential.map(c -> new UsernamePasswordCredentialsProvider(user(c.token().source()), c.token().reveal()))
        .orElse(null);
  }

  /** GitLab takes a token as the password of {@code oauth2}; GitHub ignores the user name. */
  private static String user(TokenVariable source) {
    return source == TokenVariable.GITLAB ? "oauth2" : "x-access-token";
  }
}
