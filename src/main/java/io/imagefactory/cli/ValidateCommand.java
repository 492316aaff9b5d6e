package io.imagefactory.cli;

import io.imagefactory.Layout;
import io.imagefactory.Problem;
import io.imagefactory.ProblemReport;
import io.imagefactory.ValidationException;
import io.imagefactory.fleet.Fleet;
import io.imagefactory.fleet.FleetImage;
import io.imagefactory.fleet.FleetImage.Kind;
import io.imagefactory.tagging.PolicyReader;
import io.imagefactory.workspace.Checkout;
import io.imagefactory.workspace.FleetPipeline;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code image-factory validate}: checks images.yaml, settings and state; reports every problem. */
@Command(
    name = "validate",
    description = {
      "Check image-factory/images.yaml, settings.yaml, state/ and tag-policy.yaml (if any) without writing anything.",
      "Every problem is printed as path:line:column: what is wrong. what to do."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Override
  public Integer call() {
    Checkout checkout = new Checkout(options.root);
    List<Problem> policyProblems = tagPolicyProblems(checkout);
    FleetPipeline.Merged merged;
    try {
      merged = FleetPipeline.merge(checkout);
    } catch (ValidationException e) {
      throw new ValidationException(sorted(e.problems(), policyProblems));
    }
    if (policyProblems.stream().anyMatch(Problem::isError)) {
      throw new ValidationException(sorted(merged.warnings(), policyProblems));
    }
    List<Problem> warnings = sorted(merged.warnings(), policyProblems);
    printWarnings(warnings, spec.commandLine().getErr());
    spec.commandLine().getOut().println("valid: " + summary(merged.fleet())
        + (warnings.isEmpty() ? "" : ", " + count(warnings.size(), "warning")));
    return ExitCodes.OK;
  }

  /** The problems of image-factory/tag-policy.yaml, the fleet's tag policy, when there is one. */
  private static List<Problem> tagPolicyProblems(Checkout checkout) {
    Path file = checkout.resolve(Layout.TAG_POLICY_FILE);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    List<Problem> problems = new ArrayList<>();
    PolicyReader.read(InputFiles.read(file, "the fleet's tag policy"), Layout.TAG_POLICY_FILE, problems);
    return problems;
  }

  private static List<Problem> sorted(List<Problem> a, List<Problem> b) {
    List<Problem> all = new ArrayList<>(a);
    all.addAll(b);
    all.sort(Problem.BY_POSITION);
    return all;
  }

  static String summary(Fleet fleet) {
    int managed = 0;
    int external = 0;
    int bases = 0;
    for (FleetImage i : fleet.all()) {
      if (i.kind() == Kind.MANAGED) {
        managed++;
      } else if (i.kind() == Kind.EXTERNAL) {
        external++;
      } else {
        bases++;
      }
    }
    return count(managed + external, "image") + " (" + managed + " managed, " + external + " external), "
        + count(bases, "base image");
  }

  /** Each warning on a line of its own, as {@code path:line:column: warning: ...}; at most 50 a file. */
  static void printWarnings(List<Problem> warnings, PrintWriter err) {
    ProblemReport.lines(warnings).forEach(err::println);
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
