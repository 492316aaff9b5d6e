package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.FaultProxy;
import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import io.imagefactory.testing.TestImages.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code preview}: Kargo's selection over the live tags of Debian's docker-registry. */
class PreviewIT {
  @TempDir static Path dir;
  static Registry registry;
  static Pushed v120;
  static Pushed v110;
  static Pushed index;
  static Path fleet;

  @BeforeAll
  static void seed() throws IOException {
    registry = Registry.start(dir.resolve("registry"));
    v110 = TestImages.image(registry, "acme/svc", new Spec("linux", "amd64", null, "2026-03-01T10:00:00Z", Map.of(),
        List.of("a")), false);
    v120 = TestImages.image(registry, "acme/svc", new Spec("linux", "amd64", null, "2026-04-01T10:00:00Z", Map.of(),
        List.of("b")), false);
    Pushed arm = TestImages.image(registry, "acme/svc", new Spec("linux", "arm64", "v8", "2026-04-01T10:00:00Z", Map.of(),
        List.of("c")), false);
    index = TestImages.index(registry, "acme/svc", List.of(v120, arm), 1, false);
    TestImages.tag(registry, "acme/svc", "v1.1.0", v110);
    TestImages.tag(registry, "acme/svc", "v1.2.0", index);
    TestImages.tag(registry, "acme/svc", "v2.0.0", v120);
    TestImages.tag(registry, "acme/svc", "v1.3.0-rc.1", v120);
    TestImages.tag(registry, "acme/svc", "latest", v120);
    TestImages.tag(registry, "acme/svc", "v1.0", v110);
    fleet = Files.createDirectories(dir.resolve("fleet"));
    Files.createDirectories(fleet.resolve("image-factory/state"));
    Files.writeString(fleet.resolve("image-factory/settings.yaml"), "stateRepository: {url: https://example.invalid/s.git}\n"
        + "analysis: {image: ghcr.io/acme/analysis:1}\n");
    Files.writeString(fleet.resolve("image-factory/images.yaml"), "- name: svc\n  registry: " + registry.hostPort()
        + "\n  repository: acme/svc\n  imageSelectionStrategy: SemVer\n  allowTags: ^v\n  ignoreTags: [^v2]\n"
        + "  constraint: ^1.0.0\n"
        + "- name: loose\n  registry: " + registry.hostPort() + "\n  repository: acme/svc\n  imageSelectionStrategy: Lexical\n"
        + "  allowTags: v1.2.0\n");
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void showsTheChosenReferenceTheOthersAndWhyEachTagIsLeftOut() {
    CliRun run = CliRun.in(fleet, "preview", "svc");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith(registry.hostPort() + "/acme/svc (SemVer)\nchosen: v1.2.0@")
        .contains("chosen: v1.2.0@sha256:", "  then  v1.1.0@" + v110.digest())
        .containsPattern("v2\\.0\\.0 +ignored")
        .containsPattern("latest +not-allowed")
        .containsPattern("v1\\.3\\.0-rc\\.1 +outside-constraint")
        .containsPattern("v1\\.0 +not-semver");
  }

  @Test
  void jsonIsTheSelection() {
    CliRun run = CliRun.in(fleet, "preview", "svc", "--output", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"strategy\" : \"SemVer\"", "\"tag\" : \"v1.2.0\"", "\"reason\" : \"ignored\"");
  }

  @Test
  void warnsAboutATagRegexThatIsNotWhatItReadsAsBeforeTheSelectionAndInJson() {
    CliRun run = CliRun.in(fleet, "preview", "loose");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith(registry.hostPort() + "/acme/svc (Lexical)\n"
        + "warning: allowTagsRegexes[0] v1.2.0 is not anchored, so it matches every tag containing v1.2.0 (such as"
        + " debug-v1.2.0 or v1.2.0-rc), not only v1.2.0; and each unescaped . matches any character."
        + " write ^v1\\.2\\.0$ for exactly that tag.\n"
        + "chosen: v1.2.0@");

    CliRun json = CliRun.in(fleet, "preview", "loose", "--output", "json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(json.out()).startsWith("{\n  \"lints\" : [ {\n    \"kind\" : \"unanchored-tag\",\n"
        + "    \"field\" : \"allowTagsRegexes\",\n    \"index\" : 0,\n    \"regex\" : \"v1.2.0\",")
        .contains("\"strategy\" : \"Lexical\"", "\"tag\" : \"v1.2.0\"");
    assertThat(CliRun.in(fleet, "preview", "svc", "--output", "json").out()).contains("\"lints\" : [ ]");
  }

  @Test
  void digestReadsOnlyItsTagSoARegistryThatRefusesToListTagsStopsItNoMoreThanItStopsKargo(@TempDir Path own)
      throws IOException {
    try (FaultProxy proxy = FaultProxy.start(registry.hostPort())) {
      proxy.always("GET", "/tags/list", FaultProxy.respond(403, Map.of("Content-Type", "application/json"),
          "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"listing tags is not allowed\"}]}"));
      Files.createDirectories(own.resolve("image-factory/state"));
      Files.copy(fleet.resolve("image-factory/settings.yaml"), own.resolve("image-factory/settings.yaml"));
      String repository = "  registry: " + proxy.hostPort() + "\n  repository: acme/svc\n";
      Files.writeString(own.resolve("image-factory/images.yaml"), "- name: pinned\n" + repository
          + "  imageSelectionStrategy: Digest\n  allowTags: ^v1\\.2\\.0$\n"
          + "- name: listed\n" + repository + "  imageSelectionStrategy: Lexical\n  allowTags: ^v1\\.1\\.0$\n");

      CliRun run = CliRun.in(own, "preview", "pinned");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).isEqualTo(proxy.hostPort() + "/acme/svc (Digest)\n"
          + "only v1.2.0 (constraint) is read: Kargo lists no tags for Digest\n"
          + "chosen: v1.2.0@" + index.digest() + "  built 2026-04-01T10:00:00Z  [linux/amd64, linux/arm64/v8]\n");
      CliRun json = CliRun.in(own, "preview", "pinned", "--output", "json");
      assertThat(json.out()).contains("\"tagsListed\" : false", "\"rejected\" : [ ]");
      assertThat(proxy.seen("/tags/list")).isEmpty();

      CliRun listed = CliRun.in(own, "preview", "listed");
      assertThat(listed.exitCode()).as("a strategy that lists tags meets the refusal").isEqualTo(ExitCodes.EXTERNAL_FAILURE);
      assertThat(proxy.seen("/tags/list")).isNotEmpty();
    }
  }

  @Test
  void anUnknownNameIsInvalidInput() {
    CliRun run = CliRun.in(fleet, "preview", "nope");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("no image or base image is called \"nope\"");
  }
}
