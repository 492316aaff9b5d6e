package io.imagefactory.workspace;

import io.imagefactory.Layout;
import io.imagefactory.diff.ResourceDiff;
import java.util.List;
import java.util.Optional;

/** A job's write of dist/: only when its bytes change, with a line saying which resources did. */
final class DistFile {
  /** How many resources the line names before it counts the rest. */
  private static final int NAMED = 10;

  private DistFile() {}

  /**
   * Replaces the checkout's dist/ file with {@code yaml} when it differs.
   *
   * @return the commit message's line for the change, or empty when the bytes are the same
   */
  static Optional<String> write(Checkout checkout, String yaml) {
    String old = checkout.readDist().orElse("");
    if (old.equals(yaml)) {
      return Optional.empty();
    }
    checkout.writeDist(yaml);
    List<ResourceDiff.Entry> entries = ResourceDiff.compare(old, yaml);
    StringBuilder line = new StringBuilder(Layout.DIST_FILE).append(" regenerated:");
    entries.stream().limit(NAMED).forEach(e -> line.append(' ').append(e.change().symbol()).append(' ').append(e.id()).append(','));
    if (entries.size() > NAMED) {
      line.append(" and ").append(entries.size() - NAMED).append(" more");
    } else if (entries.isEmpty()) {
      line.append(" the same resources, written anew");
    } else {
      line.setLength(line.length() - 1);
    }
    return Optional.of(line.toString());
  }
}
