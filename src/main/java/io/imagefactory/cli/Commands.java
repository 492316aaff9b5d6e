package io.imagefactory.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands a command line needs built. picocli builds the model of every command it is given
 * before it parses (it reflects over each class, its options and the types they name), which was
 * a good part of a short command's run (bench/README.md, CatalogBenchmark: {@code catalog latest}).
 * A line that names a command gets that command alone, and of a group ({@code catalog}, {@code
 * tags}, {@code retention}) the subcommand it names; a line that asks for help or the version, or
 * names no command picocli knows, gets them all, since help, the usage and picocli's "did you
 * mean" list them.
 */
final class Commands {
  private static final Map<Class<?>, List<Class<?>>> GROUPS = Map.of(
      CatalogCommand.class, CatalogCommand.SUBCOMMANDS,
      TagsCommand.class, TagsCommand.SUBCOMMANDS,
      RetentionCommand.class, RetentionCommand.SUBCOMMANDS);
  private static final Set<String> HELP_OR_VERSION = Set.of("--help", "--version", "--");
  private static final Pattern SHORT_HELP_OR_VERSION = Pattern.compile("-[A-Za-z]*[hV][A-Za-z]*");

  private Commands() {}

  /** Adds to {@code root} the commands {@code args} needs (every command when {@code args} is null). */
  static void addTo(CommandLine root, String[] args) {
    List<Class<?>> commands = ImageFactoryCommand.COMMANDS;
    int at = args == null ? -1 : nextWord(args, 0);
    List<Class<?>> named = at < 0 ? commands : named(commands, args[at]);
    for (Class<?> command : named) {
      CommandLine line = new CommandLine(command);
      List<Class<?>> subcommands = GROUPS.getOrDefault(command, List.of());
      int sub = named.size() == 1 && at >= 0 ? nextWord(args, at + 1) : -1;
      (sub < 0 ? subcommands : named(subcommands, args[sub])).forEach(line::addSubcommand);
      root.addSubcommand(line);
    }
  }

  /**
   * The index of the first word from {@code from} on that is not an option (nor --root's value);
   * -1 when there is none, or when help or the version is asked for first.
   */
  private static int nextWord(String[] args, int from) {
    for (int i = from; i < args.length; i++) {
      String a = args[i];
      if (HELP_OR_VERSION.contains(a) || SHORT_HELP_OR_VERSION.matcher(a).matches()) {
        return -1;
      }
      if (a.equals("--root")) {
        i++; // its value, which may look like anything
      } else if (!a.startsWith("-")) {
        return i;
      }
    }
    return -1;
  }

  /** The command of {@code commands} called {@code name}, or all of them when none is (or it is help). */
  private static List<Class<?>> named(List<Class<?>> commands, String name) {
    for (Class<?> c : commands) {
      Command command = c.getAnnotation(Command.class);
      if (command.name().equals(name) && !command.helpCommand()) {
        return List.of(c);
      }
    }
    return commands;
  }
}
