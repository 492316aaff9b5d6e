package io.imagefactory.verification;

import io.imagefactory.state.Verification;
import java.util.Objects;

/**
 * A target and its new verification.
 *
 * @param target what was verified
 * @param verification the result
 */
public record Checked(Target target, Verification verification) {
  public Checked {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(verification, "verification");
  }

  /** True when the image is Available. */
  public boolean available() {
    return verification.phase() == Verification.Phase.AVAILABLE;
  }

  /**
   * Available, and meeting the platforms and size budget images.yaml requires: what {@code
   * verify}'s exit code 0 promises, as {@code check-image} fails on a missing platform.
   */
  public boolean passed() {
    return available() && verification.condition(Verifier.REQUIREMENTS_MET)
        .map(c -> c.status() == Verification.Status.TRUE).orElse(true);
  }
}
