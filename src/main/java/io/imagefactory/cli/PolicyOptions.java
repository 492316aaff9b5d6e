package io.imagefactory.cli;

import io.imagefactory.tagging.Policy;
import io.imagefactory.tagging.PolicyReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --policy FILE}: the tag policy, or the default one. */
final class PolicyOptions {
  @Option(names = "--policy", paramLabel = "FILE",
      description = "The tag policy (schemas/tag-policy.schema.json); default: the built-in policy (tags policy prints it).")
  Path policy;

  /** The policy of the file, or the default; an invalid file lists every problem. */
  Policy load() {
    return policy == null ? Policy.DEFAULT : PolicyReader.load(InputFiles.read(policy, "a tag policy file"),
        policy.toString());
  }
}
