package io.imagefactory.cli;

import io.imagefactory.tagging.PolicyText;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory tags policy [--policy FILE]}: checks a policy file and prints the policy in effect. */
@Command(
    name = "policy",
    description = {
      "Check a tag policy file (every problem as file:line:column: what is wrong. what to do.) and print the policy",
      "in effect, defaults filled in; without --policy, print the default policy."
    })
final class TagsPolicyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand TagsCommand parent;
  @Mixin PolicyOptions policy;

  @Option(names = "--verbose", description = "Print stack traces of failures.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(PolicyText.write(policy.load()));
    out.flush();
    return ExitCodes.OK;
  }
}
