package io.imagefactory.kargo;

import io.imagefactory.config.Settings;
import io.imagefactory.credentials.TokenVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Argo Rollouts AnalysisTemplates whose Jobs run the analysis container.
 *
 * <p>Two templates serve the whole fleet; Stages pass the image's name, tag and digest as args.
 * Every arg is declared (Kargo drops undeclared ones) and has no default, so a Stage that forgot
 * one fails loudly instead of analysing the wrong image. Tokens come from Secrets through
 * {@code secretKeyRef}, never through args (which Kargo would copy into the AnalysisRun).
 */
final class AnalysisTemplates {
  /** Runs {@code image-factory analyze} for a new build of a managed image. */
  static final String ANALYZE = "image-factory-analyze";
  /** Runs {@code image-factory record-update} for a new image behind a watched tag. */
  static final String RECORD_UPDATE = "image-factory-record-update";
  static final List<String> ARGS = List.of("image", "tag", "digest");
  static final String SERVICE_ACCOUNT = "image-factory-analysis";
  static final long USER = 65532;

  private AnalysisTemplates() {}

  static List<Manifest> of(Settings settings) {
    return List.of(
        template(settings, ANALYZE, "analyze", "analyze"),
        template(settings, RECORD_UPDATE, "record-update", "record-update"));
  }

  private static Manifest template(Settings s, String name, String metric, String command) {
    Map<String, Object> job = Tree.map(
        "metadata", Tree.map("labels", Labels.common()),
        "spec", Tree.map(
            "backoffLimit", 1,
            "activeDeadlineSeconds", 900,
            "ttlSecondsAfterFinished", 86400,
            "template", Tree.map(
                "metadata", Tree.map("labels", Labels.common()),
                "spec", podSpec(s, command))));
    return Kinds.manifest(Kinds.ROLLOUTS, "AnalysisTemplate", name, s.project(), Labels.common(),
        "spec", Tree.map(
            "args", ARGS.stream().map(a -> (Object) Tree.map("name", a)).toList(),
            "metrics", Tree.list(Tree.map(
                "name", metric,
                "count", 1,
                "failureLimit", 0,
                "provider", Tree.map("job", job)))));
  }

  private static Map<String, Object> podSpec(Settings s, String command) {
    return Tree.map(
        "serviceAccountName", SERVICE_ACCOUNT,
        "automountServiceAccountToken", false,
        "restartPolicy", "Never",
        "securityContext", Tree.map(
            "runAsNonRoot", true,
            "runAsUser", USER,
            "runAsGroup", USER,
            "fsGroup", USER,
            "seccompProfile", Tree.map("type", "RuntimeDefault")),
        "containers", Tree.list(Tree.map(
            "name", command,
            "image", s.analysisImage(),
            "args", containerArgs(s, command),
            "env", Tree.list(
                secretEnv(TokenVariable.STATE_REPOSITORY, Secrets.STATE_REPOSITORY),
                secretEnv(TokenVariable.GITHUB, Secrets.GITHUB),
                secretEnv(TokenVariable.GITLAB, Secrets.GITLAB)),
            "resources", Tree.map(
                "requests", Tree.map("cpu", "100m", "memory", "256Mi"),
                "limits", Tree.map("memory", "512Mi")),
            "securityContext", Tree.map(
                "allowPrivilegeEscalation", false,
                "readOnlyRootFilesystem", true,
                "capabilities", Tree.map("drop", Tree.list("ALL"))),
            "volumeMounts", Tree.list(Tree.map("name", "tmp", "mountPath", "/tmp")))),
        "volumes", Tree.list(Tree.map("name", "tmp", "emptyDir", Tree.map())));
  }

  private static List<Object> containerArgs(Settings s, String command) {
    List<Object> args = new ArrayList<>(List.of(command));
    for (String a : ARGS) {
      args.add("--" + a);
      args.add("{{args." + a + "}}");
    }
    args.addAll(List.of("--git-repo", s.stateRepository(), "--git-branch", s.stateBranch()));
    return List.copyOf(args);
  }

  private static Map<String, Object> secretEnv(TokenVariable variable, String secret) {
    return Tree.map("name", variable.env(), "valueFrom", Tree.map("secretKeyRef",
        Tree.map("name", secret, "key", Secrets.KEY, "optional", true)));
  }
}
