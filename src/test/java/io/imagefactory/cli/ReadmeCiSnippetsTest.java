package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.tagging.GitEvent;
import io.imagefactory.tagging.Policy;
import io.imagefactory.tagging.TagPlan;
import io.imagefactory.tagging.TagPlanOutput;
import io.imagefactory.tagging.TagPlanner;
import io.imagefactory.tagging.TagSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

/**
 * The README's GitHub Actions and GitLab CI snippets, in place of docker/metadata-action: each is
 * YAML, each {@code image-factory} command in it parses, and every output it reads is one the
 * matching {@code --output} format writes.
 */
class ReadmeCiSnippetsTest {
  static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);
  static final TagPlan PLAN = TagPlanner.plan(GitEvent.of(Optional.empty(), "refs/tags/v1.0.0", "a".repeat(40),
      Optional.empty(), Optional.empty(), Optional.empty()), Policy.DEFAULT,
      new TagSnapshot("ghcr.io/acme/app", Set.of(), Map.of(), Optional.empty()));

  static String snippet(String marker) throws Exception {
    Matcher m = YAML_BLOCK.matcher(Files.readString(Path.of("README.md")));
    while (m.find()) {
      if (m.group(1).contains(marker)) {
        return m.group(1);
      }
    }
    throw new AssertionError("no yaml block of the README contains " + marker);
  }

  @Test
  void theGithubSnippetReadsOnlyOutputsTheGithubFormatWrites() throws Exception {
    String yaml = snippet("--output github");
    new Load(LoadSettings.builder().build()).loadFromString(yaml);
    List<String> written = names(TagPlanOutput.github(PLAN, "ghcr.io/acme/app"), Pattern.compile("(?m)^(\\w+)<<"));

    List<String> read = names(yaml, Pattern.compile("steps\\.plan\\.outputs\\.(\\w+)"));

    assertThat(read).isNotEmpty().containsAnyOf("tags", "labels");
    assertThat(written).containsAll(read);
    assertThat(yaml).contains(">> \"$GITHUB_OUTPUT\"");
    commands(yaml).forEach(ReadmeCiSnippetsTest::parses);
  }

  @Test
  void theGitlabSnippetReadsOnlyVariablesTheGitlabFormatWrites() throws Exception {
    String yaml = snippet("--output gitlab");
    new Load(LoadSettings.builder().build()).loadFromString(yaml);
    List<String> written = names(TagPlanOutput.gitlab(PLAN, "ghcr.io/acme/app"), Pattern.compile("(?m)^(IMAGE_FACTORY_\\w+)="));

    List<String> read = names(yaml, Pattern.compile("\\$(IMAGE_FACTORY_\\w+)"));

    assertThat(read).contains("IMAGE_FACTORY_OUTCOME", "IMAGE_FACTORY_LABELS");
    assertThat(written).containsAll(read);
    assertThat(yaml).contains("dotenv: tags.env");
    commands(yaml).forEach(ReadmeCiSnippetsTest::parses);
  }

  /** The {@code image-factory ...} command lines of a snippet, up to a redirection. */
  static List<String> commands(String yaml) {
    List<String> commands = new ArrayList<>();
    Matcher m = Pattern.compile("image-factory (tags plan[^\\n>]*)").matcher(yaml);
    while (m.find()) {
      commands.add(m.group(1).strip());
    }
    assertThat(commands).isNotEmpty();
    return commands;
  }

  /** Parses a command as the shell would pass it, with CI expressions and variables as sample values. */
  static void parses(String command) {
    String expanded = command.replaceAll("\"?\\$\\(jq[^)]*\\)\"?|\"?\\$\\{\\{ steps\\.build\\.outputs\\.digest }}\"?",
        "sha256:" + "0".repeat(64)).replaceAll("\"\\$\\w+\"", "value");
    String[] args = expanded.split("\\s+");
    CommandLine cli = Main.commandLine();
    CommandLine.ParseResult result = cli.parseArgs(args);
    assertThat(result.subcommand().subcommand().commandSpec().name()).as(command).isEqualTo("plan");
  }

  private static List<String> names(String text, Pattern pattern) {
    List<String> names = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
