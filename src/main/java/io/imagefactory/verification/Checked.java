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
}
