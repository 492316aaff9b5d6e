package io.imagefactory.dockerfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * One Dockerfile instruction as BuildKit's parser sees it, before any variable is expanded.
 *
 * @param keyword the instruction as written ({@code FROM}, {@code from})
 * @param flags {@code --name=value} flags in order, e.g. {@code --platform=linux/amd64}
 * @param args the arguments: for ENV and LABEL triples of key, value and {@code "="} or {@code ""}
 * @param onbuild the instruction an ONBUILD wraps, or null
 * @param json whether the arguments were written as a JSON array
 * @param original the instruction's text after continuation lines were joined
 * @param startLine first line, 1-based
 * @param endLine last line (heredoc bodies included)
 * @param heredocs here-documents that follow the line
 */
public record Instruction(
    String keyword,
    List<String> flags,
    List<String> args,
    Instruction onbuild,
    boolean json,
    String original,
    int startLine,
    int endLine,
    List<Heredoc> heredocs) {

  private static final Map<String, String> USUAL_SPELLINGS = usualSpellings();

  public Instruction {
    flags = List.copyOf(flags);
    args = List.copyOf(args);
    heredocs = List.copyOf(heredocs);
  }

  /** The keyword in lower case: {@code from}, {@code run}. */
  public String command() {
    // Called for every instruction several times: skip the copy for the usual spellings.
    String known = USUAL_SPELLINGS.get(keyword);
    return known != null ? known : keyword.toLowerCase(Locale.ROOT);
  }

  private static Map<String, String> usualSpellings() {
    Map<String, String> m = new HashMap<>();
    for (String c : BuildStages.INSTRUCTIONS) {
      m.put(c, c);
      m.put(c.toUpperCase(Locale.ROOT), c);
    }
    return Map.copyOf(m);
  }

  /** A copy placed at lines {@code start}..{@code end}; an ONBUILD trigger shares the lines. */
  Instruction withLines(int start, int end, List<Heredoc> docs) {
    Instruction trigger = onbuild == null ? null : onbuild.withLines(start, end, List.of());
    return new Instruction(keyword, flags, args, trigger, json, original, start, end, docs);
  }

  /** This instruction in BuildKit's dump format, e.g. {@code (from "alpine")} without the parentheses. */
  String dump() {
    StringBuilder s = new StringBuilder(command());
    if (!flags.isEmpty()) {
      s.append(" [");
      for (int i = 0; i < flags.size(); i++) {
        s.append(i == 0 ? "" : " ").append(GoText.quote(flags.get(i)));
      }
      s.append(']');
    }
    if (onbuild != null) {
      s.append(" (").append(onbuild.dump()).append(')');
    }
    for (String a : args) {
      s.append(' ').append(GoText.quote(a));
    }
    return GoText.trimSpace(s.toString());
  }
}
