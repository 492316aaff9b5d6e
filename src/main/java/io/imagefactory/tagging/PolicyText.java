package io.imagefactory.tagging;

/** A {@link Policy} as a policy file, every field written: what {@code tags policy} prints. */
public final class PolicyText {
  private PolicyText() {}

  /** The policy file for {@code policy}, which {@link PolicyReader} reads back to the same policy. */
  public static String write(Policy policy) {
    StringBuilder out = new StringBuilder();
    out.append("branches:");
    if (policy.branches().isEmpty()) {
      out.append(" []");
    }
    out.append('\n');
    for (BranchRule r : policy.branches()) {
      out.append("  - pattern: \"").append(r.pattern().replace("\"", "\\\"")).append("\"\n")
          .append("    maxAge: ").append(Durations.format(r.maxAge())).append('\n');
    }
    out.append("rollingTags: [");
    out.append(String.join(", ", policy.rollingTags().stream().sorted().map(Policy.RollingTag::fileName).toList()));
    out.append("]\n");
    out.append("pullRequests: ").append(policy.pullRequests()).append('\n');
    out.append("prereleaseMaxAge: ").append(Durations.format(policy.prereleaseMaxAge())).append('\n');
    out.append("untaggedGracePeriod: ").append(Durations.format(policy.untaggedGracePeriod())).append('\n');
    return out.toString();
  }
}
