package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables a {@code FROM} line can use, as BuildKit's {@code buildMetaArgs} computes them:
 * the predefined platform args, then each {@code ARG} before the first {@code FROM} in order, a
 * build arg replacing its default. A build arg for a name no such ARG declares is not visible.
 *
 * <p>Platform args not given as build args are unknown; an ARG without a value and without a
 * build arg is expected. For each variable it also keeps which unknown or expected variables its
 * value came from, so that a FROM using {@code ARG BASE=golang:$TARGETARCH} can name the cause.
 */
final class GlobalArgs implements ShellLexer.Env {
  /** The platform args BuildKit defines before any ARG; their values come from the build. */
  static final Set<String> PLATFORM_ARGS = Set.of(
      "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "BUILDOSVERSION",
      "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "TARGETOSVERSION");

  private final Map<String, String> values = new HashMap<>();
  private final Set<String> unknown = new HashSet<>();
  private final Set<String> expected = new HashSet<>();
  private final Map<String, Set<String>> causes = new HashMap<>();
  private final Map<String, Integer> declaredAt = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();

  private GlobalArgs(Map<String, String> buildArgs) {
    for (String name : PLATFORM_ARGS) {
      if (buildArgs.containsKey(name)) {
        values.put(name, buildArgs.get(name));
      } else {
        unknown.add(name);
      }
    }
  }

  /** Evaluates the ARG instructions before the first FROM. */
  static GlobalArgs evaluate(List<Instruction> metaArgs, Map<String, String> buildArgs, Expansion expansion) {
    GlobalArgs args = new GlobalArgs(buildArgs);
    for (Instruction arg : metaArgs) {
      for (ArgDeclaration d : ArgDeclaration.of(arg, expansion.file())) {
        args.declare(d, arg, buildArgs, expansion);
      }
    }
    return args;
  }

  private void declare(ArgDeclaration d, Instruction arg, Map<String, String> buildArgs, Expansion expansion) {
    declaredAt.putIfAbsent(d.name(), arg.startLine());
    if (buildArgs.containsKey(d.name())) {
      set(d.name(), buildArgs.get(d.name()), Set.of());
    } else if (d.value() != null) {
      ShellLexer.Result r = expansion.expand(d.value(), this, arg);
      for (String name : r.unset()) {
        warnings.add("line " + arg.startLine() + ": ARG " + shortened(d.name()) + " uses " + shortened(name)
            + ", which is not set at that point, so it expands to an empty string");
      }
      set(d.name(), r.word(), causesOf(r));
    } else if (!values.containsKey(d.name()) && !unknown.contains(d.name())) {
      expected.add(d.name());
    }
  }

  private void set(String name, String value, Set<String> from) {
    values.put(name, value);
    unknown.remove(name);
    expected.remove(name);
    causes.put(name, from);
  }

  /** The unknown and expected variables a result depends on, also through the ARGs it read. */
  Set<String> causesOf(ShellLexer.Result r) {
    Set<String> all = new LinkedHashSet<>(r.unknown());
    for (String name : r.matched()) {
      all.addAll(causes.getOrDefault(name, Set.of()));
    }
    return all;
  }

  @Override
  public String get(String name) {
    return values.get(name);
  }

  @Override
  public boolean isUnknown(String name) {
    return unknown.contains(name);
  }

  @Override
  public boolean isExpected(String name) {
    return expected.contains(name);
  }

  /** The line of the first global ARG declaring {@code name}, or 0. */
  int declaredAt(String name) {
    return declaredAt.getOrDefault(name, 0);
  }

  /** Names declared by an ARG before the first FROM. */
  Set<String> declared() {
    return declaredAt.keySet();
  }

  List<String> warnings() {
    return warnings;
  }
}
