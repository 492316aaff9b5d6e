package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagefactory.testing.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line itself: global options, help, usage errors, and failures that are not ours. */
class CommandLineTest {
  @TempDir Path tmp;

  @Nested
  class GlobalOptions {
    @Test
    void rootGoesBeforeTheCommandAsWithGitDashC() {
      Path root = Fixtures.exampleCheckout(tmp.resolve("checkout"));
      CliRun before = CliRun.of("--root", root.toString(), "validate");
      CliRun after = CliRun.of("validate", "--root", root.toString());
      assertThat(before.exitCode()).as(before.err()).isZero();
      assertThat(before.out()).isEqualTo(after.out()).startsWith("valid: 7 images");
    }

    @Test
    void rootTakesAnEqualsSignBeforeTheCommand() throws IOException {
      Path root = Fixtures.exampleCheckout(tmp.resolve("checkout"));
      Files.delete(root.resolve("dist/image-factory.k8s.yaml"));
      CliRun r = CliRun.of("--root=" + root, "generate");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(root.resolve("dist/image-factory.k8s.yaml")).exists();
    }

    @Test
    void verboseGoesBeforeTheCommand() {
      CliRun r = CliRun.of("--verbose", "validate", "--root", tmp.toString());
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains("\tat io.imagefactory.");
    }

    @Test
    void theLastRootGivenWins() {
      Path root = Fixtures.exampleCheckout(tmp.resolve("checkout"));
      CliRun r = CliRun.of("--root", tmp.resolve("elsewhere").toString(), "validate", "--root", root.toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
  }

  @Nested
  class Help {
    @Test
    void withoutACommandPrintsTheUsageAndExits2() {
      CliRun r = CliRun.of();
      assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).startsWith("Usage: image-factory").contains("Commands:", "generate");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tags, plan", "retention, plan", "catalog, check"})
    void aCommandGroupWithoutASubcommandPrintsItsUsageAndExits2(String group, String firstCommand) {
      CliRun r = CliRun.of(group);
      assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).startsWith("Usage: image-factory " + group).contains("Commands:", firstCommand);
    }

    @Test
    void theSubcommandsOfAGroupTakeTheGlobalOptionsToo() {
      CliRun r = CliRun.of("--verbose", "tags", "policy", "--policy", tmp.resolve("missing.yaml").toString());
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains("missing.yaml: no such file", "\tat io.imagefactory.");
    }

    @Test
    void theHelpCommandShowsACommandsHelp() {
      CliRun r = CliRun.of("help", "generate");
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).startsWith("Usage: image-factory generate").contains("--check", "--root=DIR");
    }

    @Test
    void theHelpCommandRefusesAnUnknownCommand() {
      CliRun r = CliRun.of("help", "generat");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("Unknown subcommand 'generat'");
    }

    @Test
    void everyCommandsSummaryIsAWholeSentence() {
      CommandLine cli = Main.commandLine();
      List<String> summaries = new ArrayList<>();
      cli.getSubcommands().forEach((name, sub) -> {
        String[] header = sub.getCommandSpec().usageMessage().header();
        summaries.add(name + ": " + (header.length > 0 ? header[0] : sub.getCommandSpec().usageMessage().description()[0]));
      });
      assertThat(summaries).hasSize(17).allSatisfy(s -> assertThat(s).matches("[a-z-]+: [A-Z][^:]*\\."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.imagefactory.cli.CommandLineTest#exitCodes")
    void everyCommandListsExactlyTheExitCodesItCanReturn(String command, List<String> codes) {
      List<String> line = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
      line.add("--help");
      CliRun r = CliRun.of(line.toArray(String[]::new));
      String section = r.out().substring(r.out().indexOf("Exit codes:"));
      List<String> listed = section.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty())
          .map(l -> l.split("\\s+")[0]).filter(c -> c.matches("[0-9]+")).toList();
      assertThat(listed).isEqualTo(codes);
    }
  }

  @Test
  void noCommandClassMakesAnObjectMapperWhenTheCliStarts() {
    // picocli instantiates every command on each start: a mapper in a static field would cost every
    // command a quarter of a second (bench/README.md); commands take JsonOutput.pretty() instead.
    List<String> offenders = new ArrayList<>();
    collect(Main.commandLine(), offenders);
    assertThat(offenders).isEmpty();
  }

  private static void collect(CommandLine cli, List<String> offenders) {
    Class<?> command = cli.getCommand().getClass();
    for (Field f : command.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && ObjectMapper.class.isAssignableFrom(f.getType())) {
        offenders.add(command.getSimpleName() + "." + f.getName());
      }
    }
    cli.getSubcommands().values().forEach(sub -> collect(sub, offenders));
  }

  @Test
  void theReadmeDocumentsTheExitCodeContract() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String table = readme.substring(readme.indexOf("Exit codes, the same for every command"));
    List<String> codes = table.lines().skip(4).takeWhile(l -> l.startsWith("| `"))
        .map(l -> l.substring(3, l.indexOf('`', 3))).toList();
    assertThat(codes).containsExactly(String.valueOf(ExitCodes.OK), String.valueOf(ExitCodes.DIFFERENCES),
        String.valueOf(ExitCodes.USAGE), String.valueOf(ExitCodes.INVALID_INPUT),
        String.valueOf(ExitCodes.EXTERNAL_FAILURE), String.valueOf(ExitCodes.INTERNAL_ERROR));
  }

  static Stream<Arguments> exitCodes() {
    List<String> plain = List.of("0", "2", "3", "4", "70");
    List<String> comparing = List.of("0", "1", "2", "3", "4", "70");
    return Stream.of(
        Arguments.of("", comparing), Arguments.of("validate", plain), Arguments.of("generate", comparing),
        Arguments.of("diff", comparing), Arguments.of("analyze", plain), Arguments.of("record-update", plain),
        Arguments.of("dockerfile", plain), Arguments.of("report", plain), Arguments.of("help", List.of("0", "2")),
        Arguments.of("tags", List.of("0", "2")), Arguments.of("tags plan", plain), Arguments.of("tags policy", plain),
        Arguments.of("retention", List.of("0", "2")), Arguments.of("retention plan", plain),
        Arguments.of("retention apply", plain), Arguments.of("check-image", comparing), Arguments.of("pin", comparing),
        Arguments.of("verify", comparing), Arguments.of("preview", comparing),
        Arguments.of("rebuild", plain), Arguments.of("status", plain), Arguments.of("catalog", List.of("0", "2")), Arguments.of("catalog check", plain),
        Arguments.of("catalog index", comparing), Arguments.of("catalog latest", plain),
        Arguments.of("catalog query", comparing), Arguments.of("catalog show", plain),
        Arguments.of("catalog promote", plain), Arguments.of("catalog demote", plain),
        Arguments.of("catalog publish", plain));
  }

  @Nested
  class Errors {
    @Test
    void aStackOverflowExits70WithOneLine() {
      CliRun r = runFailing(() -> new StackOverflowError());
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
      assertThat(r.err()).isEqualTo("image-factory: internal error: the stack overflowed. This is a bug: run again with"
          + " --verbose and report the input and the stack trace.\n");
    }

    @Test
    void runningOutOfMemoryExits70WithOneLineThatSaysSo() {
      CliRun r = runFailing(() -> new OutOfMemoryError("Java heap space"));
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
      assertThat(r.err().lines()).singleElement().asString()
          .startsWith("image-factory: out of memory (Java heap space). ").doesNotContain("java.lang");
    }

    @Test
    void anyOtherErrorExits70AsABug() {
      CliRun r = runFailing(() -> new AssertionError("unreachable"));
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
      assertThat(r.err()).startsWith("image-factory: internal error: java.lang.AssertionError: unreachable. This is a bug");
    }

    @Test
    void verbosePrintsTheErrorsStackTrace() {
      CliRun r = runFailing(() -> new StackOverflowError(), "--verbose");
      assertThat(r.err()).contains("java.lang.StackOverflowError", "\tat ");
    }

    /** The real command line with one more command, which fails with {@code error}. */
    private CliRun runFailing(Supplier<Error> error, String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cmd = Main.commandLine(new CliContext(Map.of(), CliRun.CLOCK));
      cmd.addSubcommand("fail", new Failing(error));
      cmd.setOut(new PrintWriter(out, true));
      cmd.setErr(new PrintWriter(err, true));
      List<String> all = new ArrayList<>(List.of("fail"));
      all.addAll(List.of(args));
      return new CliRun(cmd.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }
  }

  /** A line that names a command builds that command alone (Commands), and behaves as with every command. */
  @Nested
  class OnlyTheNamedCommandIsBuilt {
    private final CliContext context = new CliContext(Map.of(), CliRun.CLOCK);

    @Test
    void aLineNamingASubcommandBuildsItAlone() {
      CommandLine cmd = Main.commandLine(context, new String[] {"--root", "catalog", "catalog", "--verbose", "latest", "x"});
      assertThat(cmd.getSubcommands().keySet()).containsExactly("catalog");
      assertThat(cmd.getSubcommands().get("catalog").getSubcommands().keySet()).containsExactly("latest");
    }

    @Test
    void helpTheVersionAndUnknownNamesBuildEveryCommand() {
      int all = Main.commandLine(context).getSubcommands().size();
      for (String[] args : List.of(new String[] {"--help", "catalog"}, new String[] {"-hV"}, new String[] {"help", "tags"},
          new String[] {"catalg", "latest"}, new String[] {}, new String[] {"--root", "."})) {
        assertThat(Main.commandLine(context, args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
      }
      assertThat(Main.commandLine(context, new String[] {"catalog", "--help", "latest"}).getSubcommands()
          .get("catalog").getSubcommands()).hasSize(CatalogCommand.SUBCOMMANDS.size());
    }

    @Test
    void everyCommandsUsageIsTheSameBuiltAloneAsAmongAll() {
      CommandLine full = Main.commandLine(context);
      List<String> compared = new ArrayList<>();
      full.getSubcommands().forEach((name, command) -> {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {name});
        command.getSubcommands().keySet().forEach(sub -> lines.add(new String[] {name, sub}));
        for (String[] line : lines) {
          CommandLine alone = Main.commandLine(context, line);
          CommandLine expected = full;
          for (String word : line) {
            alone = alone.getSubcommands().get(word);
            expected = expected.getSubcommands().get(word);
          }
          assertThat(alone.getUsageMessage()).as(String.join(" ", line)).isEqualTo(expected.getUsageMessage());
          compared.add(String.join(" ", line));
        }
      });
      assertThat(compared).hasSizeGreaterThan(25).contains("catalog latest", "tags plan", "verify");
    }
  }

  @Command(name = "fail")
  static final class Failing implements Callable<Integer> {
    private final Supplier<Error> error;

    Failing(Supplier<Error> error) {
      this.error = error;
    }

    @Override
    public Integer call() {
      throw error.get();
    }
  }
}
