package io.imagefactory.registry;

import io.imagefactory.credentials.HostRule;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Bearer tokens from a realm (the Docker token spec, and its OAuth2 form for identity tokens):
 * {@code GET realm?service=S&scope=...&account=U} with Basic credentials, or anonymously; an
 * identity token is exchanged by {@code POST grant_type=refresh_token}. A token lives for its
 * {@code expires_in}, 60 s when the answer does not say.
 */
final class BearerTokens {
  static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
  static final String CLIENT_ID = "image-factory";

  private final Transport transport;
  private final TokenCache cache;
  private final Clock clock;

  BearerTokens(Transport transport, TokenCache cache, Clock clock) {
    this.transport = transport;
    this.cache = cache;
    this.clock = clock;
  }

  /** A token for {@code scopes}; {@code refresh} drops the cached one first (the registry refused it). */
  CompletableFuture<String> token(Endpoint endpoint, RegistryRequest request, Challenge challenge, List<String> scopes,
      Optional<Credential> credential, boolean refresh) {
    Optional<String> realmText = challenge.param("realm");
    if (realmText.isEmpty()) {
      throw RegistryErrors.invalidResponse(request, endpoint + " asked for a Bearer token without naming a realm", null);
    }
    URI realm = URI.create(realmText.get());
    String service = challenge.param("service").orElse("");
    credential.filter(c -> !HostRule.LOOPBACK_HTTP.maySendSecrets(realm)).ifPresent(c -> {
      throw RegistryErrors.insecure(endpoint.registry(), request.repository(), realm, c);
    });
    TokenCache.Key key = new TokenCache.Key(realm.toString(), service, String.join(" ", scopes),
        credential.map(Credential::username).orElse(""));
    if (refresh) {
      cache.invalidate(key);
    }
    return cache.get(key, () -> fetch(endpoint, request, realm, service, scopes, credential)).thenApply(TokenCache.Token::value);
  }

  private CompletableFuture<TokenCache.Token> fetch(Endpoint endpoint, RegistryRequest request, URI realm,
      String service, List<String> scopes, Optional<Credential> credential) {
    Transport.Outgoing out = credential.filter(c -> c.kind() == Credential.Kind.IDENTITY_TOKEN)
        .map(c -> oauth(realm, service, scopes, c))
        .orElseGet(() -> get(realm, service, scopes, credential));
    return transport.send(out).thenApply(response -> {
      RegistryRequest asked = forToken(request, realm, scopes);
      if (response.status() != 200) {
        throw RegistryErrors.status(asked, new Endpoint(endpoint.registry(), origin(realm), false), response, 1,
            describe(credential));
      }
      return parse(asked, response.body());
    });
  }

  private TokenCache.Token parse(RegistryRequest asked, byte[] body) {
    JsonNode json;
    try {
      json = Json.readSecrets(body);
    } catch (IllegalArgumentException e) {
      throw RegistryErrors.invalidResponse(asked, "the token service answered " + e.getMessage(), null);
    }
    Optional<String> token = Json.text(json.get("token")).or(() -> Json.text(json.get("access_token")));
    if (token.isEmpty()) {
      throw RegistryErrors.invalidResponse(asked, "the token service answered without a token", null);
    }
    long seconds = json.path("expires_in").asLong(0);
    Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_LIFETIME;
    return new TokenCache.Token(token.get(), clock.instant().plus(lifetime));
  }

  private static Transport.Outgoing get(URI realm, String service, List<String> scopes, Optional<Credential> credential) {
    List<String> query = new ArrayList<>();
    if (!service.isEmpty()) {
      query.add(Authenticator.form("service", service));
    }
    scopes.forEach(scope -> query.add(Authenticator.form("scope", scope)));
    credential.ifPresent(c -> query.add(Authenticator.form("account", c.username())));
    URI uri = URI.create(realm + (realm.getRawQuery() == null ? "?" : "&") + String.join("&", query));
    return new Transport.Outgoing("token", "GET", uri, Map.of(), Optional.empty(),
        credential.map(c -> new Transport.Authorization(c.basicAuthorization(), origin(realm))));
  }

  private static Transport.Outgoing oauth(URI realm, String service, List<String> scopes, Credential credential) {
    String form = String.join("&", Authenticator.form("grant_type", "refresh_token"),
        Authenticator.form("service", service), Authenticator.form("client_id", CLIENT_ID),
        Authenticator.form("scope", String.join(" ", scopes)), Authenticator.form("refresh_token", credential.secret()));
    return new Transport.Outgoing("token", "POST", realm, Map.of(),
        Optional.of(new RegistryRequest.Body("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8))),
        Optional.empty());
  }

  private static RegistryRequest forToken(RegistryRequest request, URI realm, List<String> scopes) {
    return new RegistryRequest("token", "get a token for " + String.join(" ", scopes) + " from " + origin(realm)
        + " (to " + request.description() + ")", "GET", request.registry(), request.repository(), realm.toString(),
        List.of(), request.action(), Optional.empty(), Set.of(200));
  }

  private static String describe(Optional<Credential> credential) {
    return credential.map(c -> "to the credential from " + c.origin() + " (user " + c.username() + ")")
        .orElse("to an anonymous request");
  }

  private static URI origin(URI uri) {
    return URI.create(Transport.origin(uri));
  }
}
