package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagefactory.tags.Selection;
import io.imagefactory.tags.SelectionStrategy;
import io.imagefactory.tags.Subscription;
import io.imagefactory.tags.TagImage;
import io.imagefactory.tags.TagLint;
import io.imagefactory.tags.TagPolicy;
import io.imagefactory.tags.TagPolicyLints;
import io.imagefactory.tags.TagSelection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** preview's text and JSON reports: the tag policy's lints come first, then the selection. */
class PreviewReportTest {
  private static final String REPO = "ghcr.io/acme/app";
  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @Test
  void eachLintIsAWarningLineBetweenTheHeaderAndTheSelection() {
    TagPolicy branches = new TagPolicy("^main-", List.of(), null, null, null, null);
    List<TagLint> lints = TagPolicyLints.kargoLints(REPO, branches, Subscription.OWN_BUILDS_DEFAULT);
    Subscription s = Subscription.ofOwnBuilds(REPO, branches);
    Selection selection = TagSelection.select(s.effective(), List.of("main-0a1b2c3", "main-4d5e6f7"), this::image);

    assertThat(PreviewCommand.text(s.effective(), lints, selection)).isEqualTo(REPO + " (SemVer)\n"
        + "warning: allowTagsRegexes[0] ^main- can match no tag that SemVer takes: every match starts the tag with a"
        + " character other than a digit or 'v'; no allow regex can, so this Warehouse discovers nothing. SemVer"
        + " considers only version tags; follow other tags with imageSelectionStrategy Lexical or NewestBuild.\n"
        + "chosen: nothing\n"
        + "left out:\n"
        + "  main-0a1b2c3         not-semver         not a semantic version\n"
        + "  main-4d5e6f7         not-semver         not a semantic version\n");
  }

  @Test
  void withoutLintsTheSelectionFollowsTheHeader() {
    TagPolicy exact = new TagPolicy("^22$", List.of(), SelectionStrategy.LEXICAL, null, null, null);
    Subscription s = Subscription.ofOwnBuilds(REPO, exact);
    Selection selection = TagSelection.select(s.effective(), List.of("22"), this::image);

    assertThat(TagPolicyLints.kargoLints(REPO, exact, Subscription.OWN_BUILDS_DEFAULT)).isEmpty();
    assertThat(PreviewCommand.text(s.effective(), List.of(), selection))
        .startsWith(REPO + " (Lexical)\nchosen: 22@" + DIGEST + "  built 2026-03-01T00:00:00Z\n");
  }

  @Test
  void jsonHoldsTheLintsFirstThenTheSelectionsFields() throws Exception {
    TagPolicy loose = new TagPolicy("22", List.of(".*"), SelectionStrategy.LEXICAL, null, null, null);
    List<TagLint> lints = TagPolicyLints.kargoLints(REPO, loose, Subscription.UPDATES_DEFAULT);
    Subscription s = Subscription.ofOwnBuilds(REPO, loose);
    Selection selection = TagSelection.select(s.effective(), List.of("22", "122"), this::image);

    JsonNode json = new ObjectMapper().readTree(PreviewCommand.json(lints, selection));
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("lints", "tagsListed", "strategy", "chosen", "others", "rejected", "failure");
    assertThat(json.get("tagsListed").asBoolean()).isTrue();
    assertThat(json.get("lints")).hasSize(2);
    JsonNode first = json.get("lints").get(0);
    assertThat(first.get("kind").asText()).isEqualTo("unanchored-tag");
    assertThat(first.get("field").asText()).isEqualTo("allowTagsRegexes");
    assertThat(first.get("index").asInt()).isZero();
    assertThat(first.get("regex").asText()).isEqualTo("22");
    assertThat(first.get("hint").asText()).isEqualTo("write ^22$ for exactly that tag");
    assertThat(json.get("lints").get(1).get("kind").asText()).isEqualTo("ignores-every-tag");
    assertThat(json.get("rejected").get(0).get("reason").asText()).isEqualTo("ignored");
  }

  @Test
  void digestSaysThatOnlyItsTagIsReadAndNoneListed() throws Exception {
    TagPolicy pinned = new TagPolicy("^22$", List.of(), SelectionStrategy.DIGEST, null, null, null);
    Subscription s = Subscription.ofOwnBuilds(REPO, pinned);
    Selection selection = TagSelection.select(s.effective(), List.of(), this::image);

    assertThat(PreviewCommand.text(s.effective(), List.of(), selection)).isEqualTo(REPO + " (Digest)\n"
        + "only 22 (constraint) is read: Kargo lists no tags for Digest\n"
        + "chosen: 22@" + DIGEST + "  built 2026-03-01T00:00:00Z\n");
    assertThat(new ObjectMapper().readTree(PreviewCommand.json(List.of(), selection)).get("tagsListed").asBoolean()).isFalse();
  }

  private Optional<TagImage> image(String tag) {
    return Optional.of(new TagImage.Manifest(DIGEST, Instant.parse("2026-03-01T00:00:00Z"), Map.of()));
  }
}
