package io.imagefactory.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagefactory.registry.RegistryException.Failure;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Every registry failure message and hint, in one place: what was tried, on which registry and
 * repository, what happened, and what to check.
 */
final class RegistryErrors {
  private RegistryErrors() {}

  /** An answer whose status the request does not expect, after the retries it was worth. */
  static RegistryException status(RegistryRequest req, Endpoint at, RegistryResponse response, int attempts,
      String credentials) {
    Failure failure = failureOf(response.status(), req);
    String tried = "Tried to " + req.description() + " but " + where(req, at) + " answered " + response.status()
        + errorCode(response);
    String message = switch (failure) {
      case UNAUTHORIZED -> tried + " " + credentials;
      case RATE_LIMITED, UNAVAILABLE -> attempts > 1 ? tried + " on all " + attempts + " attempts" : tried;
      default -> tried;
    };
    return new RegistryException(failure, req.registry(), req.repository(), response.status(), message,
        hint(failure, req, at), null);
  }

  private static Failure failureOf(int status, RegistryRequest req) {
    boolean tagDelete = req.method().equals("DELETE") && !req.target().contains("sha256:");
    if (status == 401 || status == 403) {
      return Failure.UNAUTHORIZED;
    }
    if (status == 404) {
      return Failure.NOT_FOUND;
    }
    if (status == 405 || status == 400 && tagDelete) {
      return Failure.UNSUPPORTED;
    }
    return status == 429 ? Failure.RATE_LIMITED : status >= 500 ? Failure.UNAVAILABLE : Failure.REJECTED;
  }

  /** What to check, per failure: the one place these hints live. */
  private static String hint(Failure failure, RegistryRequest req, Endpoint at) {
    return switch (failure) {
      case UNAUTHORIZED -> "check the credentials for " + at.registry() + " (a Docker config.json auths or credHelpers"
          + " entry, or a Kargo Secret whose repoURL matches " + req.repositoryUrl() + ") and that they may "
          + req.action().actions() + " " + req.repository();
      case NOT_FOUND -> "check that the repository " + req.repository() + " and the tag or digest exist on "
          + req.registry() + "; a private repository also answers 404 to a client without credentials";
      case UNSUPPORTED -> req.method().equals("DELETE")
          ? "this registry deletes manifests by digest only (which removes every tag on the digest), or has deletes disabled"
          : "this registry does not offer " + req.method() + " here";
      case RATE_LIMITED -> "wait and try again; authenticated clients get higher limits, so add credentials for "
          + at.registry();
      case UNAVAILABLE -> "the registry is failing; try again later, or check its status page";
      default -> "the registry refused the request; the error code above says why";
    };
  }

  /** No answer: a timeout, a refused connection, a failed TLS handshake. */
  static RegistryException io(RegistryRequest req, Endpoint at, Throwable error, int attempts) {
    String tried = "Tried to " + req.description() + " but ";
    String after = attempts > 1 ? " (" + attempts + " attempts)" : "";
    Optional<SSLException> tls = tlsCause(error);
    if (tls.isPresent()) {
      return new RegistryException(Failure.TLS, req.registry(), req.repository(), 0,
          tried + "the TLS handshake with " + Transport.origin(at.base()) + " failed: " + tls.get().getMessage(),
          "if the registry's certificate comes from a private CA, add the CA to the JVM trust store; if it serves"
              + " plain HTTP, list " + at.registry() + " among the insecure registries", error);
    }
    if (error instanceof HttpConnectTimeoutException || error instanceof HttpTimeoutException) {
      return new RegistryException(Failure.TIMEOUT, req.registry(), req.repository(), 0,
          tried + where(req, at) + " gave no answer in time" + after + ": " + error.getMessage(),
          "check the network path to " + at.authority() + ", or raise the timeout", error);
    }
    String why = error instanceof ConnectException ? "could not connect"
        : error instanceof UnresolvedAddressException || error instanceof UnknownHostException ? "could not resolve the host"
        : "lost the connection (" + error + ")";
    return new RegistryException(Failure.UNAVAILABLE, req.registry(), req.repository(), 0,
        tried + why + " to " + Transport.origin(at.base()) + after,
        "check the registry name and port, and that " + at.authority() + " is up and reachable", error);
  }

  /** The TLS failure behind {@code error}, if that is what it is. */
  static Optional<SSLException> tlsCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SSLException ssl) {
        return Optional.of(ssl);
      }
    }
    return Optional.empty();
  }

  /** The bytes received hash to another digest than the one claimed. */
  static RegistryException digestMismatch(RegistryRequest req, String claimed, String claimedBy, String actual) {
    return new RegistryException(Failure.DIGEST_MISMATCH, req.registry(), req.repository(), 200,
        "Tried to " + req.description() + " but " + claimedBy + " says " + claimed + " but the bytes hash to "
            + actual,
        "do not use this content: something between here and the registry altered it, or the registry is broken", null);
  }

  /** The registry answered, but not with what the API defines. */
  static RegistryException invalidResponse(RegistryRequest req, String what, Throwable cause) {
    return new RegistryException(Failure.INVALID_RESPONSE, req.registry(), req.repository(), 200,
        "Tried to " + req.description() + " but " + what, "check that " + req.registry()
            + " is an OCI distribution registry (a proxy in between may answer in its stead)", cause);
  }

  /** A credential would have gone over plain HTTP to a host that is not loopback. */
  static RegistryException insecure(String registry, String repository, URI target, Credential credential) {
    return new RegistryException(Failure.INSECURE, registry, repository, 0,
        "Refused to send the credential from " + credential.origin() + " to " + Transport.origin(target)
            + " over plain HTTP",
        "serve " + registry + " over HTTPS (credentials go over plain HTTP only to localhost and 127.0.0.0/8)", null);
  }

  private static String where(RegistryRequest req, Endpoint at) {
    if (req.operation().equals("token")) {
      return "the token service " + Transport.origin(at.base());
    }
    if (at.mirror()) {
      return "the mirror " + Transport.origin(at.base());
    }
    return at.authority().equals(req.registry()) ? req.registry() : req.registry() + " (" + Transport.origin(at.base()) + ")";
  }

  /** {@code " MANIFEST_UNKNOWN (manifest unknown)"} from the distribution error body, if it has one. */
  static String errorCode(RegistryResponse response) {
    try {
      JsonNode first = Json.read(response.body()).path("errors").path(0);
      String code = first.path("code").asText("");
      String message = first.path("message").asText("");
      return code.isEmpty() ? "" : " " + code + (message.isEmpty() ? "" : " (" + message + ")");
    } catch (IllegalArgumentException notJson) {
      return "";
    }
  }
}
