package io.imagefactory.jobs;

import io.imagefactory.Sentences;
import io.imagefactory.image.ImageReference;
import io.imagefactory.image.ImageRequirements;
import io.imagefactory.imagecheck.ImageCheck;
import io.imagefactory.image.InvalidReferenceException;
import io.imagefactory.registry.PlatformImage;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.registry.RegistryException;
import io.imagefactory.registry.ResolvedImage;
import io.imagefactory.state.Verification;
import io.imagefactory.state.Verification.RegistryMetadata;
import io.imagefactory.verification.Outcome;
import io.imagefactory.verification.Target;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntConsumer;

/**
 * Resolves targets' references in their registries, all at once on the client's few threads, and
 * turns each answer into an {@link Outcome}: metadata, or the failure with its phase.
 */
final class RegistryOutcomes {
  private final RegistryClient client;
  private final Clock clock;

  RegistryOutcomes(RegistryClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * One outcome per target, in order; {@code done} hears how many have finished. {@code known} is
   * what the last verification read of each target, in the same order: a target whose reference
   * still resolves to the digest it read costs one HEAD request, not a manifest and a config. What
   * a digest names never changes, so its metadata is the same; a target with requirements is read
   * whole, since they are checked on each platform's layers.
   */
  List<Outcome> resolve(List<Target> targets, List<Optional<RegistryMetadata>> known, IntConsumer done) {
    int[] finished = {0};
    List<CompletableFuture<Outcome>> futures = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      futures.add(outcome(targets.get(i), known.get(i)).whenComplete((o, e) -> {
        synchronized (finished) {
          done.accept(++finished[0]);
        }
      }));
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }

  private CompletableFuture<Outcome> outcome(Target target, Optional<RegistryMetadata> known) {
    if (target.reference().isEmpty()) {
      return CompletableFuture.completedFuture(new Outcome.NothingToVerify(
          "no tag or digest is known yet: no tag policy names one, and no build is recorded in state"));
    }
    ImageReference ref;
    try {
      ref = ImageReference.parse(target.reference().get());
    } catch (InvalidReferenceException e) {
      return CompletableFuture.completedFuture(new Outcome.Failure(false, "InvalidReference",
          target.reference().get() + " is not an image reference: " + e.getMessage()));
    }
    CompletableFuture<Outcome> read = known.filter(k -> target.requirements().isEmpty())
        .map(k -> client.digestAsync(ref).thenCompose(digest -> digest.equals(k.resolvedDigest())
            ? CompletableFuture.completedFuture((Outcome) new Outcome.Resolved(k.at(clock.instant()), Optional.empty()))
            : read(ref, target)))
        .orElseGet(() -> read(ref, target));
    return read.handle((outcome, error) -> error == null ? outcome : failure(error));
  }

  private CompletableFuture<Outcome> read(ImageReference ref, Target target) {
    return client.resolveAsync(ref).thenApply(image -> resolved(image, clock.instant(), target.requirements()));
  }

  /** The registry metadata of {@code image}, read at {@code now}, and what it lacks of {@code requirements}. */
  static Outcome resolved(ResolvedImage image, Instant now, Optional<ImageRequirements> requirements) {
    Optional<Verification.Platform> platform = image.isIndex() ? Optional.empty()
        : image.platforms().stream().findFirst().map(RegistryOutcomes::platform);
    List<Verification.Platform> platforms = image.isIndex()
        ? image.platforms().stream().map(RegistryOutcomes::platform).toList() : List.of();
    return new Outcome.Resolved(new Verification.RegistryMetadata(image.digest(), image.mediaType(), image.sizeBytes(),
        image.layerCount(), platform, platforms, now), requirements.map(req -> ImageCheck.check(image, req).problems()));
  }

  private static Verification.Platform platform(PlatformImage p) {
    return new Verification.Platform(p.platform().os(), p.platform().architecture(), p.platform().variant());
  }

  static Outcome failure(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof RegistryException e) {
      return new Outcome.Failure(e.isTransient(), reason(e.failure()), Sentences.join(e.getMessage(), e.hint()));
    }
    if (cause instanceof RuntimeException e && !(cause instanceof IllegalStateException)) {
      return new Outcome.Failure(false, "Error", String.valueOf(e.getMessage()));
    }
    throw new IllegalStateException("resolving failed unexpectedly", cause);
  }

  /** {@code NOT_FOUND} as the CamelCase reason {@code NotFound}; {@code UNAVAILABLE} is {@code RegistryUnavailable}. */
  static String reason(RegistryException.Failure failure) {
    if (failure == RegistryException.Failure.UNAVAILABLE) {
      return "RegistryUnavailable";
    }
    StringBuilder s = new StringBuilder();
    for (String word : failure.name().split("_")) {
      s.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return s.toString();
  }
}
