package io.imagefactory.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagefactory.tags.RejectedTag.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TagSelectionTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void semverTiesGoToTheGreaterTagText() {
    Selection s = select(subscription(SelectionStrategy.SEMVER, false), List.of("1.0", "v1.0.0", "1.0.0", "1.0.0+b.10", "1.0.0+b.7"));
    assertThat(tags(s)).containsExactly("v1.0.0", "1.0.0+b.7", "1.0.0+b.10", "1.0.0", "1.0");
  }

  @Test
  void strictSemversDropsShortAndLeadingZeroTagsButKeepsVariants() {
    Selection s = select(subscription(SelectionStrategy.SEMVER, true),
        List.of("22", "22-bookworm-slim", "2024.11.02", "22.12.0-alpine3.21", "latest", "22.11.0"));
    assertThat(tags(s)).containsExactly("22.12.0-alpine3.21", "22.11.0");
    assertThat(s.rejected()).extracting(RejectedTag::tag, RejectedTag::reason).containsExactly(
        tuple("22", Reason.NOT_SEMVER), tuple("22-bookworm-slim", Reason.NOT_SEMVER), tuple("2024.11.02", Reason.NOT_SEMVER),
        tuple("latest", Reason.NOT_SEMVER));
    assertThat(s.rejected().get(0).detail()).contains("strict");
    assertThat(s.rejected().get(3).detail()).isEqualTo("not a semantic version");
  }

  @Test
  void aConstraintRefusesPrereleasesUnlessItNamesOne() {
    Selection s = select(constrained("^22"), List.of("22.12.0-alpine", "22.11.0", "23.0.0"));
    assertThat(tags(s)).containsExactly("22.11.0");
    assertThat(s.rejected()).extracting(RejectedTag::detail).containsExactly(
        "outside ^22: 22.12.0-alpine is a prerelease version and the constraint is only looking for release versions",
        "outside ^22: 23.0.0 does not have same major version as 22");
    assertThat(tags(select(constrained("^22.0.0-0"), List.of("22.12.0-alpine", "22.11.0"))))
        .containsExactly("22.12.0-alpine", "22.11.0");
  }

  @Test
  void ignoreWinsOverAllowAndBothSearchUnanchored() {
    ImageSubscription sub = new ImageSubscription("r/i", SelectionStrategy.LEXICAL, Optional.empty(), List.of("alpine", "slim"),
        List.of("^3\\.19"), true, Optional.empty(), 20);
    Selection s = select(sub, List.of("3.19-alpine", "3.20-alpine", "3.20-bookworm", "bookworm-slim"));
    assertThat(tags(s)).containsExactly("bookworm-slim", "3.20-alpine");
    assertThat(s.rejected()).extracting(RejectedTag::detail).containsExactly(
        "matches ignoreTagsRegexes[0] ^3\\.19", "matches none of the 2 allowTagsRegexes");
  }

  @Test
  void lexicalOrderIsByteWiseDescending() {
    assertThat(tags(select(subscription(SelectionStrategy.LEXICAL, true), List.of("v10", "v11", "v9", "V99", "stable-perl",
        "stable-alpine-slim")))).containsExactly("v9", "v11", "v10", "stable-perl", "stable-alpine-slim", "V99");
  }

  @Test
  void theWalkFetchesOnlyUntilTheLimitAndWrongPlatformsDoNotCount() {
    Map<String, TagImage> images = Map.of(
        "3.0.0", index("sha256:3", T0, "linux/amd64"),
        "2.0.0", index("sha256:2", T0, "linux/amd64", "linux/arm64", "unknown/unknown"),
        "1.0.0", index("sha256:1", T0, "linux/arm64"));
    List<String> asked = new ArrayList<>();
    ImageLookup lookup = tag -> {
      asked.add(tag);
      return Optional.ofNullable(images.get(tag));
    };
    ImageSubscription sub = new ImageSubscription("r/i", SelectionStrategy.SEMVER, Optional.empty(), List.of(), List.of(), true,
        Optional.of("linux/arm64"), 1);
    Selection s = TagSelection.select(sub, List.of("1.0.0", "2.0.0", "3.0.0"), lookup);
    assertThat(s.chosen()).hasValueSatisfying(d -> {
      assertThat(d.reference()).isEqualTo("2.0.0@sha256:2");
      assertThat(d.platforms()).extracting(Platform::toString).containsExactly("linux/amd64", "linux/arm64");
    });
    assertThat(asked).containsExactly("3.0.0", "2.0.0");
    assertThat(s.rejected()).extracting(RejectedTag::tag, RejectedTag::reason)
        .containsExactly(tuple("3.0.0", Reason.WRONG_PLATFORM), tuple("1.0.0", Reason.PAST_LIMIT));
    assertThat(s.rejected().get(0).detail()).isEqualTo("not linux/arm64: offers linux/amd64");
  }

  @Test
  void aSingleManifestIsDroppedWheneverAPlatformIsSet() {
    ImageSubscription sub = new ImageSubscription("r/i", SelectionStrategy.LEXICAL, Optional.empty(), List.of(), List.of(), true,
        Optional.of("linux/amd64"), 20);
    Selection s = TagSelection.select(sub, List.of("a"), ImageLookup.of(Map.of("a", new TagImage.Manifest("sha256:a", T0, Map.of()))));
    assertThat(s.discovered()).isEmpty();
    assertThat(s.rejected()).singleElement().satisfies(r -> assertThat(r.detail()).contains("single-platform manifest"));
  }

  @Test
  void newestBuildFetchesEveryCandidateAndSortsByBuildTimeThenTag() {
    Map<String, TagImage> images = new HashMap<>();
    images.put("a", manifest(T0.plusSeconds(10)));
    images.put("b", manifest(T0.plusSeconds(30)));
    images.put("c", manifest(T0.plusSeconds(30)));
    images.put("d", manifest(T0));
    ImageSubscription sub = new ImageSubscription("r/i", SelectionStrategy.NEWEST_BUILD, Optional.empty(), List.of(), List.of(),
        true, Optional.empty(), 3);
    Selection s = TagSelection.select(sub, List.of("a", "b", "c", "d"), ImageLookup.of(images));
    assertThat(tags(s)).containsExactly("c", "b", "a");
    assertThat(s.rejected()).extracting(RejectedTag::tag, RejectedTag::reason).containsExactly(tuple("d", Reason.PAST_LIMIT));
  }

  @Test
  void digestReadsOnlyTheConstraintTagIgnoringRegexesAndAnyListedTag() {
    ImageSubscription sub = new ImageSubscription("r/i", SelectionStrategy.DIGEST, Optional.of("22"), List.of("^nothing$"),
        List.of(".*"), true, Optional.empty(), 20);
    List<String> asked = new ArrayList<>();
    ImageLookup images = ImageLookup.of(Map.of("21", manifest(T0), "22", manifest(T0)));
    Selection s = TagSelection.select(sub, List.of("21", "22"), tag -> {
      asked.add(tag);
      return images.lookup(tag);
    });
    assertThat(tags(s)).containsExactly("22");
    assertThat(asked).containsExactly("22");
    assertThat(s.rejected()).as("Kargo lists no tags for Digest, so none is left out").isEmpty();
    assertThat(SelectionStrategy.DIGEST.listsTags()).isFalse();
    assertThat(SelectionStrategy.LEXICAL.listsTags()).isTrue();
  }

  @Test
  void digestOfAnImageWithoutThePlatformLeavesOutOnlyThatTag() {
    ImageSubscription sub = new ImageSubscription("r/i", SelectionStrategy.DIGEST, Optional.of("22"), List.of(), List.of(),
        true, Optional.of("linux/arm64"), 20);
    Selection s = TagSelection.select(sub, List.of(), ImageLookup.of(Map.of("22", manifest(T0))));
    assertThat(s.discovered()).isEmpty();
    assertThat(s.rejected()).extracting(RejectedTag::tag, RejectedTag::reason).containsExactly(tuple("22", Reason.WRONG_PLATFORM));
  }

  @Test
  void digestOfAMissingTagDiscoversNothingWithoutFailing() {
    ImageSubscription sub = new ImageSubscription("r/i", SelectionStrategy.DIGEST, Optional.of("gone"), List.of(), List.of(), true,
        Optional.empty(), 20);
    Selection s = TagSelection.select(sub, List.of(), ImageLookup.of(Map.of()));
    assertThat(s.discovered()).isEmpty();
    assertThat(s.failure()).isEmpty();
  }

  @Test
  void anIndexOfOnlyAttestationsFailsTheWholeDiscovery() {
    Selection s = TagSelection.select(subscription(SelectionStrategy.LEXICAL, true), List.of("b", "a"),
        ImageLookup.of(Map.of("b", index("sha256:b", T0, "unknown/unknown"), "a", manifest(T0))));
    assertThat(s.discovered()).isEmpty();
    assertThat(s.failure()).contains("error getting images by tags: error retrieving image with tag \"b\": "
        + "empty V2 manifest list or OCI index is not supported");
  }

  @Test
  void aListedTagWithoutManifestFailsTheDiscovery() {
    Selection s = TagSelection.select(subscription(SelectionStrategy.LEXICAL, true), List.of("a"), ImageLookup.of(Map.of()));
    assertThat(s.failure()).hasValueSatisfying(f -> assertThat(f).contains("no manifest"));
  }

  @Test
  void settingsKargoCannotBuildFailTheDiscoveryWithKargosWords() {
    ImageSubscription sub = new ImageSubscription("r/i", SelectionStrategy.LEXICAL, Optional.empty(), List.of("^(a{100}){100}$"),
        List.of(), true, Optional.empty(), 20);
    Selection s = select(sub, List.of("a"));
    assertThat(s.failure()).contains("error building tag based selector: error compiling allow tags regex: "
        + "error compiling regular expression \"^(a{100}){100}$\": error parsing regexp: invalid repeat count: `{100}`");
    assertThat(s.discovered()).isEmpty();
  }

  @Test
  void printsAsJsonWithPlainJackson() throws Exception {
    ImageSubscription sub = subscription(SelectionStrategy.SEMVER, true);
    Selection s = TagSelection.select(sub, List.of("1.2.3", "latest", "1.2.4"), ImageLookup.of(Map.of(
        "1.2.3", manifest(T0), "1.2.4", index("sha256:124", T0.plusSeconds(5), "linux/arm64/v8"))));
    JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(s));
    assertThat(json.fieldNames()).toIterable().containsExactly("strategy", "chosen", "others", "rejected", "failure");
    assertThat(json.get("strategy").asText()).isEqualTo("SemVer");
    assertThat(json.at("/chosen/tag").asText()).isEqualTo("1.2.4");
    assertThat(json.at("/chosen/createdAt").asText()).isEqualTo("2026-03-01T00:00:05Z");
    assertThat(json.at("/chosen/platforms/0").asText()).isEqualTo("linux/arm64/v8");
    assertThat(json.at("/others/0/digest").asText()).isEqualTo("sha256:" + T0.toEpochMilli());
    assertThat(json.at("/rejected/0/reason").asText()).isEqualTo("not-semver");
    assertThat(json.get("failure").isNull()).isTrue();
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }

  private static Selection select(ImageSubscription sub, List<String> tags) {
    Map<String, TagImage> images = new HashMap<>();
    tags.forEach(t -> images.put(t, manifest(T0)));
    return TagSelection.select(sub, tags, ImageLookup.of(images));
  }

  private static List<String> tags(Selection s) {
    return s.discovered().stream().map(DiscoveredImage::tag).toList();
  }

  private static ImageSubscription subscription(SelectionStrategy strategy, boolean strict) {
    return new ImageSubscription("r/i", strategy, Optional.empty(), List.of(), List.of(), strict, Optional.empty(), 20);
  }

  private static ImageSubscription constrained(String constraint) {
    return new ImageSubscription("r/i", SelectionStrategy.SEMVER, Optional.of(constraint), List.of(), List.of(), true,
        Optional.empty(), 20);
  }

  private static TagImage manifest(Instant created) {
    return new TagImage.Manifest("sha256:" + created.toEpochMilli(), created, Map.of());
  }

  private static TagImage index(String digest, Instant created, String... platforms) {
    List<TagImage.Entry> entries = new ArrayList<>();
    for (String p : platforms) {
      entries.add(new TagImage.Entry(Platform.parse(p), created, Map.of()));
    }
    return new TagImage.Index(digest, Map.of(), entries);
  }
}
