package io.imagefactory.report;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.fleet.Fleet;
import io.imagefactory.fleet.FleetImage;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.rebuild.Plan;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.RebuildState;
import io.imagefactory.state.Verification;
import io.imagefactory.tags.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report model of a merged {@link Fleet} and its state: names, kinds, repositories, owners,
 * who is built from whom, each image's current tag and digest, its verification phase, and for
 * managed images where they stand in the rebuild cycle (the rebuild decision's plans), and the
 * catalog component a managed image's builds are published as ({@code catalog:} in images.yaml).
 */
public final class FleetReport {
  private FleetReport() {}

  /** The model of {@code fleet} alone, without state: what a fleet never analysed shows. */
  public static ReportModel model(Fleet fleet, Instant generatedAt) {
    return model(fleet, Optional.empty(), List.of(), generatedAt);
  }

  /**
   * The model of {@code fleet}, with the state of {@code inputs} and the rebuild {@code plans}
   * decided at {@code generatedAt}.
   */
  public static ReportModel model(Fleet fleet, FleetInputs inputs, List<Plan> plans, Instant generatedAt) {
    return model(fleet, Optional.of(inputs), plans, generatedAt);
  }

  private static ReportModel model(Fleet fleet, Optional<FleetInputs> inputs, List<Plan> plans, Instant generatedAt) {
    Map<String, Plan> byImage = plans.stream().collect(Collectors.toMap(Plan::image, Function.identity()));
    List<ReportImage> images = new ArrayList<>();
    List<ReportModel.Edge> edges = new ArrayList<>();
    for (FleetImage image : fleet.all()) {
      ReportImage report = image(image);
      if (inputs.isPresent()) {
        report = withState(report, inputs.get());
      }
      Plan plan = byImage.get(image.name());
      images.add(plan == null ? report : report.withRebuild(rebuild(plan)));
      for (String base : image.baseImages()) {
        edges.add(new ReportModel.Edge(base, image.name()));
      }
    }
    return new ReportModel(fleet.settings().project(), generatedAt, images, edges);
  }

  private static ReportImage image(FleetImage image) {
    String repository = image.enrollment().map(ImageEnrollment::repoUrl)
        .or(() -> image.subscription().map(Subscription::repoURL)).orElse("");
    ReportImage report = ReportImage.of(image.name(), kind(image.kind()), repository)
        .withOwner(image.enrollment().flatMap(ImageEnrollment::owner).orElse(null));
    return report.withCatalogComponent(image.enrollment().flatMap(e -> e.catalog().component()).orElse(null));
  }

  /** The current tag and digest, and the verification, as the image's state file records them. */
  private static ReportImage withState(ReportImage report, FleetInputs inputs) {
    ImageState image = inputs.images().get(report.name());
    BaseImageState base = inputs.baseImages().get(report.name());
    Optional<String> tag = image != null ? image.current().tag()
        : base == null ? Optional.empty() : base.reference().tag();
    Optional<String> digest = image != null ? image.current().digest()
        : base == null ? Optional.empty() : base.current().digest();
    Optional<Verification> verification = image != null ? image.verification()
        : base == null ? Optional.empty() : base.verification();
    ReportImage out = tag.isEmpty() && digest.isEmpty() ? report
        : report.withCurrent(ReportImage.Version.of(tag.orElse(null), digest.orElse(null)));
    return verification.map(v -> out.withVerification(verification(v))).orElse(out);
  }

  private static ReportImage.Verification verification(Verification v) {
    // The first condition that is not True says why; Available images need no message.
    Optional<String> why = v.conditions().stream().filter(c -> c.status() != Verification.Status.TRUE)
        .map(c -> c.type() + ": " + c.message()).findFirst();
    return new ReportImage.Verification(ReportImage.Verification.Phase.valueOf(v.phase().name()), why);
  }

  private static Rebuild rebuild(Plan p) {
    Rebuild.Status status = Rebuild.Status.valueOf(p.status().name());
    Optional<Rebuild.PendingUpdate> update = p.update().map(u -> new Rebuild.PendingUpdate(u.baseImage(),
        u.oldDigest(), u.newDigest(), u.firstSeen()));
    Optional<Rebuild.Trigger> trigger = p.lastTrigger().map(FleetReport::trigger);
    return new Rebuild(status, p.due(), update, trigger, p.lastBuilt(), p.detail());
  }

  private static Rebuild.Trigger trigger(RebuildState.Trigger t) {
    return new Rebuild.Trigger(t.at(), t.runUrl(), t.runId());
  }

  private static ReportImage.Kind kind(FleetImage.Kind kind) {
    return ReportImage.Kind.valueOf(kind.name().toUpperCase(Locale.ROOT));
  }
}
