package io.imagefactory.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.tags.TagLint.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SemVer lint must be a proof: over thousands of generated regexes (fixed seed), none it
 * lints may match any tag of a corpus of version tags.
 */
class TagLintsSoundnessTest {
  private static final String[] ATOMS = {"0", "1", "2", "9", ".", "\\.", "v", "V", "-", "\\+", "a", "r", "c", "z", "_", "/",
      "[0-9]", "[a-z]", "[^0-9]", "\\d", "\\D", "\\w", "\\W", "\\s", ".", "[[:alpha:]]", "[.+-]", "\\pL", "\\PN", "(?i:v)"};
  private static final String[] REPEATS = {"", "", "", "?", "*", "+", "{0,2}", "{1,3}", "{2}"};
  private static final List<String> TAGS = corpus();

  @Test
  void lintsNoRegexThatMatchesAVersionTag() {
    Random random = new Random(20261204);
    int linted = 0;
    for (int i = 0; i < 4000; i++) {
      String re = regex(random, 0);
      Optional<GoRegex> compiled = compile(re);
      if (compiled.isEmpty()) {
        continue;
      }
      for (boolean strict : new boolean[] {true, false}) {
        boolean lint = TagLints.lint(semver(strict, re)).stream().anyMatch(l -> l.kind() == Kind.NO_SEMVER_MATCHES);
        if (lint) {
          linted++;
          List<String> matching = TAGS.stream().filter(t -> TagFilter.version(t, strict).isPresent())
              .filter(compiled.get()::matches).toList();
          assertThat(matching).as("%s (strict %s) is linted but matches", re, strict).isEmpty();
        }
      }
    }
    assertThat(linted).as("the generator makes lintable regexes too").isGreaterThan(100);
  }

  private static String regex(Random random, int depth) {
    StringBuilder s = new StringBuilder(random.nextInt(4) == 0 ? "^" : "");
    int parts = 1 + random.nextInt(4);
    for (int i = 0; i < parts; i++) {
      if (depth < 2 && random.nextInt(6) == 0) {
        s.append('(').append(regex(random, depth + 1)).append('|').append(regex(random, depth + 1)).append(')');
      } else {
        s.append(ATOMS[random.nextInt(ATOMS.length)]);
      }
      s.append(REPEATS[random.nextInt(REPEATS.length)]);
    }
    return s.append(random.nextInt(4) == 0 ? "$" : "").toString();
  }

  private static Optional<GoRegex> compile(String re) {
    try {
      return Optional.of(GoRegex.compile(re));
    } catch (InvalidTagRegexException e) {
      return Optional.empty();
    }
  }

  private static List<String> corpus() {
    List<String> tags = new ArrayList<>(List.of("0.0.1", "1.2.3", "v1.2.3", "9.0.0-rc.1", "10.20.30", "1.0.0-alpha.beta",
        "1.0.0+build.5", "22.12.0-alpine3.21", "2.0.0-x-y-z.--", "1.1.1-rc1+meta", "v0.0.0-20240101-abc", "99.99.99",
        "1", "22", "v2", "16.4", "2024.11.02", "01.2.3", "22-bookworm-slim", "1.2-zz", "v9.9-9"));
    for (String pre : List.of("a", "rc.9", "RC", "v", "z9", "0", "-", "a-b")) {
      tags.add("1.2.3-" + pre);
      tags.add("v2.0.0-" + pre + "+b.1");
    }
    return tags;
  }

  private static ImageSubscription semver(boolean strict, String allow) {
    return new ImageSubscription("r/i", SelectionStrategy.SEMVER, Optional.empty(), List.of(allow), List.of(), strict,
        Optional.empty(), 20);
  }
}
