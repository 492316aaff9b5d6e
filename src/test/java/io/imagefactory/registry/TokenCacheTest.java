package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
  static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
  static final TokenCache.Key KEY = new TokenCache.Key("https://auth/token", "reg", "repository:a:pull", "bot");

  final MutableClock clock = new MutableClock(START);
  final TokenCache cache = new TokenCache(clock);
  final AtomicInteger fetches = new AtomicInteger();

  Supplier<CompletableFuture<TokenCache.Token>> fetch(Duration lifetime) {
    return () -> CompletableFuture.completedFuture(
        new TokenCache.Token("t" + fetches.incrementAndGet(), clock.instant().plus(lifetime)));
  }

  @Test
  void keepsATokenUntilShortlyBeforeItExpires() {
    assertThat(cache.get(KEY, fetch(Duration.ofSeconds(60))).join().value()).isEqualTo("t1");
    clock.advance(Duration.ofSeconds(54));
    assertThat(cache.get(KEY, fetch(Duration.ofSeconds(60))).join().value()).isEqualTo("t1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.get(KEY, fetch(Duration.ofSeconds(60))).join().value()).isEqualTo("t2");
  }

  @Test
  void keepsTokensApartByScopeAndAccount() {
    cache.get(KEY, fetch(Duration.ofSeconds(60)));
    cache.get(new TokenCache.Key("https://auth/token", "reg", "repository:a:pull,push", "bot"), fetch(Duration.ofSeconds(60)));
    cache.get(new TokenCache.Key("https://auth/token", "reg", "repository:a:pull", ""), fetch(Duration.ofSeconds(60)));
    assertThat(fetches).hasValue(3);
  }

  @Test
  void sharesAFetchInFlightAndForgetsAFailedOne() {
    CompletableFuture<TokenCache.Token> pending = new CompletableFuture<>();
    CompletableFuture<TokenCache.Token> first = cache.get(KEY, () -> pending);
    CompletableFuture<TokenCache.Token> second = cache.get(KEY, fetch(Duration.ofSeconds(60)));
    assertThat(second).isSameAs(first);

    pending.completeExceptionally(new IllegalStateException("realm down"));
    assertThat(cache.get(KEY, fetch(Duration.ofSeconds(60))).join().value()).isEqualTo("t1");
  }

  @Test
  void fetchesAgainAfterTheRegistryRefusedTheToken() {
    cache.get(KEY, fetch(Duration.ofSeconds(60)));
    cache.invalidate(KEY);
    assertThat(cache.get(KEY, fetch(Duration.ofSeconds(60))).join().value()).isEqualTo("t2");
  }
}
