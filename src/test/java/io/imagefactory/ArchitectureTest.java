package io.imagefactory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Imports point one way: {@code cli} → {@code jobs} and {@code workspace} → the pure core.
 *
 * <p>Reads every main source file and lists the classes it names, by import or by qualified name
 * in its code (comments and strings left out), then holds each package to its layer's rules.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/io/imagefactory");
  private static final String ROOT = "io.imagefactory";

  /** Values in, values out: no files, network, git, logging or shell ("" is the root package). */
  static final Set<String> PURE = Set.of(
      "", "config", "tags", "semver", "state", "fleet", "kargo", "dockerfile", "analysis", "image", "yaml", "diff", "report",
      "rebuild", "pin", "verification", "catalog");
  /** Adapters to the outside world: below the workspace and the jobs, beside the core. */
  static final Set<String> ADAPTERS = Set.of("credentials", "git", "registry", "forge", "trigger", "notify");
  /**
   * What drives the core and the adapters. The release features (tagging, retention, imagecheck)
   * keep their pure planners in classes of their own (TagPlanner, RetentionPlanner, ImageCheck)
   * beside the calls to the registry and the forge that feed them, so they sit with the drivers.
   */
  static final Set<String> DRIVERS = Set.of("workspace", "jobs", "cli", "cdk8s", "tagging", "retention", "imagecheck");

  /** What the pure core may not name: I/O, JGit, logging, and every package of the shell. */
  private static final List<String> NOT_FOR_THE_CORE = List.of(
      "java.nio.file.", "java.net.", "java.io.File", "org.eclipse.jgit.", "org.slf4j.", "picocli.", "org.cdk8s.",
      ROOT + ".credentials.", ROOT + ".git.", ROOT + ".registry.", ROOT + ".workspace.", ROOT + ".jobs.",
      ROOT + ".cli.", ROOT + ".cdk8s.");
  /**
   * What the core may name after all: java.net classes that only parse or encode text, never open
   * a connection, and the names of the token variables (the generator writes them into templates).
   */
  private static final Set<String> PURE_EXCEPTIONS = Set.of("java.net.URI", "java.net.URISyntaxException",
      "java.net.URLEncoder", "java.net.URLDecoder", ROOT + ".credentials.TokenVariable");
  private static final List<String> NOT_FOR_ADAPTERS = List.of(
      ROOT + ".kargo.", ROOT + ".workspace.", ROOT + ".jobs.", ROOT + ".cli.", ROOT + ".cdk8s.");

  private static final Pattern QUALIFIED = Pattern.compile("\\b[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");

  @Test
  void everyPackageHasALayer() {
    for (Source s : sources()) {
      assertThat(PURE.contains(s.pkg()) || ADAPTERS.contains(s.pkg()) || DRIVERS.contains(s.pkg()))
          .as("package '%s' (%s) is in no layer: add it to PURE, ADAPTERS or DRIVERS", s.pkg(), s.file())
          .isTrue();
    }
  }

  @Test
  void importsPointFromTheShellToThePureCore() {
    assertThat(violations()).isEmpty();
  }

  @Test
  void theGeneratorHasOnePublicEntryPoint() {
    Pattern publicType = Pattern.compile("(?m)^public (?:final )?(?:class|record|interface|enum) (\\w+)");
    List<String> types = new ArrayList<>();
    for (Source s : sources()) {
      if (s.pkg().equals("kargo")) {
        Matcher m = publicType.matcher(read(MAIN.resolve(s.file())));
        while (m.find()) {
          types.add(m.group(1));
        }
      }
    }
    assertThat(types).as("KargoGenerator and the Manifest records it returns").containsExactlyInAnyOrder(
        "KargoGenerator", "Manifest");
  }

  @Test
  void judgesWhatAPackageNamesByItsLayer() {
    assertThat(isViolation("fleet", "java.nio.file.Path")).isTrue();
    assertThat(isViolation("config", "org.eclipse.jgit.lib.Repository")).isTrue();
    assertThat(isViolation("kargo", "java.net.URLEncoder")).as("encodes text, opens nothing").isFalse();
    assertThat(isViolation("kargo", "java.net.http.HttpClient")).isTrue();
    assertThat(isViolation("git", "io.imagefactory.kargo.Secrets")).isTrue();
    assertThat(isViolation("kargo", "io.imagefactory.credentials.TokenVariable")).isFalse();
    assertThat(isViolation("kargo", "io.imagefactory.credentials.Tokens")).as("reads token files").isTrue();
    assertThat(isViolation("cdk8s", "io.imagefactory.cli.FleetPipeline")).isTrue();
    assertThat(isViolation("workspace", "io.imagefactory.jobs.JobRunner")).isTrue();
    assertThat(isViolation("cli", "io.imagefactory.jobs.JobRunner")).isFalse();
    assertThat(isViolation("workspace", "java.nio.file.Files")).isFalse();
  }

  @Test
  void readsNamesInCodeButNotInCommentsOrStrings() {
    String text = "import a.b.C;\n// java.nio.file.Path\n/* x.y.Z */ String s = \"p.q.R\"; char c = '\"'; d.e.F f;";
    Matcher m = QUALIFIED.matcher(code(text));
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group());
    }
    assertThat(names).containsExactly("a.b.C", "d.e.F");
  }

  private static Set<String> violations() {
    Set<String> found = new TreeSet<>();
    for (Source s : sources()) {
      for (String name : s.names()) {
        if (isViolation(s.pkg(), name)) {
          found.add(s.file() + " names " + name);
        }
      }
    }
    return found;
  }

  private static boolean isViolation(String pkg, String name) {
    if (name.startsWith(ROOT + ".cli.") && !pkg.equals("cli")) {
      return true; // a library never imports the command line
    }
    if (name.startsWith(ROOT + ".jobs.") && !pkg.equals("jobs") && !pkg.equals("cli")) {
      return true;
    }
    if (PURE.contains(pkg)) {
      return !PURE_EXCEPTIONS.contains(name) && NOT_FOR_THE_CORE.stream().anyMatch(name::startsWith);
    }
    return ADAPTERS.contains(pkg) && NOT_FOR_ADAPTERS.stream().anyMatch(name::startsWith);
  }

  /** One main source file: its path under io/imagefactory, its package there, the classes it names. */
  private record Source(String file, String pkg, Set<String> names) {}

  private static List<Source> sources() {
    List<Source> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String file = MAIN.relativize(f).toString().replace('\\', '/');
        String pkg = file.contains("/") ? file.substring(0, file.lastIndexOf('/')).replace('/', '.') : "";
        Set<String> names = new TreeSet<>();
        Matcher m = QUALIFIED.matcher(code(read(f)));
        while (m.find()) {
          names.add(m.group());
        }
        out.add(new Source(file, pkg, names));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(out).as("main sources under " + MAIN.toAbsolutePath()).isNotEmpty();
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text with comments, strings and character literals blanked out. */
  static String code(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int end = skippable(text, i);
      if (end > i) {
        out.append(' ');
        i = end;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  /** The end of the comment or literal starting at {@code i}, or {@code i} when none starts there. */
  private static int skippable(String t, int i) {
    if (t.startsWith("//", i)) {
      int nl = t.indexOf('\n', i);
      return nl < 0 ? t.length() : nl;
    }
    if (t.startsWith("/*", i)) {
      int close = t.indexOf("*/", i + 2);
      return close < 0 ? t.length() : close + 2;
    }
    if (t.startsWith("\"\"\"", i)) {
      int close = t.indexOf("\"\"\"", i + 3);
      return close < 0 ? t.length() : close + 3;
    }
    char c = t.charAt(i);
    if (c != '"' && c != '\'') {
      return i;
    }
    int j = i + 1;
    while (j < t.length() && t.charAt(j) != c) {
      j += t.charAt(j) == '\\' ? 2 : 1;
    }
    return Math.min(j + 1, t.length());
  }
}
