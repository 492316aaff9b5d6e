package io.imagefactory.report;

import io.imagefactory.bench.SyntheticFleet;
import io.imagefactory.workspace.Checkout;
import io.imagefactory.fleet.FleetMerger;
import io.imagefactory.report.Rebuild.PendingUpdate;
import io.imagefactory.report.Rebuild.Status;
import io.imagefactory.report.Rebuild.Trigger;
import io.imagefactory.report.ReportImage.Verification;
import io.imagefactory.report.ReportImage.Verification.Phase;
import io.imagefactory.report.ReportImage.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The report model of a large synthetic fleet: a {@link SyntheticFleet} checkout read through the
 * same merge as the CLI and {@link FleetReport}, then given what the fleet does not carry yet
 * (digests, rebuild states with due times and runs, verification phases, catalog components), in
 * proportions a busy fleet might show. The same arguments give the same model.
 */
public final class SyntheticReport {
  /** The generation time of every synthetic report. */
  public static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private final Random random;

  private SyntheticReport(long seed) {
    this.random = new Random(seed);
  }

  /** Writes a fleet of {@code shape} under {@code dir} and returns its report model. */
  public static ReportModel write(Path dir, SyntheticFleet.Shape shape) {
    SyntheticFleet.write(dir, shape);
    ReportModel fleet = FleetReport.model(FleetMerger.merge(new Checkout(dir).load().inputs()), NOW);
    SyntheticReport facts = new SyntheticReport(shape.seed());
    List<ReportImage> images = new ArrayList<>();
    for (ReportImage image : fleet.images()) {
      images.add(facts.decorate(image, fleet));
    }
    return new ReportModel(fleet.title(), NOW, images, fleet.edges());
  }

  private ReportImage decorate(ReportImage image, ReportModel fleet) {
    ReportImage decorated = image.withCurrent(Version.of(random.nextInt(10) + "." + random.nextInt(30), digest()))
        .withVerification(verification());
    if (image.kind() != ReportImage.Kind.MANAGED) {
      return decorated;
    }
    if (random.nextInt(100) < 30) {
      String name = image.name();
      decorated = decorated.withCatalogComponent(name.replaceFirst("-", "/").replaceFirst("-", "/"));
    }
    String base = fleet.edges().stream().filter(e -> e.dependent().equals(image.name())).map(ReportModel.Edge::base)
        .findFirst().orElse(null);
    return decorated.withRebuild(base == null ? Rebuild.of(Status.MONITORING) : rebuild(base));
  }

  private Rebuild rebuild(String base) {
    int r = random.nextInt(100);
    Instant seen = NOW.minus(Duration.ofMinutes(random.nextInt(20 * 24 * 60)));
    PendingUpdate update = new PendingUpdate(base, Optional.of(digest()), digest(), seen);
    Instant built = seen.minus(Duration.ofDays(1 + random.nextInt(60)));
    if (r < 10) {
      return new Rebuild(Status.PENDING, Optional.of(seen.plus(Duration.ofDays(7 + random.nextInt(14)))),
          Optional.of(update), Optional.empty(), Optional.of(built), Optional.empty());
    }
    Instant at = NOW.minus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
    Trigger trigger = new Trigger(at, Optional.of("https://github.com/acme/images/actions/runs/" + (1000 + r)),
        Optional.of(Integer.toString(1000 + r)));
    if (r < 16) {
      return new Rebuild(Status.TRIGGERED, Optional.empty(), Optional.of(update), Optional.of(trigger),
          Optional.of(built), Optional.empty());
    }
    if (r < 19) {
      return new Rebuild(Status.OVERDUE, Optional.of(at.plus(Duration.ofHours(6))), Optional.of(update),
          Optional.of(trigger), Optional.of(built), Optional.of("no new build 6 h after the trigger"));
    }
    if (r < 21) {
      return new Rebuild(Status.FAILED, Optional.empty(), Optional.of(update), Optional.of(trigger),
          Optional.of(built), Optional.of("GitHub answered 404: no workflow build.yml"));
    }
    return new Rebuild(Status.MONITORING, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(built), Optional.empty());
  }

  private Verification verification() {
    int r = random.nextInt(100);
    if (r < 85) {
      return new Verification(Phase.AVAILABLE, Optional.empty());
    }
    if (r < 90) {
      return new Verification(Phase.PENDING, Optional.empty());
    }
    if (r < 93) {
      return new Verification(Phase.VERIFYING, Optional.empty());
    }
    return r < 97 ? new Verification(Phase.UNAVAILABLE, Optional.of("registry answered 503 after 3 tries"))
        : new Verification(Phase.FAILED, Optional.of("manifest unknown: the tag no longer exists"));
  }

  private String digest() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return "sha256:" + HexFormat.of().formatHex(bytes);
  }
}
