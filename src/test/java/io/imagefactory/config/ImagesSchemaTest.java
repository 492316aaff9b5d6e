package io.imagefactory.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.imagefactory.Problem;
import io.imagefactory.testing.EditorSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * schemas/images.schema.json and {@link EnrollmentReader} accept and reject the same entries, so
 * that an editor shows the errors {@code image-factory validate} would report. Each case is a
 * variation of a valid entry; both the reader and the schema are held to its expected verdict.
 */
class ImagesSchemaTest {
  private static final EditorSchemas SCHEMAS = EditorSchemas.load();
  private static final String GITHUB = EnrollmentReaderTest.MANAGED;
  private static final String GITLAB = """
      - name: portal
        registry: registry.gitlab.com
        repository: acme/web/portal
        source:
          provider: gitlab
          repo: acme/web/portal
      """;
  private static final String EXTERNAL = EnrollmentReaderTest.EXTERNAL;

  @Nested
  class AgreeWithTheReader {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.imagefactory.config.ImagesSchemaTest#valid")
    void bothAccept(String why, String yaml) {
      assertThat(readerErrors(yaml)).as("reader").isEmpty();
      assertThat(SCHEMAS.imagesErrors(yaml)).as("schema").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.imagefactory.config.ImagesSchemaTest#invalid")
    void bothReject(String why, String yaml) {
      assertThat(readerErrors(yaml)).as("reader").isNotEmpty();
      assertThat(SCHEMAS.imagesErrors(yaml)).as("schema").isNotEmpty();
    }
  }

  /**
   * Where they differ on purpose: the schema cannot see how a scalar was written, check RE2 or
   * compare entries, and asks for strings where the reader also takes a number that fits.
   */
  @Nested
  class KnownDifferences {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.imagefactory.config.ImagesSchemaTest#onlyTheReaderRejects")
    void onlyTheReaderRejects(String why, String yaml) {
      assertThat(readerErrors(yaml)).as("reader").isNotEmpty();
      assertThat(SCHEMAS.imagesErrors(yaml)).as("schema").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.imagefactory.config.ImagesSchemaTest#onlyTheSchemaRejects")
    void onlyTheSchemaRejects(String why, String yaml) {
      assertThat(readerErrors(yaml)).as("reader").isEmpty();
      assertThat(SCHEMAS.imagesErrors(yaml)).as("schema").isNotEmpty();
    }
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        arguments("a managed GitHub image", GITHUB),
        arguments("a managed GitLab image, no workflow", GITLAB),
        arguments("an external image", EXTERNAL),
        arguments("a one-letter name", variant(GITHUB, "name: backstage", "name: a")),
        arguments("a 63-character name", variant(GITHUB, "name: backstage", "name: " + "a".repeat(63))),
        arguments("a quoted name YAML would read as a boolean", variant(GITHUB, "name: backstage", "name: \"yes\"")),
        arguments("a registry with a port", variant(GITHUB, "ghcr.io", "localhost:5000")),
        arguments("an IP registry with a port", variant(GITHUB, "ghcr.io", "10.1.2.3:8443")),
        arguments("a nested repository with . _ __ -", variant(GITHUB, "craigedmunds/backstage", "a__b/c.d/e-f/g_h")),
        arguments("a GitHub repo URL", variant(GITHUB, "repo: craigedmunds/argocd-eda", "repo: https://github.example.com/a/b.git")),
        arguments("a GitLab subgroup path", variant(GITLAB, "repo: acme/web/portal", "repo: a/b/c/d")),
        arguments("a numeric workflow id", variant(GITHUB, "workflow: backstage.yml", "workflow: 12345")),
        arguments("a .yaml workflow", variant(GITHUB, "workflow: backstage.yml", "workflow: release.yaml")),
        arguments("a GitLab workflow (ignored with a warning)", GITLAB + "    workflow: x.yml\n"),
        arguments("a branch with / and .", variant(GITHUB, "branch: main", "branch: release/2024.1")),
        arguments("a branch YAML reads as a number", variant(GITHUB, "branch: main", "branch: 2024")),
        arguments("a Dockerfile path with a space and ./", variant(GITHUB, "apps/backstage/packages/backend/Dockerfile",
            "\"build dir/./Dockerfile\"")),
        arguments("build args of every scalar type", GITLAB + "    buildArgs:\n      A: 21\n      B: true\n      C:\n      D: x\n"),
        arguments("ignoreTags as one regex", EXTERNAL + "  ignoreTags: -rc$\n"),
        arguments("ignoreTags as a list", EXTERNAL + "  ignoreTags:\n    - -rc$\n    - ^dev\n"),
        arguments("discoveryLimit 1", EXTERNAL + "  discoveryLimit: 1\n"),
        arguments("discoveryLimit 100", EXTERNAL + "  discoveryLimit: 100\n"),
        arguments("a combined rebuildDelay", variant(EXTERNAL, "30d", "1d12h")),
        arguments("a zero rebuildDelay", variant(EXTERNAL, "30d", "0s")),
        arguments("a platform", EXTERNAL + "  platform: linux/arm64\n"),
        arguments("Digest with a constraint", variant(EXTERNAL, "Lexical", "Digest") + "  constraint: 16-alpine\n"),
        arguments("Digest with an exact allowTags", variant(variant(EXTERNAL, "Lexical", "Digest"), "^16-alpine$", "^1\\.10$")),
        arguments("a managed image following Digest with a constraint", GITHUB + "  imageSelectionStrategy: Digest\n"
            + "  constraint: latest\n"),
        arguments("a constraint YAML reads as a number", variant(EXTERNAL, "Lexical", "Digest") + "  constraint: 1.10\n"),
        arguments("allowTags YAML reads as a number", variant(EXTERNAL, "^16-alpine$", "22")),
        arguments("an owner", EXTERNAL + "  owner: team-web\n"),
        arguments("a managed image publishing as a catalog component", GITHUB + "  catalog: cloud/dmp/ms-ingestion\n"),
        arguments("required platforms and a size budget", EXTERNAL + "  platforms: [linux/amd64, linux/arm64/v8]\n"
            + "  sizeBudget: 30MB\n"),
        arguments("a binary size budget alone", EXTERNAL + "  sizeBudget: 1.5 GiB\n"),
        arguments("platforms as one comma-separated string", EXTERNAL + "  platforms: linux/amd64,linux/arm64\n"),
        arguments("workflow inputs", variant(GITHUB, "    workflow: backstage.yml\n",
            "    workflow: backstage.yml\n    inputs:\n      reason: base image update\n      dry_run: false\n")));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments("a platform without an architecture", EXTERNAL + "  platforms: [linux]\n"),
        arguments("an input name with a space", variant(GITHUB, "    workflow: backstage.yml\n",
            "    workflow: backstage.yml\n    inputs:\n      \"the reason\": x\n")),
        arguments("a size budget in words", EXTERNAL + "  sizeBudget: thirty megabytes\n"),
        arguments("an external image publishing as a catalog component", EXTERNAL + "  catalog: cloud/postgres\n"),
        arguments("a catalog component with a capital", GITHUB + "  catalog: cloud/DMP\n"),
        arguments("a catalog component with versions/ in it", GITHUB + "  catalog: cloud/versions/x\n"),
        arguments("an empty list (it would remove the whole fleet)", "[]"),
        arguments("a map instead of a list", "name: backstage\n"),
        arguments("an entry that is not a map", "- backstage\n"),
        arguments("an uppercase name", variant(GITHUB, "name: backstage", "name: Backstage")),
        arguments("a name with _", variant(GITHUB, "name: backstage", "name: back_stage")),
        arguments("a 64-character name", variant(GITHUB, "name: backstage", "name: " + "a".repeat(64))),
        arguments("a name ending in -", variant(GITHUB, "name: backstage", "name: backstage-")),
        arguments("no name", variant(GITHUB, "- name: backstage\n  ", "- ")),
        arguments("a registry with a scheme", variant(GITHUB, "ghcr.io", "https://ghcr.io")),
        arguments("a registry with a path", variant(GITHUB, "registry: ghcr.io", "registry: ghcr.io/acme")),
        arguments("a registry with -- (Kargo's repoURL)", variant(GITHUB, "ghcr.io", "my--registry.io")),
        arguments("a registry with _", variant(GITHUB, "ghcr.io", "my_registry.io")),
        arguments("an IPv6 registry (Kargo's repoURL)", variant(GITHUB, "ghcr.io", "\"[::1]:5000\"")),
        arguments("no registry", variant(GITHUB, "  registry: ghcr.io\n", "")),
        arguments("an uppercase repository", variant(GITHUB, "craigedmunds/backstage", "Craig/backstage")),
        arguments("a repository with a tag", variant(GITHUB, "craigedmunds/backstage", "craigedmunds/backstage:1.0")),
        arguments("a repository with //", variant(GITHUB, "craigedmunds/backstage", "craig//backstage")),
        arguments("a repository with --- (Kargo's repoURL)", variant(GITHUB, "craigedmunds/backstage", "a---b/c")),
        arguments("an unknown field", variant(EXTERNAL, "allowTags", "allowTag")),
        arguments("an unknown source field", variant(GITHUB, "dockerfile:", "dockerFile:")),
        arguments("an unknown provider", variant(GITHUB, "provider: github", "provider: bitbucket")),
        arguments("a source without repo", variant(GITHUB, "    repo: craigedmunds/argocd-eda\n", "")),
        arguments("a source that is a string", EXTERNAL + "  source: github\n"),
        arguments("GitHub without workflow", variant(GITHUB, "    workflow: backstage.yml\n", "")),
        arguments("a workflow that is not YAML", variant(GITHUB, "backstage.yml", "build.sh")),
        arguments("a negative workflow id", variant(GITHUB, "backstage.yml", "-1")),
        arguments("a GitHub repo with a subgroup", variant(GITHUB, "craigedmunds/argocd-eda", "a/b/c")),
        arguments("a GitLab repo without a group", variant(GITLAB, "repo: acme/web/portal", "repo: portal")),
        arguments("an ssh:// repo", variant(GITHUB, "craigedmunds/argocd-eda", "ssh://git@github.com/a/b.git")),
        arguments("a branch with ..", variant(GITHUB, "branch: main", "branch: a..b")),
        arguments("a branch ending in /", variant(GITHUB, "branch: main", "branch: feature/")),
        arguments("a branch component starting with .", variant(GITHUB, "branch: main", "branch: a/.b")),
        arguments("a branch with a space", variant(GITHUB, "branch: main", "branch: \"a b\"")),
        arguments("a branch ending in .lock", variant(GITHUB, "branch: main", "branch: x.lock")),
        arguments("a branch with @{", variant(GITHUB, "branch: main", "branch: \"a@{1}\"")),
        arguments("a Dockerfile outside the repository", variant(GITHUB, "apps/backstage/packages/backend/Dockerfile", "../Dockerfile")),
        arguments("an absolute Dockerfile", variant(GITHUB, "apps/backstage/packages/backend/Dockerfile", "/Dockerfile")),
        arguments("a Dockerfile path with //", variant(GITHUB, "apps/backstage/packages/backend/Dockerfile", "a//Dockerfile")),
        arguments("a Dockerfile path with \\", variant(GITHUB, "apps/backstage/packages/backend/Dockerfile", "'a\\Dockerfile'")),
        arguments("build args as a list", GITLAB + "    buildArgs: [A]\n"),
        arguments("a build arg that is a map", GITLAB + "    buildArgs:\n      A: {b: c}\n"),
        arguments("an external image without allowTags", variant(EXTERNAL, "  allowTags: ^16-alpine$\n", "")),
        arguments("an external image without a strategy", variant(EXTERNAL, "  imageSelectionStrategy: Lexical\n", "")),
        arguments("an unknown strategy", variant(EXTERNAL, "Lexical", "Newest")),
        arguments("a strategy in lowercase", variant(EXTERNAL, "Lexical", "lexical")),
        arguments("Digest without a tag to follow", variant(variant(EXTERNAL, "Lexical", "Digest"), "^16-alpine$", "^16-.*$")),
        arguments("a managed image following Digest without a tag", GITHUB + "  imageSelectionStrategy: Digest\n"),
        arguments("a platform with a variant", EXTERNAL + "  platform: linux/arm64/v8\n"),
        arguments("a platform without arch", EXTERNAL + "  platform: linux\n"),
        arguments("discoveryLimit 0", EXTERNAL + "  discoveryLimit: 0\n"),
        arguments("discoveryLimit 101", EXTERNAL + "  discoveryLimit: 101\n"),
        arguments("a quoted discoveryLimit", EXTERNAL + "  discoveryLimit: \"20\"\n"),
        arguments("a fractional discoveryLimit", EXTERNAL + "  discoveryLimit: 1.5\n"),
        arguments("a rebuildDelay in weeks", variant(EXTERNAL, "30d", "1w")),
        arguments("a rebuildDelay in words", variant(EXTERNAL, "30d", "7 days")),
        arguments("a fractional rebuildDelay", variant(EXTERNAL, "30d", "1.5d")),
        arguments("a rebuildDelay without a unit", variant(EXTERNAL, "30d", "7")),
        arguments("autoRebuild: yes", variant(EXTERNAL, "autoRebuild: false", "autoRebuild: yes")),
        arguments("autoRebuild as a quoted string", variant(EXTERNAL, "autoRebuild: false", "autoRebuild: \"true\"")),
        arguments("allowTags as a list", variant(EXTERNAL, "allowTags: ^16-alpine$", "allowTags: [^16-alpine$]")),
        arguments("an owner that is a map", EXTERNAL + "  owner: {team: web}\n"));
  }

  static Stream<Arguments> onlyTheReaderRejects() {
    return Stream.of(
        arguments("two entries with one name", GITHUB + variant(GITHUB, "ghcr.io", "docker.io")),
        arguments("a regex RE2 cannot compile (lookahead)", variant(EXTERNAL, "^16-alpine$", "^(?!dev)16$")),
        arguments("autoRebuild: True (the reader wants lowercase; YAML 1.2 reads it as true)",
            variant(EXTERNAL, "autoRebuild: false", "autoRebuild: True")));
  }

  static Stream<Arguments> onlyTheSchemaRejects() {
    return Stream.of(
        arguments("a name YAML reads as a number (the schema asks to quote it)", variant(GITHUB, "name: backstage", "name: 123")),
        arguments("an empty value, which the reader reads as absent", EXTERNAL + "  owner:\n"));
  }

  /** {@code base} with {@code from} replaced, failing if it is not there (a case testing nothing). */
  private static String variant(String base, String from, String to) {
    if (!base.contains(from)) {
      throw new IllegalArgumentException("no \"" + from + "\" in " + base);
    }
    return base.replace(from, to);
  }

  private static List<Problem> readerErrors(String yaml) {
    List<Problem> problems = new ArrayList<>();
    EnrollmentReader.read(yaml, "image-factory/images.yaml", problems);
    return problems.stream().filter(Problem::isError).toList();
  }
}
