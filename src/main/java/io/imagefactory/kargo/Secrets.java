package io.imagefactory.kargo;

/**
 * The Secrets generated resources refer to, in the Project's namespace; each holds key {@code token}.
 *
 * <p>The analysis container gets each token in the environment variable that {@link
 * io.imagefactory.credentials.TokenVariable} names. kustomize/image-factory documents how to
 * create them. Kargo's {@code secret()} expression reads any Secret of the Project's namespace,
 * unlabelled; only {@code sharedSecret()} needs {@code kargo.akuity.io/cred-type: generic}.
 */
final class Secrets {
  /** Token that may push to the state repository (optional when a provider token can). */
  static final String STATE_REPOSITORY = "image-factory-git";
  /** GitHub token: clone sources, dispatch rebuild workflows. */
  static final String GITHUB = "image-factory-github";
  /** GitLab token: clone sources, create rebuild pipelines. */
  static final String GITLAB = "image-factory-gitlab";
  /** Slack bot token (scope chat:write): tell a catalog component's owners of a version published. */
  static final String SLACK = "image-factory-slack";
  /** The key each Secret keeps its token under. */
  static final String KEY = "token";

  private Secrets() {}
}
