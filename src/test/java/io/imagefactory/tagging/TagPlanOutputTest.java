package io.imagefactory.tagging;

import static io.imagefactory.tagging.Registry.A;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each output format of a plan, byte for byte: CI jobs parse them. */
class TagPlanOutputTest {
  static final String REPO = "ghcr.io/acme/app";
  static final TagPlan HOTFIX = TagPlanner.plan(
      GitEvent.of(Optional.empty(), "refs/tags/v1.2.1", A, Optional.empty(), Optional.empty(),
          Optional.of("https://github.com/acme/app")), Policy.DEFAULT,
      new Registry().image(1, "b".repeat(40), "v1.2.0", "v1.2.0", "v1.2")
          .image(2, "b".repeat(40), "v1.3.0", "v1.3.0", "v1.3", "v1", "latest").all());

  @Test
  void jsonHasTheIssuesFieldsInOrder() {
    assertThat(TagPlanOutput.json(HOTFIX)).isEqualTo("""
        {
          "outcome" : "publish",
          "version" : "v1.2.1",
          "tags" : [ "v1.2.1", "v1.2" ],
          "moves" : [ {
            "tag" : "v1.2",
            "from" : "v1.2.0",
            "to" : "v1.2.1"
          } ],
          "error" : null,
          "reason" : "v1.2.1 is a stable release; v1 stays (v1.3.0 is known), latest stays (v1.3.0 is known)",
          "labels" : {
            "org.opencontainers.image.revision" : "%s",
            "org.opencontainers.image.source" : "https://github.com/acme/app",
            "org.opencontainers.image.version" : "v1.2.1"
          }
        }
        """.formatted(A));
  }

  @Test
  void githubOutputUsesMultilineBlocksForEveryValue() {
    String out = TagPlanOutput.github(HOTFIX, REPO);

    assertThat(out).startsWith("""
        outcome<<IMAGE_FACTORY_EOF
        publish
        IMAGE_FACTORY_EOF
        version<<IMAGE_FACTORY_EOF
        v1.2.1
        IMAGE_FACTORY_EOF
        tags<<IMAGE_FACTORY_EOF
        ghcr.io/acme/app:v1.2.1
        ghcr.io/acme/app:v1.2
        IMAGE_FACTORY_EOF
        labels<<IMAGE_FACTORY_EOF
        org.opencontainers.image.revision=%s
        org.opencontainers.image.source=https://github.com/acme/app
        org.opencontainers.image.version=v1.2.1
        IMAGE_FACTORY_EOF
        json<<IMAGE_FACTORY_EOF
        {"outcome":"publish","version":"v1.2.1","tags":["v1.2.1","v1.2"],""".formatted(A));
    assertThat(out).endsWith("}\nIMAGE_FACTORY_EOF\n");
  }

  @Test
  void githubOutputPicksADelimiterNoValueContains() {
    TagPlan plan = TagPlanner.plan(GitEvent.of(Optional.empty(), "refs/heads/main", A, Optional.empty(), Optional.empty(),
        Optional.of("https://github.com/IMAGE_FACTORY_EOF/app")), Policy.DEFAULT, new Registry().all());

    String out = TagPlanOutput.github(plan, REPO);

    assertThat(out).startsWith("outcome<<IMAGE_FACTORY_EOF_1\npublish\nIMAGE_FACTORY_EOF_1\n");
    assertThat(out.lines().filter(l -> l.equals("IMAGE_FACTORY_EOF"))).isEmpty();
  }

  @Test
  void gitlabDotenvHasOneLinePerVariable() {
    assertThat(TagPlanOutput.gitlab(HOTFIX, REPO)).isEqualTo("""
        IMAGE_FACTORY_OUTCOME=publish
        IMAGE_FACTORY_VERSION=v1.2.1
        IMAGE_FACTORY_TAGS=ghcr.io/acme/app:v1.2.1 ghcr.io/acme/app:v1.2
        IMAGE_FACTORY_LABELS=org.opencontainers.image.revision=%s org.opencontainers.image.source=https://github.com/acme/app org.opencontainers.image.version=v1.2.1
        """.formatted(A));
  }

  @Test
  void textSaysWhatHappensToEachTag() {
    assertThat(TagPlanOutput.text(HOTFIX, REPO)).isEqualTo("""
        publish: v1.2.1 is a stable release; v1 stays (v1.3.0 is known), latest stays (v1.3.0 is known)
        version: v1.2.1
          ghcr.io/acme/app:v1.2.1  immutable, new
          ghcr.io/acme/app:v1.2  rolling, v1.2.0 -> v1.2.1
        label org.opencontainers.image.revision=%s
        label org.opencontainers.image.source=https://github.com/acme/app
        label org.opencontainers.image.version=v1.2.1
        """.formatted(A));
  }

  @Test
  void anErrorCarriesItsCodeAndNoTags() {
    TagPlan refused = TagPlanner.plan(GitEvent.of(Optional.empty(), "refs/tags/v1.2.0", A, Optional.empty(),
        Optional.empty(), Optional.empty()), Policy.DEFAULT,
        new Registry().image(1, "b".repeat(40), "v1.2.0", "v1.2.0").all());

    assertThat(TagPlanOutput.json(refused)).contains("\"outcome\" : \"error\"", "\"tags\" : [ ]",
        "\"code\" : \"immutable-tag-exists\"");
    assertThat(TagPlanOutput.gitlab(refused, REPO)).startsWith("IMAGE_FACTORY_OUTCOME=error\n");
  }
}
