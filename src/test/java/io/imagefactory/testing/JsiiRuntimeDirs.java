package io.imagefactory.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes the {@code /tmp/jsii-java-runtime*} directory this JVM's jsii extracted, when it exits.
 *
 * <p>jsii marks the files it extracts, and the directory, for deletion at exit, but not the
 * {@code bin/} and {@code lib/} directories between them, so every JVM leaves an empty tree
 * behind. Only the directory of this JVM's own node child is removed, found from that child's
 * command line: other JVMs on the machine may be using theirs.
 */
public final class JsiiRuntimeDirs {
  private static final String SCRIPT = "/bin/jsii-runtime.js";

  private JsiiRuntimeDirs() {}

  /** Call after the first jsii call (e.g. {@code new App()}); does nothing if none is found. */
  public static void deleteOwnAtExit() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    for (long pid : ProcessTree.descendants(ProcessHandle.current().pid())) {
      for (String arg : ProcessTree.commandLine(pid)) {
        Path dir = arg.endsWith(SCRIPT) ? Path.of(arg).getParent().getParent() : null;
        if (dir != null && tmp.equals(dir.getParent()) && dir.getFileName().toString().startsWith("jsii-java-runtime")) {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "delete " + dir));
          return;
        }
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort at exit: a leftover empty directory is harmless
    }
  }
}
