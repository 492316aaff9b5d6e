package io.imagefactory.kargo;

import java.util.List;

/**
 * The Kargo Project (cluster-scoped; Kargo makes its namespace) and its ProjectConfig.
 *
 * <p>One promotion policy auto-promotes every Stage labelled {@code imagefactory.io/auto-promote:
 * "true"}: observe and analyze Stages always, rebuild Stages of images with {@code autoRebuild}.
 * A label selector keeps the ProjectConfig one small object however large the fleet; an exact
 * name per Stage would grow it past what etcd stores for fleets of thousands.
 */
final class ProjectResources {
  private ProjectResources() {}

  static List<Manifest> of(String project) {
    Manifest projectDoc = Kinds.manifest(Kinds.KARGO, "Project", project, null, Labels.common());
    Manifest config = Kinds.manifest(Kinds.KARGO, "ProjectConfig", project, project, Labels.common(),
        "spec", Tree.map("promotionPolicies", Tree.list(Tree.map(
            "stageSelector", Tree.map("matchLabels", Tree.map(Labels.AUTO_PROMOTE, "true")),
            "autoPromotionEnabled", true))));
    return List.of(projectDoc, config);
  }
}
