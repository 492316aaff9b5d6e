package io.imagefactory.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.config.ImageMetadata;
import io.imagefactory.state.Verification;
import io.imagefactory.state.Verification.Phase;
import io.imagefactory.state.Verification.Platform;
import io.imagefactory.state.Verification.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The design document's phases, conditions and conflict rules, decided from values. */
class VerifierTest {
  static final Instant T0 = Instant.parse("2026-01-04T13:00:00Z");
  static final Instant T1 = T0.plus(Duration.ofHours(1));
  static final String D1 = "sha256:" + "1".repeat(64);
  static final String D2 = "sha256:" + "2".repeat(64);
  static final Platform AMD64 = new Platform("linux", "amd64", Optional.empty());
  static final Platform ARM64 = new Platform("linux", "arm64", Optional.of("v8"));

  static Target target(Optional<String> pinned, Optional<ImageMetadata> declared) {
    return new Target("app", Target.Kind.IMAGE, Optional.of("ghcr.io/acme/app:v1"), pinned, declared, Duration.ofHours(1));
  }

  static Outcome single(String digest, Platform p) {
    return new Outcome.Resolved(new Verification.RegistryMetadata(digest,
        "application/vnd.oci.image.manifest.v1+json", 2048, 3, Optional.of(p), List.of(), T0));
  }

  static ImageMetadata declares(String architecture, Set<String> overrides) {
    return new ImageMetadata(new ImageMetadata.PlatformFields(Optional.of(architecture), Optional.empty(),
        Optional.empty()), ImageMetadata.Distribution.NONE, List.of(), List.of(), overrides);
  }

  @Test
  void anAccessibleImageIsAvailableWithTheRegistrysMetadata() {
    Verification v = Verifier.verify(target(Optional.empty(), Optional.empty()), single(D1, AMD64), Optional.empty(), T0);

    assertThat(v.phase()).isEqualTo(Phase.AVAILABLE);
    assertThat(v.registryMetadata().orElseThrow().resolvedDigest()).isEqualTo(D1);
    assertThat(v.conditions()).singleElement().satisfies(c -> {
      assertThat(c.type()).isEqualTo("Available");
      assertThat(c.status()).isEqualTo(Status.TRUE);
      assertThat(c.reason()).isEqualTo("RegistryAccessible");
    });
    assertThat(v.metadata()).isEmpty();
  }

  @Test
  void requiredPlatformsAndSizeBudgetsAreTheRequirementsMetCondition() {
    Target t = target(Optional.empty(), Optional.empty());
    Outcome.Resolved meets = new Outcome.Resolved(((Outcome.Resolved) single(D1, AMD64)).metadata(),
        Optional.of(List.of()));
    Outcome.Resolved lacks = new Outcome.Resolved(meets.metadata(), Optional.of(List.of(
        "ghcr.io/acme/app:v1 lacks the platform linux/arm64 (it has linux/amd64)")));
    Outcome.Resolved heavy = new Outcome.Resolved(meets.metadata(), Optional.of(List.of(
        "ghcr.io/acme/app:v1 for linux/amd64 is 40.0 MB compressed, over the budget of 30.0 MB")));

    Verification ok = Verifier.verify(t, meets, Optional.empty(), T0);
    Verification missing = Verifier.verify(t, lacks, Optional.of(ok), T1);
    Verification over = Verifier.verify(t, heavy, Optional.of(missing), T1.plusSeconds(60));
    Verification down = Verifier.verify(t, new Outcome.Failure(true, "Timeout", "no answer"), Optional.of(over),
        T1.plusSeconds(120));

    assertThat(ok.condition(Verifier.REQUIREMENTS_MET).orElseThrow().status()).isEqualTo(Status.TRUE);
    assertThat(missing.condition(Verifier.REQUIREMENTS_MET).orElseThrow()).satisfies(c -> {
      assertThat(c.status()).isEqualTo(Status.FALSE);
      assertThat(c.reason()).isEqualTo("MissingPlatform");
      assertThat(c.message()).contains("lacks the platform linux/arm64");
      assertThat(c.lastTransitionTime()).isEqualTo(T1);
    });
    assertThat(over.condition(Verifier.REQUIREMENTS_MET).orElseThrow()).satisfies(c -> {
      assertThat(c.reason()).isEqualTo("OverSizeBudget");
      assertThat(c.lastTransitionTime()).as("still False: the transition time stays").isEqualTo(T1);
    });
    assertThat(down.condition(Verifier.REQUIREMENTS_MET)).as("kept while the registry is down")
        .isEqualTo(over.condition(Verifier.REQUIREMENTS_MET));
    assertThat(Verifier.verify(t, single(D1, AMD64), Optional.empty(), T0).condition(Verifier.REQUIREMENTS_MET))
        .as("no requirements declared, no condition").isEmpty();
  }

  @Test
  void transientFailuresAreUnavailablePermanentOnesFailedAndBothKeepTheLastMetadata() {
    Verification ok = Verifier.verify(target(Optional.empty(), Optional.empty()), single(D1, AMD64), Optional.empty(), T0);
    Verification down = Verifier.verify(target(Optional.empty(), Optional.empty()),
        new Outcome.Failure(true, "Timeout", "no answer"), Optional.of(ok), T1);
    Verification gone = Verifier.verify(target(Optional.empty(), Optional.empty()),
        new Outcome.Failure(false, "NotFound", "404"), Optional.of(down), T1.plusSeconds(60));

    assertThat(down.phase()).isEqualTo(Phase.UNAVAILABLE);
    assertThat(gone.phase()).isEqualTo(Phase.FAILED);
    assertThat(gone.registryMetadata()).isEqualTo(ok.registryMetadata());
    assertThat(gone.condition("Available").orElseThrow()).satisfies(c -> {
      assertThat(c.status()).isEqualTo(Status.FALSE);
      assertThat(c.reason()).isEqualTo("NotFound");
      assertThat(c.lastTransitionTime()).as("the status stayed False").isEqualTo(T1);
    });
  }

  @Test
  void lastTransitionTimeMovesOnlyWithTheStatus() {
    Target t = target(Optional.empty(), Optional.empty());
    Verification first = Verifier.verify(t, single(D1, AMD64), Optional.empty(), T0);
    Verification again = Verifier.verify(t, single(D2, AMD64), Optional.of(first), T1);

    assertThat(again.condition("Available").orElseThrow().lastTransitionTime()).isEqualTo(T0);
    assertThat(again.lastVerificationTime()).isEqualTo(T1);
  }

  @Test
  void aDeclaredArchitectureTheRegistryDoesNotServeIsAConflictNamingBothAndTheRegistryWins() {
    Verification v = Verifier.verify(target(Optional.empty(), Optional.of(declares("arm64", Set.of()))),
        single(D1, AMD64), Optional.empty(), T0);

    assertThat(v.condition("MetadataConsistent").orElseThrow()).satisfies(c -> {
      assertThat(c.status()).isEqualTo(Status.FALSE);
      assertThat(c.reason()).isEqualTo("MetadataConflict");
      assertThat(c.message()).isEqualTo("architecture is declared arm64 but the registry serves amd64;"
          + " the registry's value is reported");
    });
    assertThat(v.metadata().orElseThrow().architecture()).contains("amd64");
    assertThat(v.phase()).isEqualTo(Phase.AVAILABLE);
  }

  @Test
  void anOverrideKeepsTheDeclaredValueButStillReportsTheConflict() {
    Verification v = Verifier.verify(target(Optional.empty(), Optional.of(declares("arm64", Set.of("architecture")))),
        single(D1, AMD64), Optional.empty(), T0);

    assertThat(v.metadata().orElseThrow().architecture()).contains("arm64");
    assertThat(v.condition("MetadataConsistent").orElseThrow().message()).endsWith("as overrides lists it");
  }

  @Test
  void anIndexAgreesWhenOneOfItsPlatformsHasTheDeclaredValueInEitherSpelling() {
    Outcome index = new Outcome.Resolved(new Verification.RegistryMetadata(D1,
        "application/vnd.oci.image.index.v1+json", 4096, 4, Optional.empty(), List.of(AMD64, ARM64), T0));
    Verification v = Verifier.verify(target(Optional.empty(), Optional.of(declares("aarch64", Set.of()))), index,
        Optional.empty(), T0);

    assertThat(v.condition("MetadataConsistent").orElseThrow().status()).isEqualTo(Status.TRUE);
    assertThat(v.metadata().orElseThrow().architecture()).contains("arm64");
    assertThat(v.metadata().orElseThrow().os()).contains("linux");
  }

  @Test
  void aPinnedDigestTheTagNoLongerPointsAtIsReported() {
    Verification moved = Verifier.verify(target(Optional.of(D1), Optional.empty()), single(D2, AMD64),
        Optional.empty(), T0);
    Verification same = Verifier.verify(target(Optional.of(D1), Optional.empty()), single(D1, AMD64),
        Optional.empty(), T0);

    assertThat(moved.condition("DigestPinned").orElseThrow().message())
        .isEqualTo("ghcr.io/acme/app:v1 now points at " + D2 + ", not at the pinned " + D1);
    assertThat(moved.condition("DigestPinned").orElseThrow().reason()).isEqualTo("TagMoved");
    assertThat(same.condition("DigestPinned").orElseThrow().status()).isEqualTo(Status.TRUE);
    assertThat(VerifyReport.moved(List.of(new Checked(target(Optional.of(D1), Optional.empty()), moved),
        new Checked(target(Optional.of(D1), Optional.empty()), same)))).hasSize(1);
  }

  @Test
  void nothingToResolveIsPending() {
    Verification v = Verifier.verify(target(Optional.empty(), Optional.empty()), new Outcome.NothingToVerify("no tag"),
        Optional.empty(), T0);

    assertThat(v.phase()).isEqualTo(Phase.PENDING);
    assertThat(v.condition("Available").orElseThrow().status()).isEqualTo(Status.UNKNOWN);
  }
}
