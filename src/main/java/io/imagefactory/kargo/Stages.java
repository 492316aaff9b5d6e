package io.imagefactory.kargo;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Settings;
import io.imagefactory.fleet.Fleet;
import io.imagefactory.fleet.FleetImage;
import io.imagefactory.tags.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three kinds of Stage.
 *
 * <ul>
 *   <li>{@code observe-B} takes each new Freight of watched image B straight from its Warehouse
 *       and verifies it with the record-update analysis (state learns the new digest and when it
 *       was first seen).
 *   <li>{@code analyze-M} takes each new build of managed image M and verifies it with the
 *       analysis job, which re-reads M's Dockerfile and updates its base images in state.
 *   <li>{@code rebuild-M} is the "rebuild now" of Kargo's UI: promoting a base image's Freight to
 *       it triggers M's CI, and its verification records that in M's state so that the scheduled
 *       {@code rebuild --all} does not trigger the same update again. It is never auto-promoted:
 *       the delay is decided by image-factory ({@code ScheduledJobs}), from when each update was
 *       first seen, because Kargo's {@code requiredSoakTime} restarts with every new digest.
 * </ul>
 *
 * <p>observe and analyze Stages have a {@code set-metadata} step: a Stage without promotion steps
 * is a control-flow Stage that never runs verification. The step records the tag and digest on
 * the Stage, which shows them in Kargo's UI.
 */
final class Stages {
  private Stages() {}

  /**
   * The Stage that verifies each new Freight of {@code image}'s Warehouse: {@code analyze-M} for
   * the builds of a managed image, {@code observe-B} for the updates of a watched one.
   */
  static Manifest verifying(FleetImage image, Subscription subscription, Settings s) {
    return image.isManaged()
        ? verifying(image, KargoNames.ANALYZE, "analyze", AnalysisTemplates.ANALYZE, subscription.repoURL(), s)
        : verifying(image, KargoNames.OBSERVE, "observe", AnalysisTemplates.RECORD_UPDATE, subscription.repoURL(), s);
  }

  /**
   * The rebuild Stage of a managed {@code image}, requesting Freight from each base image with a
   * Warehouse; none for an image not built here, or when no base has one (a Stage requesting
   * Freight from a Warehouse that does not exist never gets any, and a base pinned by digest alone
   * has no tag to watch).
   */
  static Optional<Manifest> rebuild(FleetImage image, Fleet fleet) {
    Optional<ImageEnrollment> managed = image.enrollment().filter(ImageEnrollment::isManaged);
    List<FleetImage> triggers = image.baseImages().stream().map(fleet::image)
        .filter(b -> b.subscription().isPresent()).toList();
    if (managed.isEmpty() || triggers.isEmpty()) {
      return Optional.empty();
    }
    ImageEnrollment enrollment = managed.get();
    List<Object> requested = new ArrayList<>();
    for (FleetImage base : triggers) {
      String upstream = base.isManaged()
          ? KargoNames.prefixed(KargoNames.ANALYZE, base.name())
          : KargoNames.prefixed(KargoNames.OBSERVE, base.name());
      requested.add(Tree.map(
          "origin", origin(base.name()),
          "sources", Tree.map("stages", Tree.list(upstream))));
    }
    String name = KargoNames.prefixed(KargoNames.REBUILD, image.name());
    return Optional.of(Kinds.manifest(Kinds.KARGO, "Stage", name, fleet.settings().project(),
        Labels.forStage(image.name(), "rebuild", false),
        "spec", Tree.map(
            "vars", Tree.list(Tree.nameValue("image", image.name())),
            "requestedFreight", requested,
            "promotionTemplate", Tree.map("spec", Tree.map("steps",
                Tree.list(RebuildTriggers.step(enrollment.source().orElseThrow(), fleet.settings())))),
            "verification", Tree.map(
                "analysisTemplates", Tree.list(Tree.map("name", AnalysisTemplates.RECORD_REBUILD)),
                "analysisRunMetadata", Tree.map("labels",
                    Tree.map(Labels.IMAGE, image.name(), Labels.ROLE, "rebuild")),
                "args", Tree.list(Tree.nameValue("image", image.name()))))));
  }

  private static Manifest verifying(FleetImage image, String prefix, String role, String template,
      String repoURL, Settings s) {
    String name = KargoNames.prefixed(prefix, image.name());
    String tag = "${{ quote(imageFrom(vars.repoURL).Tag) }}";
    String digest = "${{ imageFrom(vars.repoURL).Digest }}";
    return Kinds.manifest(Kinds.KARGO, "Stage", name, s.project(), Labels.forStage(image.name(), role, true),
        "spec", Tree.map(
            "vars", Tree.list(Tree.nameValue("image", image.name()), Tree.nameValue("repoURL", repoURL)),
            "requestedFreight", Tree.list(Tree.map(
                "origin", origin(image.name()),
                "sources", Tree.map("direct", true))),
            "promotionTemplate", Tree.map("spec", Tree.map("steps", Tree.list(Tree.map(
                "uses", "set-metadata",
                "as", "record-freight",
                "config", Tree.map("updates", Tree.list(Tree.map(
                    "kind", "Stage",
                    "name", "${{ ctx.stage }}",
                    "values", Tree.map("repoURL", "${{ vars.repoURL }}", "tag", tag, "digest", digest)))))))),
            "verification", Tree.map(
                "analysisTemplates", Tree.list(Tree.map("name", template)),
                "analysisRunMetadata", Tree.map("labels", Tree.map(Labels.IMAGE, image.name(), Labels.ROLE, role)),
                "args", Tree.list(
                    Tree.nameValue("image", image.name()),
                    Tree.nameValue("tag", tag),
                    Tree.nameValue("digest", digest)))));
  }

  private static Map<String, Object> origin(String warehouse) {
    return Tree.map("kind", "Warehouse", "name", warehouse);
  }
}
