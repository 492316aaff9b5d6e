package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name=value} flags of one instruction, checked as BuildKit's {@code BFlags} checks
 * the ones we read: a value is required, and a flag that is not repeatable may appear once.
 *
 * <p>Only FROM is checked strictly (its one flag is {@code --platform}). For other instructions
 * flags we do not read are ignored: BuildKit keeps adding flags ({@code COPY --parents}, {@code
 * RUN --device}), and a Dockerfile a newer BuildKit accepts must not stop the analysis.
 */
final class FlagSet {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  private FlagSet() {}

  /**
   * Reads the flags of {@code i} named in {@code read}; {@code repeatable} of them may repeat.
   *
   * @param strict true to reject any other flag, as BuildKit does for FROM
   */
  static FlagSet parse(Instruction i, Set<String> read, Set<String> repeatable, boolean strict, String file) {
    FlagSet set = new FlagSet();
    for (String flag : i.flags()) {
      String body = flag.substring(2);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      if (!read.contains(name)) {
        if (strict) {
          throw DockerfileSyntaxException.at(file, i, "unknown flag: " + shortened(name), Hints.fromFlags());
        }
        continue;
      }
      if (eq < 0) {
        throw DockerfileSyntaxException.at(file, i, "missing a value on flag: " + shortened(name), Hints.flagValue(name));
      }
      List<String> list = set.values.computeIfAbsent(name, k -> new ArrayList<>());
      if (!list.isEmpty() && !repeatable.contains(name)) {
        throw DockerfileSyntaxException.at(file, i, "duplicate flag specified: " + shortened(name), Hints.flagOnce(name));
      }
      list.add(body.substring(eq + 1));
    }
    return set;
  }

  /** The value of a flag given once, or null. */
  String value(String name) {
    List<String> list = values.get(name);
    return list == null ? null : list.get(0);
  }

  /** Every value of a repeatable flag, in order. */
  List<String> values(String name) {
    return values.getOrDefault(name, List.of());
  }
}
