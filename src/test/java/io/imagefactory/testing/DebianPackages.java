package io.imagefactory.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real Debian packages for tests, built by {@code dpkg-deb} (part of dpkg, on every Debian). */
public final class DebianPackages {
  private DebianPackages() {}

  /**
   * Builds {@code NAME_VERSION_ARCH.deb} in {@code dir} from a control file with these fields and
   * {@code description}'s second line (so that two builds of one version can differ).
   */
  public static Path build(Path dir, String name, String version, String arch, String depends, String description) {
    Path dpkgDeb = RealComponents.require("dpkg-deb", "apt-get install dpkg (Debian has it)");
    try {
      Path tree = Files.createDirectories(dir.resolve("pkg-" + System.nanoTime() + "/DEBIAN"));
      Files.writeString(tree.resolve("control"), "Package: " + name + "\nVersion: " + version + "\nArchitecture: "
          + arch + "\nMaintainer: Platform <platform@example.com>\nDepends: " + depends + "\nDescription: shared helpers\n"
          + " " + description + "\n");
      Path deb = dir.resolve(name + "_" + version + "_" + arch + ".deb");
      run(new ProcessBuilder(dpkgDeb.toString(), "--build", "-Zxz", tree.getParent().toString(), deb.toString())
          .redirectErrorStream(true));
      return deb;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code command} and returns what it wrote to its output; fails, with that output, unless it exits 0. */
  static byte[] run(ProcessBuilder command) {
    try {
      Process p = command.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command.command()) + " failed:\n"
            + new String(out, StandardCharsets.UTF_8));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
