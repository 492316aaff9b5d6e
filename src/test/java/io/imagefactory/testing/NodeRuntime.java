package io.imagefactory.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Node.js for tests that run real cdk8s (jsii starts {@code node}, or {@code $JSII_NODE}).
 *
 * <p>Without node a test fails under CI (so a broken CI machine is noticed) and is skipped on a
 * developer's machine, with a message that says how to get it.
 */
public final class NodeRuntime {
  private NodeRuntime() {}

  /** Fails (with {@code CI} set) or skips the calling test when there is no node to run. */
  public static void require(String who) {
    if (node() != null) {
      return;
    }
    String message = who + ", which needs Node.js: jsii runs cdk8s in node, and there is no 'node' on PATH"
        + " (nor JSII_NODE). Install Node.js (e.g. apt-get install nodejs) or set JSII_NODE to a node binary.";
    RealComponents.missing(message);
  }

  /** The node binary jsii would start, or null. */
  public static Path node() {
    String custom = System.getenv("JSII_NODE");
    if (custom != null && !custom.isBlank()) {
      return Files.isExecutable(Path.of(custom)) ? Path.of(custom) : null;
    }
    return RealComponents.onPath("node").orElse(null);
  }
}
