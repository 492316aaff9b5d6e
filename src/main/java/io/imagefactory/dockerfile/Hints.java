package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;

import io.imagefactory.TerminalText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * What to do about each Dockerfile problem, in one place so that the advice stays consistent. Names
 * from the file are {@link TerminalText#shortened shortened}, as in the messages.
 */
final class Hints {
  static final String ADD_FROM = "add a FROM instruction, e.g. FROM alpine:3.20";
  static final String ESCAPE_VALUES = "write '# escape=`' (Windows) or '# escape=\\' (the default)";
  static final String HEREDOC_DELIMITER = "write the delimiter as one word, e.g. <<EOF or <<'EOF'";
  static final String ARG_FORM = "write ARG NAME or ARG NAME=default, several on one line if you like";
  static final String EXPANSION = "close every quote and ${...}; write a literal $ as \\$";
  static final String PATTERN = "in ${VAR#pattern} and the like, * and ? are wildcards and everything else is"
      + " literal; escape only *, ? and \\ (as \\*, \\? and \\\\)";
  static final String JSON_STRINGS = "quote every element, e.g. [\"echo\", \"hello\"]";

  static final String FROM_FORM = "write FROM [--platform=PLATFORM] IMAGE[:TAG|@DIGEST] [AS NAME]";
  static final String ONBUILD = "write ONBUILD followed by one instruction other than FROM, MAINTAINER or ONBUILD";
  static final String STAGE_NAME = "start the stage name with a letter; use only letters, digits, '-', '_' and '.'";

  static final String SYNTAX = "name the frontend image, e.g. # syntax=docker/dockerfile:1";
  static final String PLATFORM = "write the platform as os/arch[/variant], e.g. --platform=linux/amd64";

  private Hints() {}

  static String blankFrom(Set<String> unset) {
    return unset.isEmpty()
        ? "name an image, e.g. FROM alpine:3.20"
        : "declare ARG " + String.join(" and ", allShortened(unset)) + " with a default before the first FROM";
  }

  static String invalidFrom(String name, Set<String> unset, boolean stageInOtherCase) {
    if (!unset.isEmpty()) {
      return "declare ARG " + shortened(unset.iterator().next())
          + " before the first FROM; undeclared, it expands to nothing";
    }
    if (stageInOtherCase) {
      return "FROM compares stage names exactly: write FROM " + shortened(name.toLowerCase(Locale.ROOT));
    }
    return name.equals(name.toLowerCase(Locale.ROOT)) ? FROM_FORM : "write the repository name in lower case";
  }

  static String undeclaredInFrom(String variable, int stageLine) {
    String name = shortened(variable);
    String inStage = stageLine > 0
        ? " (the ARG " + name + " on line " + stageLine + " is inside a stage, which FROM cannot see)"
        : "";
    return name + " is not declared by an ARG before the first FROM" + inStage
        + ", so it expands to an empty string; declare ARG " + name + " before the first FROM";
  }

  /** Why a name is not known statically, and the build args that would resolve it. */
  static String unresolved(Set<String> causes, ToIntFunction<String> declaredAt) {
    List<String> reasons = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    for (String cause : causes) {
      String name = shortened(cause);
      if (GlobalArgs.PLATFORM_ARGS.contains(cause)) {
        String platform = name.startsWith("BUILD") ? "build" : "target";
        reasons.add(name + " is set from the " + platform + " platform at build time");
      } else {
        int line = declaredAt.applyAsInt(cause);
        reasons.add("ARG " + name + (line > 0 ? " (line " + line + ")" : "") + " has no default value");
      }
      flags.add("--build-arg " + name + "=<value>");
    }
    return String.join("; ", reasons) + ". Pass " + String.join(" ", flags) + " to resolve it";
  }

  static final String CYCLE = "a stage cannot copy from itself or from a stage that needs it; break the cycle";
  static final String TRIGGER_FROM = "an ONBUILD trigger runs in the build that uses this image as its base,"
      + " where this may name one of its stages rather than an image";
  static final String MOUNT_FORM = "write --mount=type=TYPE,from=STAGE_OR_IMAGE,source=PATH,target=PATH";

  static String variableInFrom() {
    return "BuildKit does not expand variables in --from and from= and fails the build"
        + " (\"variable expansion is not supported for --from\"). Name the image in a stage instead:"
        + " ARG IMAGE=... before the first FROM, FROM ${IMAGE} AS image, then --from=image";
  }

  static String stageIndex(int stages) {
    return stages == 1 ? "the only stage is 0" : "stage indexes go from 0 to " + (stages - 1);
  }

  static String copyFrom(Collection<String> stageNames) {
    return stageNames.isEmpty()
        ? "name an image such as nginx:1.27, or a stage index"
        : "name a stage (" + String.join(", ", allShortened(new TreeSet<>(stageNames))) + ") or an image such as nginx:1.27";
  }

  static String beforeFrom(String keyword) {
    return "move " + shortened(keyword) + " after a FROM; only ARG may come before the first FROM";
  }

  /** Names the closest instruction when the word looks like a misspelling of one. */
  static String unknownInstruction(String word, Set<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String k : new TreeSet<>(known)) {
      if (Math.abs(word.length() - k.length()) >= bestDistance) {
        continue; // the lengths alone are too far apart, so a line-long word is never compared
      }
      int d = distance(word, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best != null
        ? "did you mean " + best.toUpperCase(Locale.ROOT) + "?"
        : "use a Dockerfile instruction such as FROM, RUN, COPY or ARG";
  }

  private static List<String> allShortened(Collection<String> names) {
    return names.stream().map(TerminalText::shortened).toList();
  }

  /** Levenshtein distance, small strings only. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      prev = cur;
    }
    return prev[b.length()];
  }

  static String fromFlags() {
    return "FROM takes only --platform, e.g. FROM --platform=linux/amd64 alpine:3.20";
  }

  static String flagValue(String name) {
    return "write --" + shortened(name) + "=VALUE";
  }

  static String flagOnce(String name) {
    return "give --" + shortened(name) + " only once";
  }

  static String duplicateDirective(String name) {
    return "remove the second '# " + name + "=' line";
  }

  static String endHeredoc(String name) {
    return "end the here-document with a line holding only " + shortened(name);
  }

  static String nameValue(String key) {
    return "write " + key + " NAME=value (or the old form " + key + " NAME value); quote values with spaces";
  }
}
