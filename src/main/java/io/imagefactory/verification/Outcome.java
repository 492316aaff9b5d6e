package io.imagefactory.verification;

import io.imagefactory.state.Verification;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the registry said about a target's reference: its metadata, or why there is none. */
public sealed interface Outcome {

  /**
   * The reference resolved.
   *
   * @param metadata digest, media type, size, layers and platforms, read now
   * @param requirementProblems when the target declares requirements: what the image lacks
   *     (missing platforms, platforms over the size budget), empty when it meets them
   */
  record Resolved(Verification.RegistryMetadata metadata, Optional<List<String>> requirementProblems)
      implements Outcome {
    public Resolved {
      Objects.requireNonNull(metadata, "metadata");
      requirementProblems = requirementProblems.map(List::copyOf);
    }

    /** A resolution of a target that declares no requirements. */
    public Resolved(Verification.RegistryMetadata metadata) {
      this(metadata, Optional.empty());
    }
  }

  /**
   * The registry could not be read, or refused.
   *
   * @param transientFailure true for timeouts, 5xx, refused connections and 429 after retries
   *     (phase Unavailable); false for 401/403, 404, bad digests and invalid references (Failed)
   * @param reason a CamelCase word for the condition, e.g. {@code NotFound}
   * @param message what happened, with what to check
   */
  record Failure(boolean transientFailure, String reason, String message) implements Outcome {
    public Failure {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Nothing to resolve yet: no tag or digest is known (phase Pending).
   *
   * @param why one sentence
   */
  record NothingToVerify(String why) implements Outcome {
    public NothingToVerify {
      Objects.requireNonNull(why, "why");
    }
  }
}
