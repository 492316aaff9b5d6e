package io.imagefactory.retention;

import static io.imagefactory.retention.Repo.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.InvalidInputException;
import io.imagefactory.tagging.Policy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The snapshot and plan files: the documented format, read back to the same values, and clear errors. */
class SnapshotJsonTest {
  static final Snapshot SNAPSHOT = new Repo().openPullRequests(12, 3).image(1, 10).image(2, 10).index(3, 10, 1, 2)
      .tag(3, "v1.0.0", "main-abcdef1").referrer(4, 3).image(5, -1).pinned(1).snapshot();

  @Test
  void writesTheDocumentedFormatSorted() {
    String json = SnapshotJson.write(new Repo().pullRequestsUnknown().image(1, 1).tag(1, "b", "a").snapshot());

    assertThat(json).isEqualTo("""
        {
          "image" : "ghcr.io/acme/app",
          "now" : "2026-12-04T10:00:00Z",
          "tags" : [ {
            "tag" : "a",
            "created" : "2026-12-03T10:00:00Z",
            "digest" : "%1$s"
          }, {
            "tag" : "b",
            "created" : "2026-12-03T10:00:00Z",
            "digest" : "%1$s"
          } ],
          "manifests" : [ {
            "digest" : "%1$s",
            "mediaType" : "application/vnd.oci.image.manifest.v1+json",
            "created" : "2026-12-03T10:00:00Z",
            "children" : [ ],
            "platform" : "linux/amd64",
            "subject" : null,
            "artifactType" : null
          } ],
          "openPullRequests" : null,
          "gitReferencedDigests" : [ ]
        }
        """.formatted(d(1)));
  }

  @Test
  void readsBackWhatItWrites() {
    Snapshot back = SnapshotJson.read(SnapshotJson.write(SNAPSHOT), "s.json");

    assertThat(SnapshotJson.write(back)).isEqualTo(SnapshotJson.write(SNAPSHOT));
    assertThat(RetentionPlanner.plan(back, Policy.DEFAULT)).isEqualTo(RetentionPlanner.plan(SNAPSHOT, Policy.DEFAULT));
  }

  @Test
  void readsTimesWithOffsetsAsInstants() {
    String json = SnapshotJson.write(SNAPSHOT).replace("\"now\" : \"2026-12-04T10:00:00Z\"",
        "\"now\" : \"2026-12-04T12:00:00+02:00\"");

    assertThat(SnapshotJson.read(json, "s.json").now()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
  }

  @Test
  void namesTheFieldThatIsWrong() {
    String json = SnapshotJson.write(SNAPSHOT);

    assertThatThrownBy(() -> SnapshotJson.read(json.replaceFirst("\"digest\" : \"sha256:0+3\"", "\"digest\" : \"x\""),
        "s.json")).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("s.json: tags[0].digest: \"x\" is not a digest");
    assertThatThrownBy(() -> SnapshotJson.read(json.replace("\"now\" : \"2026-12-04T10:00:00Z\"", "\"now\" : \"yesterday\""),
        "s.json")).hasMessageStartingWith("s.json: now: \"yesterday\" is not an RFC 3339 time");
    assertThatThrownBy(() -> SnapshotJson.read("[]", "s.json")).hasMessageStartingWith("s.json: is not a JSON object");
    assertThatThrownBy(() -> SnapshotJson.read("{", "s.json")).hasMessageStartingWith("s.json: is not JSON");
    assertThatThrownBy(() -> SnapshotJson.read(json.replace("\"openPullRequests\" : [ 3, 12 ]",
        "\"openPullRequests\" : [ 3, \"x\" ]"), "s.json")).hasMessageStartingWith("s.json: openPullRequests[1]:");
  }

  @Test
  void thePlanFileReadsBackToTheSamePlan() {
    RetentionPlan plan = RetentionPlanner.plan(new Repo().image(1, 100).tag(1, "main-abcdef1").image(2, 1)
        .tag(2, "v1.0.0").snapshot(), Policy.DEFAULT);

    assertThat(PlanJson.read(PlanJson.write(plan), "plan.json")).isEqualTo(plan);
    assertThat(PlanJson.write(plan)).contains("\"deleteTags\" : [ \"main-abcdef1\" ]",
        "\"deletedTagDigests\" : {\n    \"main-abcdef1\" : \"" + d(1) + "\"");
    assertThat(PlanJson.text(plan)).isEqualTo("""
        ghcr.io/acme/app at 2026-12-04T10:00:00Z: delete 1 of 2 tags and 1 of 2 manifests
          delete tag main-abcdef1: tag of branch main, 100d old, over 30d
          delete %s: nothing kept holds it: no kept tag, git reference, index or subject
        """.formatted(d(1)));
  }
}
