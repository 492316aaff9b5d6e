package io.imagefactory.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A large fleet written as a checkout, with the odd shapes images.yaml and state allow: names that
 * YAML reads as booleans or numbers, 63-character names, tags such as {@code 1.10}, {@code 0123}
 * and {@code 2024-01-01}, digest-pinned base images, registries with ports, GitHub and GitLab
 * sources given as paths or URLs, every selection strategy, platform, discoveryLimit, ignoreTags.
 *
 * <p>Deterministic: the same size gives the same files.
 */
public final class OddFleet {
  private static final List<String> ODD_NAMES = List.of("a", "x" + "-y".repeat(31), "123", "yes", "null",
      "true", "on", "0123", "1e3", "a--b", "n", "z".repeat(63));
  private static final List<String> REGISTRIES = List.of("docker.io", "ghcr.io", "registry.gitlab.com",
      "localhost:5000", "10.1.2.3:8443", "my-registry.example.com");
  private static final List<String> TAGS = List.of("22-bookworm-slim", "1.10", "3.20", "0123", "1e3", "yes",
      "2024-01-01", "latest", "t".repeat(128), "v1.2.3_rc-1", "on");
  private static final List<String> DELAYS = List.of("0s", "7d", "1d12h", "90m", "106751d", "30s");
  private static final List<String> BRANCHES = List.of("main", "release/2024.1", "feature/x_y-z", "v1.10", "yes");
  private static final String DIGEST = "sha256:%064x";

  private final Random random = new Random(42);
  private final StringBuilder images = new StringBuilder("# A synthetic fleet for conformance tests.\n");
  private final Map<String, List<String>> baseImagesOf = new TreeMap<>();
  private final Map<String, TreeSet<String>> dependentsOf = new TreeMap<>();
  private final List<String> bases = new ArrayList<>();
  private final List<String> external = new ArrayList<>();
  private final List<String> managed = new ArrayList<>();

  private OddFleet() {}

  /** Writes a fleet of {@code size} enrolled images (plus their base images) under {@code root}. */
  public static Path write(Path root, int size) {
    OddFleet fleet = new OddFleet();
    for (int b = 0; b < size / 4; b++) {
      String tag = TAGS.get(b % TAGS.size()).toLowerCase().replaceAll("[^a-z0-9]+", "-");
      fleet.bases.add(("base-" + b + "-" + tag.substring(0, Math.min(40, tag.length()))).replaceAll("-+$", ""));
    }
    for (int i = 0; i < size; i++) {
      fleet.image(i);
    }
    try {
      Path dir = root.resolve("image-factory");
      Files.createDirectories(dir.resolve("state/images"));
      Files.createDirectories(dir.resolve("state/base-images"));
      Files.writeString(dir.resolve("images.yaml"), fleet.images);
      Files.writeString(dir.resolve("settings.yaml"), SETTINGS);
      fleet.writeState(dir.resolve("state"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root;
  }

  private static final String SETTINGS = """
      project: synthetic-fleet-with-a-long-project-name-of-sixty-three-chars-1
      stateRepository:
        url: git@github.example.com:acme/state.git
        branch: state/v1.10
      analysis:
        image: localhost:5000/acme/image-factory-analysis:0.1.0@sha256:%064x
      warehouseInterval: 1h30m0.5s
      github:
        url: https://github.example.com
        apiUrl: https://github.example.com/api/v3
      gitlab:
        url: https://gitlab.example.com
        apiUrl: https://gitlab.example.com/api/v4/
      """.formatted(7);

  private void image(int i) {
    String name = i < ODD_NAMES.size() ? ODD_NAMES.get(i) : longOrShort(i);
    String registry = REGISTRIES.get(i % REGISTRIES.size());
    String repository = List.of("acme/svc-" + i, "a__b/c.d/e-f" + i, "g1/g2/g3/g4/app-" + i, "library/x" + i)
        .get(i % 4);
    images.append("\n- name: ").append(name.equals("123") ? name : q(name))
        .append("\n  registry: ").append(q(registry))
        .append("\n  repository: ").append(q(repository))
        .append("\n  rebuildDelay: ").append(DELAYS.get(i % DELAYS.size()))
        .append("\n  autoRebuild: ").append(i % 3 == 0)
        .append(i % 5 == 0 ? "\n  owner: " + q(i % 10 == 0 ? "yes" : "team-" + i) : "");
    if (i % 4 == 0) {
      external.add(name);
      externalTags(i);
    } else {
      managed.add(name);
      source(i, name);
      ownBuildTags(i);
      dependOn(name, i);
    }
    images.append('\n');
  }

  private static String longOrShort(int i) {
    String base = "service-" + i;
    return i % 9 == 0 ? base + "-" + "q".repeat(63 - base.length() - 1) : base;
  }

  private void externalTags(int i) {
    switch (i / 4 % 5) {
      case 0 -> field("allowTags", "^16-alpine$").field("imageSelectionStrategy", "Lexical");
      case 1 -> field("allowTags", "^7\\.4\\.[0-9]+-alpine$").field("imageSelectionStrategy", "SemVer")
          .field("constraint", "~7.4.0-0").field("platform", "linux/arm64");
      case 2 -> field("allowTags", "^nightly-").field("imageSelectionStrategy", "NewestBuild")
          .list("ignoreTags", "-rc$", "-beta\\.[0-9]+$").plain("discoveryLimit", "5");
      case 3 -> field("allowTags", "^2024-01-01$").field("imageSelectionStrategy", "Digest");
      default -> field("allowTags", "^1\\.10").field("imageSelectionStrategy", "Digest").plain("constraint", "1.10")
          .plain("discoveryLimit", "100");
    }
  }

  private void ownBuildTags(int i) {
    switch (i % 7) {
      case 1 -> field("allowTags", "^v[0-9]+\\.[0-9]+\\.[0-9]+$").field("imageSelectionStrategy", "SemVer")
          .field("constraint", ">=1.0.0");
      case 2 -> field("allowTags", "^main-[0-9a-f]{7}$").field("imageSelectionStrategy", "NewestBuild")
          .plain("discoveryLimit", "1").list("ignoreTags", "^main-0000000$");
      case 3 -> field("imageSelectionStrategy", "Digest").field("constraint", "latest");
      case 4 -> field("allowTags", "^0123$").field("imageSelectionStrategy", "Digest").field("platform", "linux/amd64");
      case 5 -> field("allowTags", "^[0-9]{8}$").field("imageSelectionStrategy", "Lexical");
      default -> { }
    }
  }

  private void source(int i, String name) {
    images.append("\n  source:");
    String branch = BRANCHES.get(i % BRANCHES.size());
    if (i % 2 == 1) {
      images.append("\n    provider: github\n    repo: ")
          .append(q(i % 3 == 0 ? "https://github.example.com/acme/" + name + ".git" : "acme/" + name))
          .append("\n    workflow: ").append(List.of("build.yml", "release.yaml", "12345").get(i % 3));
    } else {
      images.append("\n    provider: gitlab\n    repo: ")
          .append(q(i % 3 == 0 ? "https://gitlab.example.com/group/sub/" + name + ".git" : "group/sub-" + i + "/" + name));
    }
    images.append("\n    branch: ").append(q(branch))
        .append("\n    dockerfile: ").append(q(List.of("Dockerfile", "build dir/Dockerfile", "a/./b/Dockerfile.prod")
            .get(i % 3)));
    if (i % 6 == 1) {
      images.append("\n    buildArgs:\n      JAVA_VERSION: 21\n      FLAG: true\n      EMPTY:\n      QUOTED: \"\\\"x\\\"\"");
    }
  }

  /** One to three base images, sometimes an external image or an earlier managed image too. */
  private void dependOn(String name, int i) {
    TreeSet<String> chosen = new TreeSet<>();
    for (int n = 0; n <= i % 3; n++) {
      chosen.add(bases.get(random.nextInt(bases.size())));
    }
    if (i % 5 == 2 && !external.isEmpty()) {
      chosen.add(external.get(random.nextInt(external.size())));
    }
    if (i % 5 == 3 && managed.size() > 1) {
      chosen.add(managed.get(random.nextInt(managed.size() - 1)));
    }
    baseImagesOf.put(name, List.copyOf(chosen));
    chosen.forEach(b -> dependentsOf.computeIfAbsent(b, k -> new TreeSet<>()).add(name));
  }

  private void writeState(Path state) throws IOException {
    for (Map.Entry<String, List<String>> e : baseImagesOf.entrySet()) {
      Files.writeString(state.resolve("images/" + e.getKey() + ".yaml"), "name: " + q(e.getKey())
          + "\ndiscoveryStatus: success\nbaseImages:" + items(e.getValue(), "  ") + "\n");
    }
    for (int b = 0; b < bases.size(); b++) {
      Files.writeString(state.resolve("base-images/" + bases.get(b) + ".yaml"), baseState(b));
    }
  }

  private String baseState(int b) {
    String tag = TAGS.get(b % TAGS.size());
    String registry = List.of("docker.io", "ghcr.io", "localhost:5000").get(b % 3);
    String repository = List.of("library/node", "acme/base-" + b, "a/b/c").get(b % 3);
    boolean digestOnly = b % 7 == 6;
    String digest = b % 5 == 0 || digestOnly ? String.format(DIGEST, b + 1) : null;
    StringBuilder s = new StringBuilder("name: " + q(bases.get(b)))
        .append("\nfullImage: ").append(q(registry + "/" + repository + (digestOnly ? "" : ":" + tag)
            + (digest == null ? "" : "@" + digest)))
        .append("\nregistry: ").append(q(registry)).append("\nrepository: ").append(q(repository))
        .append("\nrepoURL: ").append(q(registry + "/" + repository));
    if (!digestOnly) {
      s.append("\ntag: ").append(q(tag)).append("\nallowTags: ").append(q("^" + tag.replace(".", "\\.") + "$"))
          .append("\nimageSelectionStrategy: ").append(b % 4 == 3 ? "Digest" : "Lexical");
    }
    if (digest != null) {
      s.append("\ndigest: ").append(q(digest));
    }
    return s.append("\nfirstDiscovered: \"2025-01-01T00:00:00Z\"\ndependentImages:")
        .append(items(List.copyOf(dependentsOf.getOrDefault(bases.get(b), new TreeSet<>())), "  "))
        .append('\n').toString();
  }

  private OddFleet field(String key, String value) {
    return plain(key, q(value));
  }

  private OddFleet plain(String key, String value) {
    images.append("\n  ").append(key).append(": ").append(value);
    return this;
  }

  private OddFleet list(String key, String... values) {
    images.append("\n  ").append(key).append(':').append(items(List.of(values), "    "));
    return this;
  }

  private static String items(List<String> values, String indent) {
    return values.isEmpty() ? " []" : values.stream().map(v -> "\n" + indent + "- " + q(v)).reduce("", String::concat);
  }

  /** {@code value} as a YAML double-quoted scalar (JSON string syntax is valid YAML). */
  private static String q(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
