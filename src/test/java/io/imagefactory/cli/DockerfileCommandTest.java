package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagefactory.dockerfile.DockerfileLimits;
import io.imagefactory.testing.Fifos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code image-factory dockerfile} through the real command line. */
class DockerfileCommandTest {
  private static final String DOCKERFILE = """
      # syntax=docker/dockerfile:1.7
      ARG GO=1.22
      FROM --platform=$BUILDPLATFORM golang:${GO} AS build
      RUN --mount=type=bind,from=ghcr.io/acme/protos:3,target=/protos go build -o /app
      FROM gcr.io/distroless/static:nonroot
      COPY --from=build /app /app
      COPY --from=busybox:1.36 /bin/sh /bin/sh
      FROM alpine:3.20-${TARGETARCH} AS debug
      """;

  @TempDir Path dir;

  Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Nested
  class Text {
    @Test
    void printsATableOfImagesThenWarnings() throws IOException {
      Path file = write("Dockerfile", DOCKERFILE);
      CliRun r = CliRun.of("dockerfile", file.toString());
      assertThat(r.exitCode()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).isEqualTo(file + ": 3 stages, 3 base images (1 unresolved), 2 copy images, a frontend image, "
          + "1 warning\n" + """

          LINE  INSTRUCTION  IMAGE                                   PLATFORM        STAGE
          1     # syntax     docker.io/docker/dockerfile:1.7         -               -
          3     FROM         docker.io/library/golang:1.22           $BUILDPLATFORM  build
          4     RUN --mount  ghcr.io/acme/protos:3                   -               build
          5     FROM         gcr.io/distroless/static:nonroot        -               -
          7     COPY --from  docker.io/library/busybox:1.36          -               -
          8     FROM         (unresolved) alpine:3.20-${TARGETARCH}  -               debug

          warnings:
            line 8: FROM alpine:3.20-${TARGETARCH} is not known statically: TARGETARCH is set from the target \
          platform at build time. Pass --build-arg TARGETARCH=<value> to resolve it
          """);
    }

    @Test
    void buildArgsResolveNames() throws IOException {
      Path file = write("Dockerfile", DOCKERFILE);
      CliRun r = CliRun.of("dockerfile", file.toString(), "--build-arg", "TARGETARCH=arm64", "--build-arg", "GO=1.21");
      assertThat(r.out()).contains("docker.io/library/golang:1.21", "docker.io/library/alpine:3.20-arm64")
          .contains("0 warnings").doesNotContain("unresolved");
    }

    @Test
    void buildArgWithoutValueComesFromTheEnvironment() throws IOException {
      Path file = write("Dockerfile", DOCKERFILE);
      CliRun r = CliRun.with(Map.of("TARGETARCH", "amd64"), "dockerfile", file.toString(), "--build-arg", "TARGETARCH",
          "--build-arg", "UNSET_IN_ENV");
      assertThat(r.out()).contains("docker.io/library/alpine:3.20-amd64").contains("0 warnings");
    }

    @Test
    void showsStagesAndScratch() throws IOException {
      Path file = write("Dockerfile", "FROM alpine AS base\nFROM base\nFROM scratch\n");
      assertThat(CliRun.of("dockerfile", file.toString()).out()).contains("""
          1     FROM         docker.io/library/alpine:latest  -         base
          2     FROM         stage base                       -         -
          3     FROM         scratch                          -         -
          """);
    }
  }

  @Nested
  class Json {
    @Test
    void printsEveryFieldInAFixedOrder() throws IOException {
      Path file = write("Dockerfile", DOCKERFILE);
      CliRun r = CliRun.of("dockerfile", file.toString(), "--output", "json");
      assertThat(r.exitCode()).isZero();
      JsonNode json = new ObjectMapper().readTree(r.out());
      assertThat(fieldNames(json)).containsExactly("baseImages", "copyImages", "frontendImage", "stages", "warnings");
      assertThat(fieldNames(json.get("baseImages").get(0))).containsExactly("line", "written", "reference",
          "registry", "repository", "tag", "digest", "tagImplicit", "platform", "stageAlias", "unresolved");
      assertThat(fieldNames(json.get("copyImages").get(0))).containsExactly("line", "instruction", "written",
          "reference", "registry", "repository", "tag", "digest", "tagImplicit", "platform", "stageAlias", "unresolved");
      assertThat(json.get("baseImages")).extracting(n -> n.get("reference").asText())
          .containsExactly("docker.io/library/golang:1.22", "gcr.io/distroless/static:nonroot", "null");
      assertThat(json.get("baseImages").get(2).get("unresolved").asBoolean()).isTrue();
      assertThat(json.get("baseImages").get(2).get("repository").asText()).isEqualTo("library/alpine");
      assertThat(json.get("copyImages")).extracting(n -> n.get("instruction").asText())
          .containsExactly("RUN --mount", "COPY --from");
      assertThat(json.get("frontendImage").get("reference").asText()).isEqualTo("docker.io/docker/dockerfile:1.7");
      assertThat(json.get("stages").get(0).get("name").asText()).isEqualTo("build");
      assertThat(json.get("warnings")).hasSize(1);
    }

    @Test
    void isPrettyPrintedAndTheSameBytesEveryRun() throws IOException {
      Path file = write("Dockerfile", "FROM alpine:3.20\n");
      String out = CliRun.of("dockerfile", file.toString(), "--output", "json").out();
      assertThat(out).isEqualTo(CliRun.of("dockerfile", file.toString(), "--output=JSON").out());
      assertThat(out).isEqualTo("""
          {
            "baseImages": [
              {
                "line": 1,
                "written": "alpine:3.20",
                "reference": "docker.io/library/alpine:3.20",
                "registry": "docker.io",
                "repository": "library/alpine",
                "tag": "3.20",
                "digest": null,
                "tagImplicit": false,
                "platform": null,
                "stageAlias": null,
                "unresolved": false
              }
            ],
            "copyImages": [],
            "frontendImage": null,
            "stages": [
              {
                "index": 0,
                "name": null,
                "line": 1,
                "written": "alpine:3.20",
                "base": "image",
                "baseStage": null
              }
            ],
            "warnings": []
          }
          """);
    }

    private List<String> fieldNames(JsonNode node) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      return names;
    }
  }

  @Nested
  class Dump {
    @Test
    void printsTheSyntaxTreeInBuildKitsFormat() throws IOException {
      Path file = write("Dockerfile", "FROM alpine\nRUN echo \\\n  hi\nONBUILD COPY --from=x / /\n");
      CliRun r = CliRun.of("dockerfile", file.toString(), "--dump");
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).isEqualTo("(from \"alpine\")\n(run \"echo   hi\")\n(onbuild (copy [\"--from=x\"] \"/\" \"/\"))\n");
    }

    @Test
    void dumpsAFileThatHasNoStage() throws IOException {
      Path file = write("Dockerfile", "ARG A=1\n");
      assertThat(CliRun.of("dockerfile", file.toString(), "--dump").out()).isEqualTo("(arg \"A=1\")\n");
    }

    @Test
    void dumpsEveryBuildKitTestFileAsBuildKit() throws IOException {
      Path cases = Path.of("src/test/resources/buildkit/parser/testfiles");
      try (var dirs = Files.list(cases)) {
        for (Path d : dirs.sorted().toList()) {
          CliRun r = CliRun.of("dockerfile", d.resolve("Dockerfile").toString(), "--dump");
          assertThat(r.out()).as(d.getFileName().toString()).isEqualTo(Files.readString(d.resolve("result")));
        }
      }
    }
  }

  @Nested
  class BadInput {
    @Test
    void missingFileExits3WithTheFix() {
      Path missing = dir.resolve("Dockerfile.missing");
      CliRun r = CliRun.of("dockerfile", missing.toString());
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).isEqualTo("image-factory: " + missing
          + ": no such file. check the path, e.g. image-factory dockerfile path/to/Dockerfile.\n");
    }

    @Test
    void directoryExits3() {
      CliRun r = CliRun.of("dockerfile", dir.toString());
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains("is a directory, not a Dockerfile");
    }

    @Test
    void malformedFileExits3WithFileAndLine() throws IOException {
      Path file = write("Dockerfile", "FROM alpine\nRUN echo\nFROM\n");
      CliRun r = CliRun.of("dockerfile", file.toString());
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).isEqualTo("image-factory: " + file + ":3: FROM requires either one or three arguments. "
          + "write FROM [--platform=PLATFORM] IMAGE[:TAG|@DIGEST] [AS NAME].\n");
    }

    @Test
    void malformedFileExits3EvenWithDump() throws IOException {
      Path file = write("Dockerfile", "FROM alpine\nRUN <<EOF\nnever ends\n");
      CliRun r = CliRun.of("dockerfile", file.toString(), "--dump");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).startsWith("image-factory: " + file + ":2: unterminated heredoc EOF.");
    }

    @Test
    void emptyFileExits3() throws IOException {
      Path file = write("Dockerfile", "");
      CliRun r = CliRun.of("dockerfile", file.toString());
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).isEqualTo("image-factory: " + file + ": the Dockerfile has no instructions. "
          + "add a FROM instruction, e.g. FROM alpine:3.20.\n");
    }

    @Test
    void buildArgWithoutNameIsAUsageError() throws IOException {
      Path file = write("Dockerfile", "FROM alpine\n");
      CliRun r = CliRun.of("dockerfile", file.toString(), "--build-arg", "=x");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("--build-arg =x has no name");
    }

    @Test
    void aDeviceThatNeverEndsIsRefusedWithoutReadingIt() {
      CliRun r = CliRun.of("dockerfile", "/dev/zero");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).isEqualTo("image-factory: /dev/zero: is not a regular file (a device, a pipe or a socket)."
          + " give the path of a Dockerfile; write one that comes from a pipe to a file first.\n");
    }

    @Test
    void aFifoNobodyWritesToIsRefusedWithoutOpeningIt() throws Exception {
      Path fifo = Fifos.create(dir.resolve("Dockerfile.fifo"));
      CliRun r = CliRun.of("dockerfile", fifo.toString());
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains(fifo + ": is not a regular file");
    }

    @Test
    void aFileOverFourMebibytesIsRefused() throws IOException {
      String comment = "# " + "x".repeat(DockerfileLimits.MAX_FILE_BYTES) + "\n";
      Path file = write("Dockerfile", "FROM alpine\n" + comment);
      CliRun r = CliRun.of("dockerfile", file.toString());
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).isEqualTo("image-factory: " + file + ": the file is larger than 4 MiB, image-factory's limit"
          + " for a Dockerfile. check the path: it should name a Dockerfile (README, \"Limits\").\n");
    }

    @Test
    void aFileOfExactlyFourMebibytesIsRead() throws IOException {
      String head = "FROM alpine\n# ";
      String comment = "x".repeat(DockerfileLimits.MAX_FILE_BYTES - head.length() - 1) + "\n";
      Path file = write("Dockerfile", head + comment);
      assertThat(Files.size(file)).isEqualTo(DockerfileLimits.MAX_FILE_BYTES);
      CliRun r = CliRun.of("dockerfile", file.toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("docker.io/library/alpine:latest");
    }

    @Test
    void missingFileArgumentIsAUsageError() {
      assertThat(CliRun.of("dockerfile").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
  }
}
