package io.imagefactory.cli;

import io.imagefactory.InvalidInputException;
import io.imagefactory.TerminalText;
import io.imagefactory.dockerfile.DockerfileAnalysis;
import io.imagefactory.dockerfile.DockerfileLimits;
import io.imagefactory.dockerfile.DockerfileParser;
import io.imagefactory.workspace.FileErrors;
import io.imagefactory.workspace.PathDisplay;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory dockerfile FILE}: what a Dockerfile builds from, as BuildKit resolves it. */
@Command(
    name = "dockerfile",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE,
      ExitCodes.ROW_INTERNAL_ERROR
    },
    sortOptions = false,
    description = {
      "Show the images a Dockerfile builds from, as BuildKit resolves them.",
      "Lists its FROM images, the images it copies or mounts from (COPY --from, RUN --mount from=)",
      "and its # syntax= frontend, resolved as BuildKit does:",
      "ARG scoping and defaults, build args, stages, heredocs, escapes. Names that depend on the",
      "build (an ARG without value, $TARGETARCH) are shown as unresolved, with a warning."
    })
final class DockerfileCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { TEXT, JSON }

  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;

  @Parameters(index = "0", paramLabel = "FILE", description = "The Dockerfile.")
  Path file;

  @Option(names = "--build-arg", paramLabel = "NAME[=VALUE]",
      description = "A build arg, as for docker build; NAME alone takes the value from the environment.")
  List<String> buildArgs = new ArrayList<>();

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (a table, the default) or json.")
  Format output;

  @Option(names = "--dump", description = "Print the syntax tree in BuildKit's dump format instead.")
  boolean dump;

  @Override
  public Integer call() {
    String text = read(file);
    String name = file.toString();
    PrintWriter out = spec.commandLine().getOut();
    if (dump) {
      out.print(TerminalText.escapeControlsKeepingLines(DockerfileParser.parse(text, name).dump()));
    } else {
      DockerfileAnalysis analysis = DockerfileParser.analyze(text, name, buildArgs());
      if (output == Format.JSON) {
        DockerfileReport.json(analysis, out);
      } else {
        DockerfileReport.text(name, analysis, out);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** {@code NAME=VALUE}, or {@code NAME} read from the environment (skipped when unset), as docker does. */
  private Map<String, String> buildArgs() {
    Map<String, String> env = parent.context().env();
    Map<String, String> args = new LinkedHashMap<>();
    for (String arg : buildArgs) {
      int eq = arg.indexOf('=');
      String key = eq < 0 ? arg : arg.substring(0, eq);
      if (key.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--build-arg " + arg + " has no name; write --build-arg NAME=VALUE");
      }
      String value = eq < 0 ? env.get(key) : arg.substring(eq + 1);
      if (value != null) {
        args.put(key, value);
      }
    }
    return args;
  }

  /**
   * The file's text, at most {@link DockerfileLimits#MAX_FILE_BYTES} as the analysis job reads.
   * Only regular files: opening a FIFO blocks until someone writes to it, and a device such as
   * /dev/zero never ends.
   */
  private static String read(Path file) {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(file.toString(), "is a directory, not a Dockerfile",
          "give the Dockerfile's path, e.g. " + file.resolve("Dockerfile"));
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new InvalidInputException(file.toString(), "is not a regular file (a device, a pipe or a socket)",
          "give the path of a Dockerfile; write one that comes from a pipe to a file first");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(DockerfileLimits.MAX_FILE_BYTES + 1);
      if (bytes.length > DockerfileLimits.MAX_FILE_BYTES) {
        throw new InvalidInputException(file.toString(), "the file is larger than 4 MiB, image-factory's limit for"
            + " a Dockerfile", "check the path: it should name a Dockerfile (README, \"Limits\")");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file.toString(), "no such file",
          "check the path, e.g. image-factory dockerfile path/to/Dockerfile", e);
    } catch (IOException e) {
      throw FileErrors.cannot("read", PathDisplay.of(file), e);
    }
  }
}
