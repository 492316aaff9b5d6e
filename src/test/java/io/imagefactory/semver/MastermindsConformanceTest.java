package io.imagefactory.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagefactory.testing.PeerSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Masterminds/semver v3.4.0's own test tables (src/test/resources/kargo-selection/
 * masterminds-semver), every vector of every file; each file ends with a test that the number of
 * vectors is the one SOURCE.md documents.
 */
class MastermindsConformanceTest {
  private static final Map<String, VersionError> ERRORS = Map.of(
      "ErrSegmentStartsZero", VersionError.SEGMENT_STARTS_ZERO,
      "ErrInvalidPrerelease", VersionError.INVALID_PRERELEASE,
      "ErrInvalidMetadata", VersionError.INVALID_METADATA);

  @TestFactory
  Stream<DynamicTest> versionParse() {
    return PeerSuite.open("masterminds-semver/version-parse.json")
        .run("strictNewVersion", 48, r -> assertThat(Version.tryParseStrict(text(r, "version")).isPresent())
            .isEqualTo(r.get("valid").asBoolean()))
        .run("newVersion", 42, r -> assertThat(Version.tryParse(text(r, "version")).isPresent())
            .isEqualTo(r.get("valid").asBoolean()))
        .run("coerceString", 16, r -> assertThat(Version.parse(text(r, "version"))).hasToString(text(r, "string")))
        .run("original", 16, r -> assertThat(Version.parse(text(r, "version")).original()).isEqualTo(text(r, "original")))
        .skip("originalVPrefix", 2, "internal helper of Inc*/Set*, which Kargo's selection never calls")
        .run("parts", 1, MastermindsConformanceTest::parts)
        .run("validatePrerelease", 5, r -> assertThat(Prereleases.prereleaseProblem(text(r, "prerelease")))
            .isEqualTo(error(r)))
        .run("validateMetadata", 6, r -> assertThat(Prereleases.metadataProblem(text(r, "metadata")))
            .isEqualTo(error(r)))
        .tests();
  }

  private static void parts(JsonNode r) {
    Version v = Version.parse(text(r, "version"));
    assertThat(List.of(v.major(), v.minor(), v.patch()))
        .containsExactly(r.get("major").asLong(), r.get("minor").asLong(), r.get("patch").asLong());
    assertThat(v.prerelease()).isEqualTo(text(r, "prerelease"));
    assertThat(v.metadata()).isEqualTo(text(r, "metadata"));
  }

  @TestFactory
  Stream<DynamicTest> versionCompare() {
    return PeerSuite.open("masterminds-semver/version-compare.json")
        .run("compare", 19, r -> assertThat(Integer.signum(v(r, "v1").compareTo(v(r, "v2")))).isEqualTo(r.get("compare").asInt()))
        .run("lessThan", 3, r -> assertThat(v(r, "v1").compareTo(v(r, "v2")) < 0).isEqualTo(r.get("lessThan").asBoolean()))
        .run("lessThanEqual", 3, r -> assertThat(v(r, "v1").compareTo(v(r, "v2")) <= 0).isEqualTo(r.get("lessThanEqual").asBoolean()))
        .run("greaterThan", 8, r -> assertThat(v(r, "v1").compareTo(v(r, "v2")) > 0).isEqualTo(r.get("greaterThan").asBoolean()))
        .run("greaterThanEqual", 3, r -> assertThat(v(r, "v1").compareTo(v(r, "v2")) >= 0)
            .isEqualTo(r.get("greaterThanEqual").asBoolean()))
        .each("equal", 7, r -> r.get("v1").isNull() || r.get("v2").isNull()
                ? Optional.of("a nil *Version: Java has no such value, Version never takes null") : Optional.empty(),
            r -> assertThat(v(r, "v1").samePrecedence(v(r, "v2"))).isEqualTo(r.get("equal").asBoolean()))
        .run("collectionSort", 1, MastermindsConformanceTest::collectionSort)
        .tests();
  }

  private static void collectionSort(JsonNode r) {
    List<Version> versions = new ArrayList<>();
    r.get("input").forEach(t -> versions.add(Version.parse(t.asText())));
    versions.sort(null);
    assertThat(versions.stream().map(Version::toString)).containsExactlyElementsOf(strings(r.get("sortedAscending")));
  }

  @TestFactory
  Stream<DynamicTest> constraintParse() {
    return PeerSuite.open("masterminds-semver/constraint-parse.json")
        .run("newConstraint", 17, MastermindsConformanceTest::newConstraint)
        .run("parseComparator", 11, MastermindsConformanceTest::parseComparator)
        .run("rewriteRange", 5, r -> assertThat(ConstraintSyntax.rewriteRange(text(r, "input"))).isEqualTo(text(r, "rewritten")))
        .run("string", 6, r -> assertThat(Constraints.parse(text(r, "constraint"))).hasToString(text(r, "string")))
        .run("isX", 5, r -> assertThat(ConstraintSyntax.isWildcard(text(r, "part"))).isEqualTo(r.get("isWildcard").asBoolean()))
        .tests();
  }

  private static void newConstraint(JsonNode r) {
    String c = text(r, "constraint");
    if (!r.get("valid").asBoolean()) {
      assertThatThrownBy(() -> Constraints.parse(c)).isInstanceOf(InvalidConstraintException.class);
      return;
    }
    Constraints parsed = Constraints.parse(c);
    assertThat(parsed.groups()).hasSize(r.get("orGroups").asInt());
    assertThat(parsed.groups().get(0)).hasSize(r.get("comparatorsInFirstGroup").asInt());
  }

  private static void parseComparator(JsonNode r) {
    String c = text(r, "comparator");
    if (!r.get("valid").asBoolean()) {
      assertThatThrownBy(() -> Term.parse(c)).isInstanceOf(InvalidConstraintException.class);
      return;
    }
    Term t = Term.parse(c);
    assertThat(t.operator().goName()).isEqualTo(text(r, "operatorFunc"));
    assertThat(t.version()).hasToString(text(r, "versionString"));
  }

  @TestFactory
  Stream<DynamicTest> constraintCheck() {
    return PeerSuite.open("masterminds-semver/constraint-check.json")
        .run("singleComparator", 118, MastermindsConformanceTest::singleComparator)
        .run("constraints", 126, r -> assertThat(Constraints.parse(text(r, "constraint")).check(v(r, "version")))
            .isEqualTo(r.get("check").asBoolean()))
        .run("validate", 71, r -> assertThat(Constraints.parse(text(r, "constraint")).violations(v(r, "version")))
            .matches(errors -> errors.isEmpty() == r.get("check").asBoolean(), "empty exactly when satisfied"))
        .tests();
  }

  /** Upstream's TestConstraintCheck calls the internal parseConstraint(c).check(v, c has a prerelease). */
  private static void singleComparator(JsonNode r) {
    Term t = Term.parse(text(r, "constraint"));
    assertThat(t.check(v(r, "version"), t.version().isPrerelease()) == null).isEqualTo(r.get("check").asBoolean());
  }

  @TestFactory
  Stream<DynamicTest> constraintCheckIncludePrerelease() {
    return PeerSuite.open("masterminds-semver/constraint-check-include-prerelease.json")
        .run("check", 130, r -> assertThat(Constraints.parse(text(r, "constraint")).includingPrereleases().check(v(r, "version")))
            .isEqualTo(r.get("check").asBoolean()))
        .run("validate", 79, r -> assertThat(Constraints.parse(text(r, "constraint")).includingPrereleases()
            .violations(v(r, "version"))).matches(e -> e.isEmpty() == r.get("check").asBoolean(), "empty exactly when satisfied"))
        .tests();
  }

  private static VersionError error(JsonNode row) {
    return row.get("error").isNull() ? null : ERRORS.get(row.get("error").asText());
  }

  private static Version v(JsonNode row, String field) {
    return Version.parse(text(row, field));
  }

  private static String text(JsonNode row, String field) {
    return row.get(field).asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
