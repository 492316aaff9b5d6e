package io.imagefactory.verification;

import io.imagefactory.state.Verification;
import io.imagefactory.state.Verification.Condition;
import io.imagefactory.state.Verification.Phase;
import io.imagefactory.state.Verification.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what the registry said about a target into the design document's catalog status: the
 * phase, the conditions and the registry metadata. Pure: the previous verification and the time
 * come in, so that a condition's {@code lastTransitionTime} moves only when its status changes.
 *
 * <p>Conditions: {@code Available} always; {@code MetadataConsistent} when images.yaml declares a
 * platform; {@code DigestPinned} when a digest is pinned. A failure keeps the last registry
 * metadata and the last of the other two conditions: they describe the last image seen.
 */
public final class Verifier {
  public static final String AVAILABLE = "Available";
  public static final String METADATA_CONSISTENT = "MetadataConsistent";
  public static final String DIGEST_PINNED = "DigestPinned";
  /** images.yaml's {@code platforms} and {@code sizeBudget}, checked as {@code check-image} does. */
  public static final String REQUIREMENTS_MET = "RequirementsMet";

  private Verifier() {}

  /** The verification of {@code target} after {@code outcome}, at {@code now}. */
  public static Verification verify(Target target, Outcome outcome, Optional<Verification> previous, Instant now) {
    String reference = target.reference().orElse("");
    if (outcome instanceof Outcome.Resolved resolved) {
      Verification v = resolved(target, reference, resolved.metadata(), previous, now);
      return resolved.requirementProblems().map(problems -> withRequirements(v, problems, previous, now)).orElse(v);
    }
    Phase phase;
    Condition available;
    if (outcome instanceof Outcome.Failure f) {
      phase = f.transientFailure() ? Phase.UNAVAILABLE : Phase.FAILED;
      available = condition(previous, AVAILABLE, Status.FALSE, f.reason(), f.message(), now);
    } else {
      phase = Phase.PENDING;
      available = condition(previous, AVAILABLE, Status.UNKNOWN, "NothingToVerify",
          ((Outcome.NothingToVerify) outcome).why(), now);
    }
    List<Condition> conditions = new ArrayList<>(List.of(available));
    previous.flatMap(p -> p.condition(METADATA_CONSISTENT)).ifPresent(conditions::add);
    previous.flatMap(p -> p.condition(DIGEST_PINNED)).ifPresent(conditions::add);
    previous.flatMap(p -> p.condition(REQUIREMENTS_MET)).ifPresent(conditions::add);
    return new Verification(reference, phase, previous.flatMap(Verification::registryMetadata),
        previous.flatMap(Verification::metadata), conditions, now);
  }

  private static Verification resolved(Target target, String reference, Verification.RegistryMetadata served,
      Optional<Verification> previous, Instant now) {
    List<Condition> conditions = new ArrayList<>();
    conditions.add(condition(previous, AVAILABLE, Status.TRUE, "RegistryAccessible",
        "Image is accessible in registry", now));
    Optional<Verification.PlatformMetadata> reported = Optional.empty();
    if (target.declared().isPresent() && !target.declared().get().platform().isEmpty()) {
      MetadataCheck.Result check = MetadataCheck.check(target.declared().get(), served);
      reported = Optional.of(check.reported());
      conditions.add(check.conflicts().isEmpty()
          ? condition(previous, METADATA_CONSISTENT, Status.TRUE, "MetadataMatches",
              "the declared platform matches the registry's", now)
          : condition(previous, METADATA_CONSISTENT, Status.FALSE, "MetadataConflict",
              String.join("; ", check.conflicts()), now));
    }
    target.pinnedDigest().ifPresent(pinned -> conditions.add(pinned.equals(served.resolvedDigest())
        ? condition(previous, DIGEST_PINNED, Status.TRUE, "DigestMatches", reference + " still points at " + pinned, now)
        : condition(previous, DIGEST_PINNED, Status.FALSE, "TagMoved", reference + " now points at "
            + served.resolvedDigest() + ", not at the pinned " + pinned, now)));
    return new Verification(reference, Phase.AVAILABLE, Optional.of(served), reported, conditions, now);
  }

  /** {@code v} with the RequirementsMet condition: True, or False naming what the image lacks. */
  private static Verification withRequirements(Verification v, List<String> problems, Optional<Verification> previous,
      Instant now) {
    List<Condition> conditions = new ArrayList<>(v.conditions());
    conditions.add(problems.isEmpty()
        ? condition(previous, REQUIREMENTS_MET, Status.TRUE, "PlatformsAndSizesMet",
            "every required platform is served, each within the size budget", now)
        : condition(previous, REQUIREMENTS_MET, Status.FALSE,
            problems.stream().anyMatch(p -> p.contains(" lacks the platform")) ? "MissingPlatform" : "OverSizeBudget",
            String.join("; ", problems), now));
    return new Verification(v.reference(), v.phase(), v.registryMetadata(), v.metadata(), conditions,
        v.lastVerificationTime());
  }

  /** A condition whose lastTransitionTime is the previous one's while the status stays the same. */
  private static Condition condition(Optional<Verification> previous, String type, Status status, String reason,
      String message, Instant now) {
    Instant since = previous.flatMap(p -> p.condition(type)).filter(c -> c.status() == status)
        .map(Condition::lastTransitionTime).orElse(now);
    return new Condition(type, status, reason, message, since);
  }
}
