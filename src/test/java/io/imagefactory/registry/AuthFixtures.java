package io.imagefactory.registry;

import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Seeded registry data, Docker configs, credential helper scripts and Kargo Secret mounts for the auth tests. */
final class AuthFixtures {
  static final String BOT_PASSWORD = "Bot-Pa55-9f27c1";
  static final String READER_PASSWORD = "Reader-Pa55-41d0e8";
  static final String IDENTITY_TOKEN = "Identity-T0ken-5b8e02";

  private AuthFixtures() {}

  /** The images the auth tests read: acme/app:1.0 (one platform), acme/multi:2 (an index), acme/public:1. */
  record Seeded(Pushed app, Pushed multi, Pushed pub) {}

  /** Pushes the images into a registry on {@code dir} without auth, then stops it; restart it with auth. */
  static Seeded seed(Path dir) {
    try (Registry registry = Registry.start(dir)) {
      Pushed app = TestImages.image(registry, "acme/app", RegistryClientIT.AMD64, false);
      TestImages.tag(registry, "acme/app", "1.0", app);
      Pushed a = TestImages.image(registry, "acme/multi", RegistryClientIT.AMD64, false);
      Pushed b = TestImages.image(registry, "acme/multi", RegistryClientIT.ARM64, false);
      Pushed multi = TestImages.index(registry, "acme/multi", List.of(a, b), 1, false);
      TestImages.tag(registry, "acme/multi", "2", multi);
      Pushed pub = TestImages.image(registry, "acme/public", RegistryClientIT.ARMV7, false);
      TestImages.tag(registry, "acme/public", "1", pub);
      return new Seeded(app, multi, pub);
    }
  }

  /** The htpasswd file (bcrypt, committed: the registry accepts bcrypt only, and CI needs no htpasswd tool). */
  static Path htpasswd(Path dir) {
    try (var in = AuthFixtures.class.getResourceAsStream("htpasswd")) {
      return Files.write(dir.resolve("htpasswd"), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String basicAuth(Path htpasswd) {
    return "{htpasswd: {realm: test-registry, path: \"" + htpasswd.toAbsolutePath() + "\"}}";
  }

  /** A config.json holding {@code json} in {@code dir}. */
  static Path dockerConfig(Path dir, String json) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve("config.json"), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String auth(String user, String password) {
    return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A {@code docker-credential-<name>} script in {@code bin} that records the server address it is
   * asked about in {@code <bin>/<name>.asked} and prints {@code answer} (or fails as "not found").
   */
  static Path helper(Path bin, String name, String answer) {
    String body = answer == null
        ? "echo 'credentials not found in native keychain'; exit 1"
        : "printf '%s' '" + answer + "'";
    String script = "#!/bin/sh\n[ \"$1\" = get ] || exit 2\ncat > \"$(dirname \"$0\")/" + name + ".asked\"\n" + body + "\n";
    try {
      Files.createDirectories(bin);
      Path file = Files.writeString(bin.resolve("docker-credential-" + name), script);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An environment whose PATH finds the helpers in {@code bin} and the shell's tools. */
  static Map<String, String> pathWith(Path bin) {
    return Map.of("PATH", bin + ":/usr/bin:/bin");
  }

  /**
   * A Kargo Secret mounted as the kubelet mounts one: a directory named after it holding a
   * timestamped directory with the files, {@code ..data} linking to it, and one link per key.
   */
  static void kargoSecret(Path mounts, String name, Map<String, String> data) {
    try {
      Path dir = Files.createDirectories(mounts.resolve(name));
      Path timestamped = Files.createDirectories(dir.resolve("..2026_12_04_10_00_00.123456789"));
      Files.createSymbolicLink(dir.resolve("..data"), timestamped.getFileName());
      for (Map.Entry<String, String> e : data.entrySet()) {
        Files.writeString(timestamped.resolve(e.getKey()), e.getValue());
        Files.createSymbolicLink(dir.resolve(e.getKey()), Path.of("..data", e.getKey()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
