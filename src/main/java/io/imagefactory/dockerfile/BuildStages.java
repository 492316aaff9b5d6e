package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a syntax tree into the ARGs before the first FROM and the build stages, checking what
 * BuildKit's {@code instructions.Parse} checks: known instructions only, nothing but ARG before
 * the first FROM, a well-formed FROM, and allowed ONBUILD triggers.
 *
 * @param metaArgs the ARG instructions before the first FROM
 * @param stages the stages in order
 */
record BuildStages(List<Instruction> metaArgs, List<Stage> stages) {
  static final Set<String> INSTRUCTIONS = Set.of("add", "arg", "cmd", "copy", "entrypoint", "env", "expose",
      "from", "healthcheck", "label", "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume",
      "workdir");
  static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9_.-]*");

  /**
   * One stage: its FROM and the instructions after it.
   *
   * @param index 0-based
   * @param from the FROM instruction
   * @param base what the FROM names, as written
   * @param name the {@code AS} name in lower case, or null
   * @param platform the {@code --platform} value as written, or null
   * @param commands the instructions up to the next FROM
   */
  record Stage(int index, Instruction from, String base, String name, String platform, List<Instruction> commands) {
    Stage {
      commands = List.copyOf(commands);
    }

    /** The stage's name, or {@code stage-N} as BuildKit calls an unnamed one. */
    String label() {
      return name != null ? name : "stage-" + index;
    }
  }

  static BuildStages split(SyntaxTree tree, String file) {
    List<Instruction> metaArgs = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    List<Instruction> commands = new ArrayList<>();
    Instruction from = null;
    for (Instruction i : tree.instructions()) {
      check(i, file);
      if (i.command().equals("from")) {
        if (from != null) {
          stages.add(stage(stages.size(), from, commands, file));
        }
        from = i;
        commands = new ArrayList<>();
      } else if (from != null) {
        commands.add(i);
      } else if (i.command().equals("arg")) {
        metaArgs.add(i);
      } else {
        throw DockerfileSyntaxException.at(file, i, "no build stage in current context: "
            + shortened(i.keyword()) + " comes before the first FROM", Hints.beforeFrom(i.keyword()));
      }
    }
    if (from == null) {
      throw new DockerfileSyntaxException(file, 0, "the Dockerfile has no FROM instruction, so no stage to build",
          Hints.ADD_FROM, "");
    }
    stages.add(stage(stages.size(), from, commands, file));
    return new BuildStages(metaArgs, stages);
  }

  private static void check(Instruction i, String file) {
    if (!INSTRUCTIONS.contains(i.command())) {
      throw DockerfileSyntaxException.at(file, i, "unknown instruction: " + shortened(i.keyword().toUpperCase(Locale.ROOT)),
          Hints.unknownInstruction(i.command(), INSTRUCTIONS));
    }
    if (i.command().equals("onbuild")) {
      checkTrigger(i, file);
    }
  }

  private static void checkTrigger(Instruction onbuild, String file) {
    Instruction trigger = onbuild.onbuild();
    if (trigger == null) {
      throw DockerfileSyntaxException.at(file, onbuild, "ONBUILD requires at least one argument", Hints.ONBUILD);
    }
    String name = trigger.keyword().toUpperCase(Locale.ROOT);
    if (name.equals("ONBUILD")) {
      throw DockerfileSyntaxException.at(file, onbuild, "chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
          Hints.ONBUILD);
    }
    if (name.equals("FROM") || name.equals("MAINTAINER")) {
      throw DockerfileSyntaxException.at(file, onbuild, name + " isn't allowed as an ONBUILD trigger", Hints.ONBUILD);
    }
  }

  /** BuildKit's {@code parseFrom}: one argument, or three with {@code AS name}; only --platform. */
  private static Stage stage(int index, Instruction from, List<Instruction> commands, String file) {
    List<String> args = from.args();
    String name = null;
    if (args.size() == 3 && args.get(1).equalsIgnoreCase("as")) {
      name = args.get(2).toLowerCase(Locale.ROOT);
      if (!STAGE_NAME.matcher(name).matches()) {
        throw DockerfileSyntaxException.at(file, from, "invalid name for build stage: "
            + GoText.quote(shortened(args.get(2)))
            + ", name can't start with a number or contain symbols", Hints.STAGE_NAME);
      }
    } else if (args.size() != 1) {
      throw DockerfileSyntaxException.at(file, from, "FROM requires either one or three arguments", Hints.FROM_FORM);
    }
    FlagSet flags = FlagSet.parse(from, Set.of("platform"), Set.of(), true, file);
    return new Stage(index, from, args.get(0), name, flags.value("platform"), commands);
  }
}
