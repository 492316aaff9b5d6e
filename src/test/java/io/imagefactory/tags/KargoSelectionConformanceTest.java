package io.imagefactory.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagefactory.config.Checks;
import io.imagefactory.semver.Version;
import io.imagefactory.testing.PeerSuite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Kargo v1.11.2's own test tables (src/test/resources/kargo-selection/kargo): every vector that
 * applies to a pure selection runs; the others are skipped with the reason, and each file ends
 * with a test that run plus skipped is every vector of the file.
 */
class KargoSelectionConformanceTest {
  private static final String REGISTRY_IO =
      "the registry client's failure to fetch an index entry: it throws, and the selection never sees it";

  @TestFactory
  Stream<DynamicTest> tagFilter() {
    return PeerSuite.open("kargo/tag-filter.json")
        .run("tagBasedMatchesTag", 6, r -> assertThat(passes(rules(r, SelectionStrategy.LEXICAL), text(r, "tag")))
            .isEqualTo(r.get("matches").asBoolean()))
        .run("tagBasedFilterTags", 1, r -> assertThat(TagFilter.filter(rules(r, SelectionStrategy.LEXICAL), strings(r.get("tags")))
            .candidates()).extracting(TagFilter.Candidate::tag).containsExactlyElementsOf(strings(r.get("filtered"))))
        .run("semverMatchesTag", 8, r -> assertThat(passes(rules(r, SelectionStrategy.SEMVER), text(r, "tag")))
            .isEqualTo(r.get("matches").asBoolean()))
        .tests();
  }

  @TestFactory
  Stream<DynamicTest> semverParse() {
    return PeerSuite.open("kargo/semver-parse.json")
        .run("upstream", 8, r -> {
          Optional<Version> v = TagFilter.version(text(r, "tag"), r.get("strict").asBoolean());
          if (r.get("parsed").isNull()) {
            assertThat(v).isEmpty();
          } else {
            assertThat(v).hasValueSatisfying(p -> {
              assertThat(p).hasToString(r.get("parsed").get("string").asText());
              assertThat(p.original()).isEqualTo(r.get("parsed").get("original").asText());
            });
          }
        })
        .run("derived", 45, r -> {
          assertThat(TagFilter.version(text(r, "tag"), true).map(Version::toString).orElse(null)).isEqualTo(textOrNull(r, "strict"));
          assertThat(TagFilter.version(text(r, "tag"), false).map(Version::toString).orElse(null)).isEqualTo(textOrNull(r, "nonStrict"));
        })
        .tests();
  }

  @TestFactory
  Stream<DynamicTest> sort() {
    return PeerSuite.open("kargo/sort.json")
        .run("semverSort", 1, r -> assertThat(TagFilter.filter(SelectionRules.of(SelectionStrategy.SEMVER, "", List.of(), List.of(),
            false, "", 0), strings(r.get("input"))).candidates()).extracting(TagFilter.Candidate::tag)
            .containsExactlyElementsOf(strings(r.get("sorted"))))
        .run("newestBuildSort", 1, KargoSelectionConformanceTest::newestBuildSort)
        .run("discoveryLimitTruncation", 1, KargoSelectionConformanceTest::truncation)
        .tests();
  }

  /** Upstream's images carry only a build time (now + N hours); tags named after the hours. */
  private static void newestBuildSort(JsonNode r) {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Map<String, TagImage> images = new java.util.HashMap<>();
    List<String> tags = new ArrayList<>();
    r.get("inputCreatedAtHours").forEach(h -> {
      tags.add("h" + h.asInt());
      images.put("h" + h.asInt(), manifest(now.plusSeconds(3600L * h.asInt())));
    });
    Selection s = TagSelection.select(SelectionRules.of(SelectionStrategy.NEWEST_BUILD, "", List.of(), List.of(), false, "", 0),
        tags, ImageLookup.of(images));
    List<String> expected = new ArrayList<>();
    r.get("sortedCreatedAtHours").forEach(h -> expected.add("h" + h.asInt()));
    assertThat(s.discovered()).extracting(DiscoveredImage::tag).containsExactlyElementsOf(expected);
  }

  /** Truncation keeps the order: three images newest first, limit 2. */
  private static void truncation(JsonNode r) {
    List<String> input = strings(r.get("input"));
    Map<String, TagImage> images = new java.util.HashMap<>();
    for (int i = 0; i < input.size(); i++) {
      images.put(input.get(i), manifest(Instant.parse("2026-01-01T00:00:00Z").minusSeconds(60L * i)));
    }
    Selection s = TagSelection.select(SelectionRules.of(SelectionStrategy.NEWEST_BUILD, "", List.of(), List.of(), false, "",
        r.get("limit").asInt()), input, ImageLookup.of(images));
    assertThat(s.discovered()).extracting(DiscoveredImage::tag).containsExactlyElementsOf(strings(r.get("output")));
  }

  @TestFactory
  Stream<DynamicTest> selectGitCompanion() {
    return PeerSuite.open("kargo/select-git-companion.json")
        .run("semver", 6, r -> assertSelected(r, SelectionStrategy.SEMVER))
        .run("lexical", 5, r -> assertSelected(r, SelectionStrategy.LEXICAL))
        .tests();
  }

  private static void assertSelected(JsonNode r, SelectionStrategy strategy) {
    SelectionRules rules = SelectionRules.of(strategy, "", strings(r.get("allowTagsRegexes")), strings(r.get("ignoreTagsRegexes")),
        r.path("strictSemvers").asBoolean(false), "", r.get("discoveryLimit").asInt());
    List<String> tags = strings(r.get("tags"));
    Map<String, TagImage> images = new java.util.HashMap<>();
    tags.forEach(t -> images.put(t, manifest(Instant.EPOCH)));
    Selection s = TagSelection.select(rules, tags, ImageLookup.of(images));
    assertThat(s.discovered()).extracting(DiscoveredImage::tag).containsExactlyElementsOf(strings(r.get("selected")));
  }

  @TestFactory
  Stream<DynamicTest> platform() {
    return PeerSuite.open("kargo/platform.json")
        .run("parse", 3, KargoSelectionConformanceTest::platformParse)
        .run("matches", 2, r -> assertThat(Platform.parse(text(r, "constraint")).equals(
            new Platform(text(r, "os"), text(r, "arch"), text(r, "variant")))).isEqualTo(r.get("matches").asBoolean()))
        .run("imageGetPlatform", 4, KargoSelectionConformanceTest::imageGetPlatform)
        .run("getImageByTag", 6, r -> assertThat(selectOne(index(strings(r.get("imagePlatforms")), Map.of(), Map.of()),
            textOrNull(r, "constraint")).discovered()).hasSize(r.get("kept").asBoolean() ? 1 : 0))
        .each("indexErrors", 3, r -> r.path("at").asText().endsWith(":446") ? Optional.empty() : Optional.of(REGISTRY_IO),
            r -> assertThat(selectOne(new TagImage.Index("sha256:i", Map.of(), List.of(new TagImage.Entry(
                new Platform("", "", ""), Instant.EPOCH, Map.of()))), null).failure())
                .hasValueSatisfying(f -> assertThat(f).contains("empty V2 manifest list or OCI index is not supported")))
        .run("annotations", 9, KargoSelectionConformanceTest::annotations)
        .tests();
  }

  private static void platformParse(JsonNode r) {
    if (!r.get("valid").asBoolean()) {
      assertThat(TagSelection.select(subscription(SelectionStrategy.LEXICAL, text(r, "platform")), List.of(), t -> Optional.empty())
          .failure()).hasValueSatisfying(f -> assertThat(f).contains(text(r, "error")));
      return;
    }
    Platform p = Platform.parse(text(r, "platform"));
    assertThat(p).isEqualTo(new Platform(text(r, "os"), text(r, "arch"), text(r, "variant")));
    assertThat(p).hasToString(text(r, "string"));
  }

  /** A nil or empty platform list is a single-platform manifest: dropped whenever a platform is set. */
  private static void imageGetPlatform(JsonNode r) {
    TagImage image = r.get("platforms").size() == 0 ? manifest(Instant.EPOCH) : index(strings(r.get("platforms")), Map.of(), Map.of());
    Selection s = selectOne(image, text(r, "constraint"));
    if (r.get("found").isNull()) {
      assertThat(s.discovered()).isEmpty();
      assertThat(s.rejected()).extracting(RejectedTag::reason).containsExactly(RejectedTag.Reason.WRONG_PLATFORM);
    } else {
      assertThat(s.discovered()).singleElement().satisfies(d -> assertThat(d.platforms()).contains(Platform.parse(text(r, "found"))));
    }
  }

  /**
   * Upstream calls getAnnotations(constraint) on an image; here the image is an index offering
   * the constraint's platform (so that it is discovered) and every platform with annotations.
   */
  private static void annotations(JsonNode r) {
    String constraint = textOrNull(r, "constraint");
    Map<String, Map<String, String>> perPlatform = new java.util.TreeMap<>();
    r.path("platformAnnotations").properties().forEach(e -> perPlatform.put(e.getKey(), map(e.getValue())));
    List<String> platforms = new ArrayList<>(perPlatform.keySet());
    String needed = constraint == null ? "linux/amd64" : constraint;
    if (!platforms.contains(needed)) {
      platforms.add(needed);
    }
    Selection s = selectOne(index(platforms, map(r.get("base")), perPlatform), constraint);
    assertThat(s.discovered()).singleElement().satisfies(d -> assertThat(d.annotations()).isEqualTo(map(r.get("result"))));
  }

  @TestFactory
  Stream<DynamicTest> createdTime() {
    return PeerSuite.open("kargo/created-time.json")
        .run("image", 11, r -> assertThat(BuildTime.of(map(r.get("manifestAnnotations")), map(r.get("configLabels")),
            Instant.parse(text(r, "configCreated")))).isEqualTo(Instant.parse(text(r, "v1.11.2"))))
        .run("index", 3, r -> {
          List<TagImage.Entry> entries = new ArrayList<>();
          r.get("entries").forEach(e -> entries.add(new TagImage.Entry(Platform.parse(text(e, "platform")),
              Instant.parse(text(e, "imageCreated")), map(e.get("entryAnnotations")))));
          assertThat(new TagImage.Index("sha256:i", map(r.get("indexAnnotations")), entries).created())
              .contains(Instant.parse(text(r, "v1.11.2")));
        })
        .tests();
  }

  @TestFactory
  Stream<DynamicTest> selectorConfig() {
    return PeerSuite.open("kargo/selector-config.json")
        .each("construction", 19, KargoSelectionConformanceTest::constructionSkip, KargoSelectionConformanceTest::construction)
        .each("defaults", 2, r -> r.get("input").size() == 0 ? Optional.empty()
                : Optional.of("ImageSubscription has no unset field: every value is given, so there is nothing to keep"),
            r -> assertThat(List.of(ImageSubscription.DEFAULT_STRATEGY.kargoName(), ImageSubscription.DEFAULT_STRICT_SEMVERS,
                ImageSubscription.DEFAULT_DISCOVERY_LIMIT)).containsExactly(r.get("output").get("imageSelectionStrategy").asText(),
                r.get("output").get("strictSemvers").asBoolean(), r.get("output").get("discoveryLimit").asInt()))
        .run("repoURL", 16, r -> assertThat(Checks.isKargoRepoUrl(text(r, "repoURL"))).isEqualTo(r.get("valid").asBoolean()))
        .skip("validate", 10, "Kargo's admission webhook (the first error of ValidateSubscription): image-factory's validate "
            + "reports these from images.yaml, with its own positions and messages")
        .tests();
  }

  private static Optional<String> constructionSkip(JsonNode r) {
    JsonNode sub = r.get("sub");
    if (sub.has("allowTags") || sub.has("ignoreTags")) {
      return Optional.of("the deprecated allowTags/ignoreTags: ImageSubscription has neither, the generator writes only *Regexes");
    }
    if (!sub.has("repoURL") && !sub.has("platform")) {
      return Optional.of("no repoURL: Kargo fails building its registry client (name.NewRepository), the registry client's concern");
    }
    return Optional.empty();
  }

  private static void construction(JsonNode r) {
    JsonNode sub = r.get("sub");
    String selector = text(r, "selector");
    SelectionStrategy strategy = selector.equals("tagBased") || selector.equals("base")
        ? SelectionStrategy.LEXICAL : SelectionStrategy.fromKargoName(selector);
    ImageSubscription subscription = new ImageSubscription(sub.path("repoURL").asText(""), strategy,
        Optional.of(sub.path("constraint").asText("")).filter(c -> !c.isEmpty()), strings(sub.path("allowTagsRegexes")),
        strings(sub.path("ignoreTagsRegexes")), false, Optional.of(sub.path("platform").asText("")).filter(p -> !p.isEmpty()), 20);
    Selection s = TagSelection.select(subscription, List.of(), t -> Optional.empty());
    if (!r.get("error").isNull()) {
      assertThat(s.failure()).hasValueSatisfying(f -> assertThat(f).contains(text(r, "error")));
      return;
    }
    assertThat(s.failure()).isEmpty();
    SelectionRules rules = SelectionRules.of(subscription);
    if (r.has("constraintIsNil")) {
      assertThat(rules.constraint()).isEmpty();
    }
    if (r.has("mutableTag")) {
      assertThat(rules.followedTag()).isEqualTo(text(r, "mutableTag"));
    }
    if (r.has("platformConstraint")) {
      JsonNode p = r.get("platformConstraint");
      assertThat(rules.platform()).contains(new Platform(text(p, "os"), text(p, "arch"), text(p, "variant")));
    }
  }

  @TestFactory
  Stream<DynamicTest> integrationLive() {
    return PeerSuite.open("kargo/integration-live.json")
        .skip("vectors", 26, "live Docker Hub and ghcr.io with partial expectations: a manual smoke test of preview with "
            + "network access, not a CI vector (the file says so)")
        .tests();
  }

  // --- helpers

  private static SelectionRules rules(JsonNode r, SelectionStrategy strategy) {
    return SelectionRules.of(strategy, r.path("constraint").isNull() ? "" : r.path("constraint").asText(""),
        strings(r.get("allowTagsRegexes")), strings(r.get("ignoreTagsRegexes")), r.path("strictSemvers").asBoolean(false), "", 0);
  }

  private static boolean passes(SelectionRules rules, String tag) {
    return TagFilter.filter(rules, List.of(tag)).candidates().size() == 1;
  }

  private static Selection selectOne(TagImage image, String platform) {
    SelectionRules rules = SelectionRules.of(SelectionStrategy.LEXICAL, "", List.of(), List.of(), false,
        platform == null ? "" : platform, 0);
    return TagSelection.select(rules, List.of("t"), ImageLookup.of(Map.of("t", image)));
  }

  private static ImageSubscription subscription(SelectionStrategy strategy, String platform) {
    return new ImageSubscription("example/image", strategy, Optional.empty(), List.of(), List.of(), true,
        Optional.of(platform), 20);
  }

  private static TagImage manifest(Instant created) {
    return new TagImage.Manifest("sha256:" + created.toEpochMilli(), created, Map.of());
  }

  private static TagImage index(List<String> platforms, Map<String, String> base, Map<String, Map<String, String>> perPlatform) {
    List<TagImage.Entry> entries = new ArrayList<>();
    platforms.forEach(p -> entries.add(new TagImage.Entry(Platform.parse(p), Instant.EPOCH, perPlatform.getOrDefault(p, Map.of()))));
    return new TagImage.Index("sha256:index", base, entries);
  }

  private static Map<String, String> map(JsonNode object) {
    Map<String, String> out = new java.util.TreeMap<>();
    if (object != null && object.isObject()) {
      object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static String text(JsonNode row, String field) {
    return row.get(field).asText();
  }

  private static String textOrNull(JsonNode row, String field) {
    return row.path(field).isNull() || row.path(field).isMissingNode() ? null : row.get(field).asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }
}
