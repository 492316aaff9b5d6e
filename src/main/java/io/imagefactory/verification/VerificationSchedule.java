package io.imagefactory.verification;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Settings;
import io.imagefactory.state.Verification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When the scheduled verification checks each image. One CronJob runs at every {@code tick}: the
 * fleet's shortest {@code verificationInterval} (settings.yaml's or an image's) as a cron step.
 * Each run verifies only the targets that are {@link #due}, so an image's own interval holds.
 *
 * <p>Due-ness is decided from the clock alone, not from the recorded {@code lastVerificationTime}:
 * that is rewritten at most once a day when nothing changed, so it cannot tell whether an hourly
 * image was checked in the last hour. A run belongs to its slot, the time it started floored to a
 * multiple of the tick (counted from the epoch, in UTC, as the cron steps of the hour and the day
 * are), so a run that starts seconds late still counts as its slot's. A target is due in the one
 * slot that starts within the first tick of each window of its interval: once per interval.
 *
 * @param tick how often the CronJob runs
 */
public record VerificationSchedule(Duration tick) {

  public VerificationSchedule {
    Objects.requireNonNull(tick, "tick");
    if (tick.isNegative() || tick.isZero()) {
      throw new IllegalArgumentException("tick must be positive: " + tick);
    }
  }

  /** The schedule of a fleet: its tick is the {@link #step} of its {@link #shortestInterval}. */
  public static VerificationSchedule of(Settings settings, List<ImageEnrollment> enrollments) {
    return new VerificationSchedule(step(shortestInterval(settings, enrollments)));
  }

  /** The shortest {@code verificationInterval} of settings.yaml and every enrolled image. */
  public static Duration shortestInterval(Settings settings, List<ImageEnrollment> enrollments) {
    Duration shortest = settings.verificationInterval();
    for (ImageEnrollment e : enrollments) {
      Optional<Duration> own = e.catalog().verificationInterval();
      if (own.isPresent() && own.get().compareTo(shortest) < 0) {
        shortest = own.get();
      }
    }
    return shortest;
  }

  /**
   * A cron step at least as frequent as {@code interval}: N minutes where N divides the hour, or N
   * hours where N divides the day, else the next more frequent such step; a minute at least, a day
   * at most. Such steps are what cron can repeat evenly, and each is a whole fraction of a day, so
   * their runs fall on multiples of the step counted from the epoch.
   */
  public static Duration step(Duration interval) {
    long minutes = Math.max(1, interval.toMinutes());
    if (minutes < 60) {
      return Duration.ofMinutes(divisorAtMost(60, minutes));
    }
    long hours = Math.min(24, minutes / 60);
    return Duration.ofHours(divisorAtMost(24, hours));
  }

  /**
   * True when {@code target}, last verified as {@code previous}, is to be verified by the run
   * started at {@code now}: when its interval's window starts in this run's slot ({@code slot mod
   * interval < tick}); and always when it was never verified, when it was not Available (a failure
   * is checked again every tick) or when its recorded verification is of another reference.
   */
  public boolean due(Target target, Optional<Verification> previous, Instant now) {
    if (previous.isEmpty() || previous.get().phase() != Verification.Phase.AVAILABLE
        || !previous.get().reference().equals(target.reference().orElse(""))) {
      return true;
    }
    long tickMillis = tick.toMillis();
    long slot = Math.floorDiv(now.toEpochMilli(), tickMillis) * tickMillis;
    return Math.floorMod(slot, Math.max(1, target.interval().toMillis())) < tickMillis;
  }

  private static long divisorAtMost(long whole, long n) {
    for (long d = n; d > 1; d--) {
      if (whole % d == 0) {
        return d;
      }
    }
    return 1;
  }
}
