package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** validate, generate and diff through the real command line, on a copy of the example fleet. */
class FleetCommandsTest {
  @TempDir Path root;
  Path images;
  Path dist;

  @BeforeEach
  void copyExample() {
    Fixtures.exampleCheckout(root);
    images = root.resolve("image-factory/images.yaml");
    dist = root.resolve("dist/image-factory.k8s.yaml");
  }

  @Nested
  class Validate {
    @Test
    void summarisesAValidFleet() {
      CliRun r = run("validate");
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).isEqualTo("valid: 7 images (5 managed, 2 external), 5 base images\n");
      assertThat(r.err()).isEmpty();
    }

    @Test
    void reportsEveryProblemWithItsPositionAndExits3() throws IOException {
      replace(images, "provider: gitlab\n    repo: acme/web/portal", "provider: gitlub\n    repo: acme/web/portal");
      replace(images, "imageSelectionStrategy: SemVer", "imageSelectionStrategy: Semver");
      replace(root.resolve("image-factory/state/base-images/node-22.yaml"), "dependentImages:", "dependents:");
      CliRun r = run("validate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).isEqualTo("""
          ROOT/image-factory/images.yaml:39:15: unknown provider "gitlub". use github or gitlab.
          ROOT/image-factory/images.yaml:84:27: unknown imageSelectionStrategy "Semver". use one of SemVer, Lexical, NewestBuild, Digest.
          ROOT/image-factory/state/base-images/node-22.yaml:11:1: unknown field "dependents" in a base image state file. did you mean "dependentImages"?
          image-factory: 3 errors; nothing was written.
          """.replace("ROOT", root.toString()));
    }

    @Test
    void reportsAYamlSyntaxErrorBesideTheOtherProblems() throws IOException {
      Files.writeString(root.resolve("image-factory/state/images/redis.yaml"), "name: redis\nbaseImages: [a\n");
      replace(images, "rebuildDelay: 3d", "rebuildDelay: 3 days");
      CliRun r = run("validate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains(
          root + "/image-factory/images.yaml:31:17: rebuildDelay \"3 days\" is not a duration.",
          root + "/image-factory/state/images/redis.yaml:3:1: this is not valid YAML");
    }

    @Test
    void printsWarningsButSucceeds() throws IOException {
      Files.writeString(root.resolve("image-factory/state/images/retired.yaml"), "name: retired\n");
      CliRun r = run("validate");
      assertThat(r.exitCode()).isZero();
      assertThat(r.err()).isEqualTo(root + "/image-factory/state/images/retired.yaml: warning: image \"retired\" is no longer"
          + " enrolled in images.yaml, so this state is ignored. delete the file, or enroll the image again.\n");
      assertThat(r.out()).endsWith(", 1 warning\n");
    }

    @Test
    void checksTheFleetsTagPolicyBesideTheOtherInputs() throws IOException {
      Files.writeString(root.resolve("image-factory/tag-policy.yaml"), "prereleaseMaxAge: 30days\nrollingTag: [major]\n");
      replace(images, "rebuildDelay: 3d", "rebuildDelay: 3 days");
      CliRun r = run("validate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains("image-factory/images.yaml:31:17: rebuildDelay \"3 days\" is not a duration.",
          "image-factory/tag-policy.yaml:1:", "image-factory/tag-policy.yaml:2:1: unknown field \"rollingTag\"");
    }

    @Test
    void acceptsAValidTagPolicy() throws IOException {
      Files.writeString(root.resolve("image-factory/tag-policy.yaml"), "prereleaseMaxAge: 30d\n");
      CliRun r = run("validate");
      assertThat(r.exitCode()).isZero();
      assertThat(r.err()).isEmpty();
    }

    @Test
    void saysWhereToLookWhenImagesYamlIsMissing() throws IOException {
      Files.delete(images);
      CliRun r = run("validate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).startsWith("image-factory: " + root + "/image-factory/images.yaml: no such file. create it")
          .contains("or pass --root with the checkout that has it.");
      assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void printsTheStackTraceOnlyWithVerbose() throws IOException {
      Files.delete(images);
      assertThat(run("validate", "--verbose").err()).contains("\tat io.imagefactory.");
    }
  }

  @Nested
  class Generate {
    @Test
    void writesDistAndThenFindsItUpToDate() throws IOException {
      Files.delete(dist);
      CliRun first = run("generate");
      assertThat(first.exitCode()).isZero();
      assertThat(first.out()).isEqualTo("wrote dist/image-factory.k8s.yaml (36 resources for 7 images"
          + " (5 managed, 2 external), 5 base images)\n");
      assertThat(dist).hasSameTextualContentAs(Path.of("dist/image-factory.k8s.yaml"));
      CliRun second = run("generate");
      assertThat(second.out()).isEqualTo("dist/image-factory.k8s.yaml is already up to date (36 resources)\n");
    }

    @Test
    void writesNothingWhenTheInputIsInvalid() throws IOException {
      String before = Files.readString(dist);
      List<Path> filesBefore = filesIn(dist.getParent());
      replace(images, "name: postgres", "name: Postgres");
      CliRun r = run("generate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).endsWith("image-factory: 1 error; nothing was written.\n");
      assertThat(Files.readString(dist)).isEqualTo(before);
      assertThat(filesIn(dist.getParent())).as("no temporary file is left behind").isEqualTo(filesBefore);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "# all images moved elsewhere\n\n", "[]\n"})
    void refusesAnImagesYamlThatEnrollsNothing(String content) throws IOException {
      String before = Files.readString(dist);
      Files.writeString(images, content);
      CliRun r = run("generate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains(root.resolve("image-factory/images.yaml") + ":1:1: images.yaml enrolls no image",
          "an empty images.yaml would remove every Warehouse and Stage from dist/");
      assertThat(Files.readString(dist)).isEqualTo(before);
    }

    @Test
    void refusesToRemoveMoreThanHalfOfDistUnlessAskedTo() throws IOException {
      String before = Files.readString(dist);
      String text = Files.readString(images);
      Files.writeString(images, text.substring(0, text.indexOf("- name: docs-site")));
      CliRun r = run("generate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains(root + "/dist/image-factory.k8s.yaml: the new content would remove 24 of its 36 resources", "--allow-mass-removal");
      assertThat(Files.readString(dist)).isEqualTo(before);

      CliRun allowed = run("generate", "--allow-mass-removal");
      assertThat(allowed.exitCode()).as(allowed.err()).isZero();
      assertThat(allowed.out()).startsWith("wrote dist/image-factory.k8s.yaml (12 resources for 1 image");
    }

    @Test
    void checkPassesWhenDistIsFresh() {
      CliRun r = run("generate", "--check");
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).isEqualTo("dist/image-factory.k8s.yaml is up to date (36 resources)\n");
    }

    @Test
    void checkFailsWithADiffAndWritesNothingWhenDistIsStale() throws IOException {
      String before = Files.readString(dist);
      replace(images, "    branch: release\n", "    branch: release-2\n");
      CliRun r = run("generate", "--check");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
      assertThat(r.out()).startsWith("""
          dist/image-factory.k8s.yaml: 0 added, 1 changed, 0 removed
            ~ Stage/rebuild-web-portal
          --- a/dist/image-factory.k8s.yaml
          +++ b/dist/image-factory.k8s.yaml
          """).contains("-            body: '{\"ref\":\"release\"}'\n+            body: '{\"ref\":\"release-2\"}'\n");
      assertThat(r.err()).isEqualTo("dist/image-factory.k8s.yaml is stale: run 'image-factory generate' and commit the result.\n");
      assertThat(Files.readString(dist)).isEqualTo(before);
    }
  }

  @Nested
  class Diff {
    @Test
    void listsChangedResourcesThenTheUnifiedDiffAndExits1() throws IOException {
      Files.writeString(images, Files.readString(images) + """

          - name: grafana
            registry: docker.io
            repository: grafana/grafana
            allowTags: ^11\\.[0-9]+\\.[0-9]+$
            imageSelectionStrategy: SemVer
          """);
      CliRun r = run("diff");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
      assertThat(r.out()).startsWith("""
          dist/image-factory.k8s.yaml: 2 added, 0 changed, 0 removed
            + Warehouse/grafana
            + Stage/observe-grafana
          --- a/dist/image-factory.k8s.yaml
          """).contains("+        repoURL: docker.io/grafana/grafana\n");
    }

    @Test
    void statPrintsOnlyTheResourceList() throws IOException {
      replace(images, "    branch: release\n", "    branch: release-2\n");
      CliRun r = run("diff", "--stat");
      assertThat(r.out()).isEqualTo("dist/image-factory.k8s.yaml: 0 added, 1 changed, 0 removed\n  ~ Stage/rebuild-web-portal\n");
    }

    @Test
    void saysSoWhenNothingWouldChange() {
      CliRun r = run("diff");
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).isEqualTo("no changes: dist/image-factory.k8s.yaml is up to date\n");
    }
  }

  @Nested
  class Usage {
    @ParameterizedTest
    @ValueSource(strings = {"validate", "generate", "diff"})
    void everyCommandHasHelp(String command) {
      CliRun r = CliRun.of(command, "--help");
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).contains("Usage: image-factory " + command, "--root=DIR", "--verbose");
    }

    @Test
    void topLevelHelpListsCommandsAndExitCodes() {
      CliRun r = CliRun.of("--help");
      assertThat(r.out()).contains("validate", "generate", "diff", "Exit codes:", "3   invalid input");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
      CliRun r = CliRun.of("generate", "--chek");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("Unknown option: '--chek'");
    }
  }

  private CliRun run(String... args) {
    return CliRun.in(root, args);
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).as("fixture contains %s", from).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  private static List<Path> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }
}
