package io.imagefactory.registry;

import io.imagefactory.credentials.HostRule;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The Authorization a request needs, per the Docker registry auth flow: ping {@code /v2/} once per
 * endpoint to learn its challenge; none means anonymous; Basic sends the registry's credential;
 * Bearer exchanges it at the realm for a token scoped to the repository and action, cached until it
 * expires. Credentials go only to HTTPS or loopback, and the Authorization only to the endpoint.
 */
final class Authenticator {
  private final Transport transport;
  private final CredentialSource credentials;
  private final Executor executor;
  private final BearerTokens tokens;
  private final Map<URI, CompletableFuture<Optional<Challenge>>> challenges = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Optional<Credential>>> found = new ConcurrentHashMap<>();

  Authenticator(Transport transport, CredentialSource credentials, Clock clock, Executor executor) {
    this.transport = transport;
    this.credentials = credentials;
    this.executor = executor;
    this.tokens = new BearerTokens(transport, new TokenCache(clock), clock);
  }

  /** The Authorization for {@code request} on {@code endpoint}; empty when anonymous. */
  CompletableFuture<Optional<Transport.Authorization>> authorize(Endpoint endpoint, RegistryRequest request) {
    if (request.action() == Action.NONE) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return challenge(endpoint).thenCompose(challenge -> authorization(endpoint, request, challenge, false));
  }

  /**
   * After a 401: learns the challenge it carries and gives a new Authorization (a fresh token, with
   * the scope the registry asked for), or empty when there is nothing different to try.
   */
  CompletableFuture<Optional<Transport.Authorization>> reauthorize(Endpoint endpoint, RegistryRequest request,
      RegistryResponse unauthorized, Optional<Transport.Authorization> sent) {
    Optional<Challenge> challenge = Challenge.preferred(unauthorized.headers().allValues("WWW-Authenticate"));
    if (challenge.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    challenges.put(endpoint.base(), CompletableFuture.completedFuture(challenge));
    return authorization(endpoint, request, challenge, sent.isPresent())
        .thenApply(next -> next.filter(n -> sent.map(s -> !s.header().equals(n.header())).orElse(true)));
  }

  /** For messages: which credential a request to {@code endpoint} for {@code repository} used, if any. */
  String credentialNote(Endpoint endpoint, String repository) {
    CompletableFuture<Optional<Credential>> lookup = found.get(endpoint.registry() + "/" + repository);
    if (lookup == null || !lookup.isDone() || lookup.isCompletedExceptionally()) {
      return "to an anonymous request";
    }
    return lookup.join().map(c -> "to the credential from " + c.origin() + " (user " + c.username() + ")")
        .orElse("to an anonymous request: no credentials were found for " + endpoint.registry());
  }

  private CompletableFuture<Optional<Transport.Authorization>> authorization(Endpoint endpoint,
      RegistryRequest request, Optional<Challenge> challenge, boolean refresh) {
    if (challenge.isEmpty() || !challenge.get().isBasic() && !challenge.get().isBearer()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return credential(endpoint, request.repository()).thenCompose(credential -> {
      if (challenge.get().isBasic()) {
        return CompletableFuture.completedFuture(basic(endpoint, request, credential));
      }
      Set<String> scopes = new LinkedHashSet<>(List.of(request.action().scope(request.repository())));
      challenge.get().param("scope").ifPresent(s -> scopes.addAll(List.of(s.split(" "))));
      return tokens.token(endpoint, request, challenge.get(), List.copyOf(scopes), credential, refresh)
          .thenApply(token -> Optional.of(new Transport.Authorization("Bearer " + token, endpoint.base())));
    });
  }

  private Optional<Transport.Authorization> basic(Endpoint endpoint, RegistryRequest request,
      Optional<Credential> credential) {
    Optional<Credential> password = credential.filter(c -> c.kind() == Credential.Kind.PASSWORD);
    if (password.isPresent() && !HostRule.LOOPBACK_HTTP.maySendSecrets(endpoint.base())) {
      throw RegistryErrors.insecure(endpoint.registry(), request.repository(), endpoint.base(), password.get());
    }
    return password.map(c -> new Transport.Authorization(c.basicAuthorization(), endpoint.base()));
  }

  private CompletableFuture<Optional<Challenge>> challenge(Endpoint endpoint) {
    CompletableFuture<Optional<Challenge>> ping = challenges.computeIfAbsent(endpoint.base(), base ->
        transport.send(new Transport.Outgoing("ping", "GET", endpoint.resolve("/v2/"), Map.of(), Optional.empty(),
            Optional.empty())).thenApply(response -> {
              if (response.status() >= 500) {
                // unknown yet: the request itself meets the failure, is retried, and reports it
                challenges.remove(base);
              }
              return response.status() == 401
                  ? Challenge.preferred(response.headers().allValues("WWW-Authenticate"))
                  : Optional.<Challenge>empty();
            }));
    ping.whenComplete((c, error) -> {
      if (error != null) {
        challenges.remove(endpoint.base(), ping);
      }
    });
    return ping;
  }

  private CompletableFuture<Optional<Credential>> credential(Endpoint endpoint, String repository) {
    String key = endpoint.registry() + "/" + repository;
    CompletableFuture<Optional<Credential>> lookup = found.computeIfAbsent(key,
        k -> CompletableFuture.supplyAsync(() -> credentials.find(endpoint.registry(), repository), executor));
    lookup.whenComplete((c, error) -> {
      if (error != null) {
        found.remove(key, lookup);
      }
    });
    return lookup;
  }

  static String form(String name, String value) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
