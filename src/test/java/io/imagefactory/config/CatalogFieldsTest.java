package io.imagefactory.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.Problem;
import io.imagefactory.testing.EditorSchemas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** images.yaml's catalog fields (digest, verificationInterval, metadata) and the uniqueness rule. */
class CatalogFieldsTest {
  private static final String FILE = "image-factory/images.yaml";
  private static final String DIGEST = "sha256:" + "a".repeat(64);
  private static final String ENTRY = EnrollmentReaderTest.EXTERNAL + """
        digest: %s
        verificationInterval: 30m
        metadata:
          architecture: aarch64
          variant: v8
          distro: cs9
          distroVersion: 9.4
          kernelVersion: 6.1.0-rt
          bootcCapable: true
          targets:
            - name: raspberry-pi
              verified: true
              notes: Tested on Pi 4 Model B (8GB)
          tags: [production, embedded]
          overrides: [variant]
      """.formatted(DIGEST);

  @Test
  void readsTheDesignDocumentsMetadataBlock() {
    List<Problem> problems = new ArrayList<>();
    ImageEnrollment e = EnrollmentReader.read(ENTRY, FILE, problems).get(0);

    assertThat(problems).isEmpty();
    assertThat(EditorSchemas.load().imagesErrors(ENTRY)).as("schema").isEmpty();
    ImageEnrollment.Catalog c = e.catalog();
    assertThat(c.digest()).contains(DIGEST);
    assertThat(c.verificationInterval()).contains(Duration.ofMinutes(30));
    ImageMetadata m = c.metadata().orElseThrow();
    assertThat(m.platform().architecture()).contains("aarch64");
    assertThat(ImageMetadata.normalArchitecture("aarch64")).isEqualTo("arm64");
    assertThat(m.distribution().distroVersion()).contains("9.4");
    assertThat(m.distribution().bootcCapable()).contains(true);
    assertThat(m.targets()).containsExactly(new ImageMetadata.Target("raspberry-pi", true,
        Optional.of("Tested on Pi 4 Model B (8GB)")));
    assertThat(m.tags()).containsExactly("production", "embedded");
    assertThat(m.overrides()).isEqualTo(Set.of("variant"));
  }

  @Test
  void rejectsAnOverrideOfAFieldNotDeclaredAShortIntervalAndABadDigest() {
    String bad = EnrollmentReaderTest.EXTERNAL + """
          digest: sha256:abc
          verificationInterval: 30s
          metadata:
            os: linux
            overrides: [architecture, distro]
        """;
    List<Problem> problems = new ArrayList<>();
    EnrollmentReader.read(bad, FILE, problems);

    assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p).contains(
            "digest \"sha256:abc\" is not a digest"))
        .anySatisfy(p -> assertThat(p).contains("verificationInterval 30s is shorter than a minute"))
        .anySatisfy(p -> assertThat(p).contains("overrides lists \"architecture\", but metadata declares no architecture"))
        .anySatisfy(p -> assertThat(p).contains("overrides lists \"distro\", which the registry does not report"));
  }

  @Test
  void twoEnrollmentsOfOneRepositoryAndTagAreAValidateError() {
    String twice = EnrollmentReaderTest.EXTERNAL + EnrollmentReaderTest.EXTERNAL.replace("name: postgres", "name: pg")
        .replace("docker.io", "index.docker.io");
    List<Problem> problems = new ArrayList<>();
    EnrollmentReader.read(twice, FILE, problems);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.isError()).isTrue();
      assertThat(p.toString()).contains(FILE + ":8:", "image \"pg\" enrolls docker.io/library/postgres:16-alpine,"
          + " as image \"postgres\" at " + FILE + ":1 already does", "enroll each image once");
    });
  }

  @Test
  void theSameRepositoryFollowingTwoTagsIsTwoImages() {
    String two = EnrollmentReaderTest.EXTERNAL + EnrollmentReaderTest.EXTERNAL.replace("name: postgres", "name: pg17")
        .replace("^16-alpine$", "^17-alpine$");
    List<Problem> problems = new ArrayList<>();
    EnrollmentReader.read(two, FILE, problems);

    assertThat(problems).isEmpty();
  }

  @Test
  void entriesWatchingTheSameRangeOfTagsAreNotHeldToTheRule() {
    String range = EnrollmentReaderTest.EXTERNAL.replace("^16-alpine$", "^16\\.[0-9]+-alpine$");
    List<Problem> problems = new ArrayList<>();
    EnrollmentReader.read(range + range.replace("name: postgres", "name: pg"), FILE, problems);

    assertThat(problems).isEmpty();
  }

  @Test
  void settingsReadTheFleetIntervalAndRegistries() {
    List<Problem> problems = new ArrayList<>();
    Settings s = SettingsReader.read("""
        stateRepository: {url: https://example.invalid/s.git}
        analysis: {image: ghcr.io/acme/analysis:1}
        verificationInterval: 1.5h
        registries:
          insecure: [registry.internal:5000]
          mirrors: {docker.io: https://mirror.gcr.io}
          credentialSecrets: [ghcr-creds]
        """, "image-factory/settings.yaml", problems);

    assertThat(problems).isEmpty();
    assertThat(s.verificationInterval()).isEqualTo(Duration.ofMinutes(90));
    assertThat(s.registries().insecure()).containsExactly("registry.internal:5000");
    assertThat(s.registries().mirrors()).containsEntry("docker.io", "https://mirror.gcr.io");
    assertThat(s.registries().credentialSecrets()).containsExactly("ghcr-creds");
  }
}
