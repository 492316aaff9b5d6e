package io.imagefactory.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Bearer tokens by realm, service, scope and account, kept until shortly before they expire, so
 * that many references in one repository cost one token request. Concurrent requests for the same
 * key share one fetch.
 */
final class TokenCache {
  /** Refreshing this long before expiry leaves time for the request the token is for. */
  static final Duration MARGIN = Duration.ofSeconds(5);

  record Key(String realm, String service, String scope, String account) {}

  /** A token and the instant it stops being valid. */
  record Token(String value, Instant expires) {
    @Override
    public String toString() {
      return "Token[expires " + expires + ", redacted]";
    }
  }

  private final Clock clock;
  private final Map<Key, CompletableFuture<Token>> tokens = new ConcurrentHashMap<>();

  TokenCache(Clock clock) {
    this.clock = clock;
  }

  /** The cached token for {@code key} while it is valid, else the one {@code fetch} gets. */
  CompletableFuture<Token> get(Key key, Supplier<CompletableFuture<Token>> fetch) {
    Instant now = clock.instant();
    CompletableFuture<Token> token = tokens.compute(key, (k, cached) -> isUsable(cached, now) ? cached : fetch.get());
    // a failed fetch is not kept, so that the next request tries again
    token.whenComplete((t, error) -> {
      if (error != null) {
        tokens.remove(key, token);
      }
    });
    return token;
  }

  /** Forgets {@code key}'s token: the registry refused it. */
  void invalidate(Key key) {
    tokens.remove(key);
  }

  private static boolean isUsable(CompletableFuture<Token> cached, Instant now) {
    if (cached == null || cached.isCompletedExceptionally()) {
      return false;
    }
    // still in flight: share it
    return !cached.isDone() || now.isBefore(cached.join().expires().minus(MARGIN));
  }
}
