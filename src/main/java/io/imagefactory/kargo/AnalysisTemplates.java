package io.imagefactory.kargo;

import io.imagefactory.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Argo Rollouts AnalysisTemplates whose Jobs run the analysis container ({@link JobPods}).
 *
 * <p>Three templates serve the whole fleet; Stages pass the image's name (and the Freight's tag
 * and digest) as args. Every arg is declared (Kargo drops undeclared ones) and has no default, so
 * a Stage that forgot one fails loudly instead of analysing the wrong image.
 */
final class AnalysisTemplates {
  /** Runs {@code image-factory analyze} for a new build of a managed image. */
  static final String ANALYZE = "image-factory-analyze";
  /** Runs {@code image-factory record-update} for a new image behind a watched tag. */
  static final String RECORD_UPDATE = "image-factory-record-update";
  /** Records a rebuild that a person started from a {@code rebuild-<image>} Stage, so it is not sent twice. */
  static final String RECORD_REBUILD = "image-factory-record-rebuild";
  static final List<String> ARGS = List.of("image", "tag", "digest");
  static final List<String> REBUILD_ARGS = List.of("image");
  static final String SERVICE_ACCOUNT = JobPods.SERVICE_ACCOUNT;
  static final long USER = JobPods.USER;

  private AnalysisTemplates() {}

  static List<Manifest> of(Settings settings) {
    // analyze reads a release build from its registry to publish it to the catalog (catalog: in images.yaml)
    List<String> secrets = settings.registries().credentialSecrets();
    List<String> analyze = new ArrayList<>(List.of("analyze"));
    if (!secrets.isEmpty()) {
      analyze.addAll(List.of("--kargo-credentials", JobPods.REGISTRY_CREDENTIALS));
    }
    return List.of(
        template(settings, ANALYZE, "analyze", ARGS, flagged(analyze, ARGS, settings), secrets),
        template(settings, RECORD_UPDATE, "record-update", ARGS, flagged(List.of("record-update"), ARGS, settings),
            List.of()),
        template(settings, RECORD_REBUILD, "record-rebuild", REBUILD_ARGS, state(settings,
            List.of("rebuild", "{{args.image}}", "--now", "--record-only")), List.of()));
  }

  private static Manifest template(Settings s, String name, String metric, List<String> declared, List<String> args,
      List<String> secrets) {
    Map<String, Object> job = Tree.map(
        "metadata", Tree.map("labels", Labels.common()),
        "spec", JobPods.tree(JobPods.job(s, metric, args, secrets, 1)));
    return Kinds.manifest(Kinds.ROLLOUTS, "AnalysisTemplate", name, s.project(), Labels.common(),
        "spec", Tree.map(
            "args", declared.stream().map(a -> (Object) Tree.map("name", a)).toList(),
            "metrics", Tree.list(Tree.map(
                "name", metric,
                "count", 1,
                "failureLimit", 0,
                "provider", Tree.map("job", job)))));
  }

  /** {@code command --image {{args.image}} --tag ... } and the state repository. */
  private static List<String> flagged(List<String> command, List<String> declared, Settings s) {
    List<String> args = new ArrayList<>(command);
    for (String a : declared) {
      args.add("--" + a);
      args.add("{{args." + a + "}}");
    }
    return state(s, args);
  }

  /** {@code args} and where the job commits: the state repository and branch of settings.yaml. */
  static List<String> state(Settings s, List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--git-repo", s.stateRepository(), "--git-branch", s.stateBranch()));
    return List.copyOf(all);
  }
}
