package io.imagefactory.registry;

import io.imagefactory.ExternalFailureException;

/**
 * A registry operation failed. The message says what was tried on which registry and repository
 * and what happened; {@link #hint()} says what to check. {@link #failure()} classifies it, and
 * {@link #isTransient()} tells a failure worth retrying later (the catalog's phase Unavailable)
 * from one that needs a change first (phase Failed).
 */
public class RegistryException extends ExternalFailureException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, each transient or permanent. */
  public enum Failure {
    /** 401 or 403: no credentials, wrong ones, or ones without the scope the action needs. */
    UNAUTHORIZED(false),
    /** 404: no such repository, tag or digest (or a private one, to an anonymous client). */
    NOT_FOUND(false),
    /** The bytes received do not hash to the digest the registry or the reference claims. */
    DIGEST_MISMATCH(false),
    /** The registry does not offer the operation (405, or a tag delete it refuses). */
    UNSUPPORTED(false),
    /** Any other 4xx: the registry refused the request as malformed or invalid. */
    REJECTED(false),
    /** The TLS handshake failed: a self-signed certificate, or a registry that speaks plain HTTP. */
    TLS(false),
    /** A credential would have gone over plain HTTP to a host that is not loopback, so none was sent. */
    INSECURE(false),
    /** The registry answered with something that is not what the API defines (bad JSON, a missing header). */
    INVALID_RESPONSE(false),
    /** 429 on every attempt. */
    RATE_LIMITED(true),
    /** 5xx on every attempt, or no connection. */
    UNAVAILABLE(true),
    /** No answer within the timeout, on every attempt. */
    TIMEOUT(true);

    private final boolean transientFailure;

    Failure(boolean transientFailure) {
      this.transientFailure = transientFailure;
    }

    /** True when the same request may well succeed later, unchanged. */
    public boolean isTransient() {
      return transientFailure;
    }
  }

  private final Failure failure;
  private final String registry;
  private final String repository;
  private final int status;

  RegistryException(Failure failure, String registry, String repository, int status, String message, String hint,
      Throwable cause) {
    super(message, hint, cause);
    this.failure = failure;
    this.registry = registry;
    this.repository = repository == null ? "" : repository;
    this.status = status;
  }

  /** What kind of failure it was. */
  public Failure failure() {
    return failure;
  }

  /** True for timeouts, 5xx, connection failures and 429 after retries. */
  public boolean isTransient() {
    return failure.isTransient();
  }

  /** The registry as references name it, e.g. {@code docker.io}. */
  public String registry() {
    return registry;
  }

  /** The repository, e.g. {@code library/node}; empty for registry-wide requests. */
  public String repository() {
    return repository;
  }

  /** The last HTTP status received, or 0 when there was none (a timeout, no connection). */
  public int status() {
    return status;
  }
}
