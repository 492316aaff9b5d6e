package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import io.imagefactory.testing.TestImages.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tags plan --push} for a sequence of CI events against Debian's docker-registry: after
 * each event, every tag of the repository points exactly where the rules say.
 */
class TagsPlanIT {
  static final String REPO = "acme/app";
  @TempDir static Path dir;
  static Registry registry;

  @BeforeAll
  static void start() {
    registry = Registry.start(dir.resolve("registry"));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  static String sha(char c) {
    return String.valueOf(c).repeat(40);
  }

  /** An image built from {@code sha} with the labels tags plan prints. */
  static Pushed build(char sha, String version, String layer) {
    Map<String, String> labels = new TreeMap<>(Map.of("org.opencontainers.image.revision", sha(sha)));
    if (version != null) {
      labels.put("org.opencontainers.image.version", version);
    }
    return TestImages.image(registry, REPO, new Spec("linux", "amd64", null, "2026-05-01T10:00:00Z", labels,
        List.of(layer)), false);
  }

  static CliRun plan(Pushed image, String ref, char sha, String... more) {
    List<String> args = new ArrayList<>(List.of("tags", "plan", "--image", registry.hostPort() + "/" + REPO, "--ref", ref,
        "--sha", sha(sha), "--push", image.digest(), "--output", "json"));
    args.addAll(List.of(more));
    return CliRun.with(Map.of("HOME", dir.toString()), args.toArray(String[]::new));
  }

  @Test
  void eachEventLeavesEveryTagWhereTheRulesSay() {
    Map<String, String> expected = new TreeMap<>();
    Pushed v120 = build('a', "v1.2.0", "one");
    CliRun first = plan(v120, "refs/tags/v1.2.0", 'a');
    assertThat(first.exitCode()).as(first.err()).isZero();
    put(expected, v120, "v1.2.0", "v1.2", "v1", "latest");
    assertThat(registry.tags(REPO)).isEqualTo(expected);

    Pushed v130 = build('b', "v1.3.0", "two");
    CliRun second = plan(v130, "refs/tags/v1.3.0", 'b');
    assertThat(second.out()).contains("\"from\" : \"v1.2.0\"", "\"to\" : \"v1.3.0\"");
    put(expected, v130, "v1.3.0", "v1.3", "v1", "latest");
    assertThat(registry.tags(REPO)).isEqualTo(expected);

    Pushed hotfix = build('c', "v1.2.1", "three");
    CliRun third = plan(hotfix, "refs/tags/v1.2.1", 'c');
    assertThat(third.out()).contains("\"tags\" : [ \"v1.2.1\", \"v1.2\" ]");
    put(expected, hotfix, "v1.2.1", "v1.2");
    assertThat(registry.tags(REPO)).as("a hotfix on an older line moves neither v1 nor latest").isEqualTo(expected);

    Pushed rebuilt = build('c', "v1.2.1", "three, rebuilt");
    CliRun rerun = plan(rebuilt, "refs/tags/v1.2.1", 'c');
    assertThat(rerun.exitCode()).isZero();
    assertThat(rerun.err()).contains("wrote 0 tag(s)");
    assertThat(registry.tags(REPO)).as("a re-run is idempotent; the immutable tag is never overwritten")
        .isEqualTo(expected);

    Pushed other = build('d', "v1.3.0", "four");
    CliRun retag = plan(other, "refs/tags/v1.3.0", 'd');
    assertThat(retag.exitCode()).isEqualTo(3);
    assertThat(retag.out()).contains("\"code\" : \"immutable-tag-exists\"");
    assertThat(retag.err()).contains("immutable-tag-exists: the immutable tag v1.3.0 already exists on an image built"
        + " from commit " + sha('b'));
    assertThat(registry.tags(REPO)).isEqualTo(expected);

    Pushed rc = build('e', "v2.0.0-rc.1", "five");
    assertThat(plan(rc, "refs/tags/v2.0.0-rc.1", 'e').exitCode()).isZero();
    put(expected, rc, "v2.0.0-rc.1");
    assertThat(registry.tags(REPO)).as("a prerelease gets only its immutable tag").isEqualTo(expected);

    Pushed main = build('f', "main-fffffff", "six");
    assertThat(plan(main, "refs/heads/main", 'f').exitCode()).isZero();
    put(expected, main, "main-fffffff");
    Pushed prOpened = build('1', "pr-7", "seven");
    assertThat(plan(prOpened, "refs/pull/7/merge", '1', "--pr-action", "opened").exitCode()).isZero();
    Pushed prUpdated = build('2', "pr-7", "eight");
    CliRun sync = plan(prUpdated, "refs/pull/7/merge", '2');
    assertThat(sync.out()).contains("\"from\" : \"" + sha('1') + "\"", "\"to\" : \"" + sha('2') + "\"");
    put(expected, prUpdated, "pr-7");
    assertThat(registry.tags(REPO)).isEqualTo(expected);

    Pushed wrong = build('9', null, "nine");
    CliRun mismatch = plan(wrong, "refs/tags/v3.0.0", '8');
    assertThat(mismatch.exitCode()).isEqualTo(3);
    assertThat(mismatch.out()).contains("\"code\" : \"revision-mismatch\"");
    assertThat(registry.tags(REPO)).isEqualTo(expected);
  }

  @Test
  void writesGithubOutputsWithoutPushing() {
    CliRun run = CliRun.with(Map.of("HOME", dir.toString()), "tags", "plan", "--image",
        registry.hostPort() + "/acme/fresh", "--ref", "refs/tags/v0.1.0", "--sha", sha('a'), "--output", "github");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("tags<<IMAGE_FACTORY_EOF\n" + registry.hostPort() + "/acme/fresh:v0.1.0\n"
        + registry.hostPort() + "/acme/fresh:v0.1\n" + registry.hostPort() + "/acme/fresh:v0\n"
        + registry.hostPort() + "/acme/fresh:latest\nIMAGE_FACTORY_EOF\n");
    assertThat(run.out()).contains("labels<<IMAGE_FACTORY_EOF\norg.opencontainers.image.revision=" + sha('a')
        + "\norg.opencontainers.image.version=v0.1.0\nIMAGE_FACTORY_EOF\n");
    assertThat(registry.tags("acme/fresh")).isEmpty();
  }

  private static void put(Map<String, String> expected, Pushed image, String... tags) {
    for (String t : tags) {
      expected.put(t, image.digest());
    }
  }
}
