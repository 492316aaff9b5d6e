package io.imagefactory.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.Problem;
import io.imagefactory.tags.SelectionStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StateFilesTest {
  static final Path EXAMPLE = Path.of("image-factory/state");

  static final String DESIGN_BASE_IMAGE = """
      name: node-22-bookworm-slim
      fullImage: node:22-bookworm-slim
      registry: docker.io
      repository: library/node
      tag: 22-bookworm-slim

      # Warehouse configuration (for cdk8s)
      repoURL: docker.io/library/node
      allowTags: ^22-bookworm-slim$
      imageSelectionStrategy: Lexical

      firstDiscovered: "2024-12-04T10:00:00Z"
      lastChecked: "2024-12-04T15:30:00Z"

      dependentImages:
        - backstage

      currentDigest: sha256:5f3f7fd3c1b3b5c8e2a5c9a8c4b0f1b7d6c9f3f2a1b0c9d8e7f6a5b4c3d2e1f0
      lastUpdated: null
      """;

  @Nested
  class Reading {
    @Test
    void readsTheBaseImageStateOfTheDesignDocument() {
      List<Problem> problems = new ArrayList<>();
      BaseImageState b = StateReader.readBase(DESIGN_BASE_IMAGE, "f.yaml", "node-22-bookworm-slim", problems);
      assertThat(problems).isEmpty();
      assertThat(b.watch().repoURL()).contains("docker.io/library/node");
      assertThat(b.watch().tags().allowTags()).isEqualTo("^22-bookworm-slim$");
      assertThat(b.watch().tags().strategy()).isEqualTo(SelectionStrategy.LEXICAL);
      assertThat(b.seen().firstDiscovered()).contains(Instant.parse("2024-12-04T10:00:00Z"));
      assertThat(b.dependentImages()).containsExactly("backstage");
      assertThat(b.current().firstSeen()).isEmpty();
      assertThat(b.hasWatchConfig()).isTrue();
    }

    @Test
    void rejectsAStateFileWhoseNameDiffersFromItsFileName() {
      assertThat(baseErrors(DESIGN_BASE_IMAGE, "node-22")).containsExactly(
          "f.yaml:1:7: name \"node-22-bookworm-slim\" does not match the file name node-22.yaml."
              + " rename the file or the name; other files refer to it by name.");
    }

    @Test
    void rejectsBadTimestampsDigestsAndUnknownFields() {
      String text = DESIGN_BASE_IMAGE.replace("\"2024-12-04T10:00:00Z\"", "yesterday")
          .replace("sha256:5f3f", "sha256:XYZ")
          .replace("dependentImages:", "dependants:");
      assertThat(baseErrors(text, "node-22-bookworm-slim")).containsExactlyInAnyOrder(
          "f.yaml:15:1: unknown field \"dependants\" in a base image state file. did you mean \"dependentImages\"?",
          "f.yaml:12:18: firstDiscovered \"yesterday\" is not a timestamp. write RFC 3339 in UTC, e.g. 2024-12-04T10:00:00Z.",
          "f.yaml:18:16: currentDigest \"sha256:XYZ7fd3c1b3b5c8e2a5c9a8c4b0f1b7d6c9f3f2a1b0c9d8e7f6a5b4c3d2e1f0\" is not a digest."
              + " write sha256: followed by 64 hex digits.");
    }

    @Test
    void rejectsAnUnknownDiscoveryStatus() {
      List<Problem> problems = new ArrayList<>();
      StateReader.readImage("name: a\ndiscoveryStatus: done\n", "a.yaml", "a", problems);
      assertThat(problems).extracting(Problem::toString).containsExactly(
          "a.yaml:2:18: unknown discoveryStatus \"done\". use one of pending, success, failed, external.");
    }
  }

  /** discoveryError and lastDiscoveryAttempt: why and when the last discovery failed. */
  @Nested
  class FailedDiscovery {
    static final String FAILED = """
        name: app
        lastDiscovery: "2026-11-20T08:00:00Z"
        discoveryStatus: failed
        discoveryError: "acme/app@main:Dockerfile:1: FROM requires either one or three arguments. write FROM IMAGE."
        lastDiscoveryAttempt: "2026-11-24T12:00:00Z"
        baseImages:
          - node-22
        """;

    @Test
    void readsAndWritesTheFailureBesideTheBaseImagesOfTheLastSuccess() {
      List<Problem> problems = new ArrayList<>();
      ImageState s = StateReader.readImage(FAILED, "app.yaml", "app", problems);
      assertThat(problems).isEmpty();
      assertThat(s.discovery()).isEqualTo(new ImageState.Discovery(Optional.of(Instant.parse("2026-11-20T08:00:00Z")),
          Optional.of(DiscoveryStatus.FAILED), List.of("node-22"), Optional.of(new ImageState.Failure(
              Instant.parse("2026-11-24T12:00:00Z"),
              "acme/app@main:Dockerfile:1: FROM requires either one or three arguments. write FROM IMAGE."))));
      assertThat(StateWriter.write(s)).isEqualTo(FAILED);
    }

    @Test
    void rejectsAnErrorWithoutItsTime() {
      assertThat(imageErrors(FAILED.replace("lastDiscoveryAttempt: \"2026-11-24T12:00:00Z\"\n", ""))).containsExactly(
          "app.yaml:4:17: discoveryError and lastDiscoveryAttempt go together. write both (why and when the last"
              + " discovery failed), or delete both.");
    }

    @Test
    void rejectsAnErrorBesideADiscoveryThatSucceeded() {
      assertThat(imageErrors(FAILED.replace("discoveryStatus: failed", "discoveryStatus: success"))).containsExactly(
          "app.yaml:4:17: discoveryError is kept only while discoveryStatus is failed. delete discoveryError and"
              + " lastDiscoveryAttempt, or set discoveryStatus: failed.");
    }

    private static List<String> imageErrors(String text) {
      List<Problem> problems = new ArrayList<>();
      StateReader.readImage(text, "app.yaml", "app", problems);
      return problems.stream().map(Problem::toString).toList();
    }
  }

  @Nested
  class Writing {
    static Stream<Path> exampleFiles() throws IOException {
      return Stream.concat(Files.list(EXAMPLE.resolve("images")), Files.list(EXAMPLE.resolve("base-images"))).sorted();
    }

    @ParameterizedTest
    @MethodSource("exampleFiles")
    void writesEveryExampleStateFileBackByteForByte(Path file) throws IOException {
      String text = Files.readString(file);
      String name = file.getFileName().toString().replace(".yaml", "");
      List<Problem> problems = new ArrayList<>();
      String rewritten = file.getParent().endsWith("images")
          ? StateWriter.write(StateReader.readImage(text, file.toString(), name, problems))
          : StateWriter.write(StateReader.readBase(text, file.toString(), name, problems));
      assertThat(problems).isEmpty();
      assertThat(rewritten).isEqualTo(text);
    }

    @Test
    void keepsTheDesignDocumentsFieldOrderAndQuotesTimestamps() {
      BaseImageState b = StateReader.readBase(DESIGN_BASE_IMAGE, "f.yaml", "node-22-bookworm-slim", new ArrayList<>());
      assertThat(StateWriter.write(b)).isEqualTo("""
          name: node-22-bookworm-slim
          fullImage: node:22-bookworm-slim
          registry: docker.io
          repository: library/node
          tag: 22-bookworm-slim
          repoURL: docker.io/library/node
          allowTags: ^22-bookworm-slim$
          imageSelectionStrategy: Lexical
          firstDiscovered: "2024-12-04T10:00:00Z"
          lastChecked: "2024-12-04T15:30:00Z"
          dependentImages:
            - backstage
          currentDigest: sha256:5f3f7fd3c1b3b5c8e2a5c9a8c4b0f1b7d6c9f3f2a1b0c9d8e7f6a5b4c3d2e1f0
          """);
    }

    @Test
    void quotesATagThatWouldReadBackAsANumber() {
      BaseImageState b = StateReader.readBase(DESIGN_BASE_IMAGE.replace("tag: 22-bookworm-slim", "tag: \"22\""),
          "f.yaml", "node-22-bookworm-slim", new ArrayList<>());
      assertThat(StateWriter.write(b)).contains("\ntag: \"22\"\n");
    }
  }

  private static List<String> baseErrors(String text, String name) {
    List<Problem> problems = new ArrayList<>();
    StateReader.readBase(text, "f.yaml", name, problems);
    return problems.stream().map(Problem::toString).toList();
  }
}
