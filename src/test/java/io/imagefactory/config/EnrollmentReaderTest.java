package io.imagefactory.config;

import io.imagefactory.tags.SelectionStrategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.Problem;
import io.imagefactory.yaml.YamlSyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnrollmentReaderTest {
  private static final String FILE = "image-factory/images.yaml";

  static final String MANAGED = """
      - name: backstage
        registry: ghcr.io
        repository: craigedmunds/backstage
        source:
          provider: github
          repo: craigedmunds/argocd-eda
          branch: main
          dockerfile: apps/backstage/packages/backend/Dockerfile
          workflow: backstage.yml
        rebuildDelay: 7d
        autoRebuild: true
      """;

  static final String EXTERNAL = """
      - name: postgres
        registry: docker.io
        repository: library/postgres
        allowTags: ^16-alpine$
        imageSelectionStrategy: Lexical
        rebuildDelay: 30d
        autoRebuild: false
      """;

  @Nested
  class DesignDocumentFormats {
    @Test
    void readsTheManagedImageOfTheDesignDocument() {
      ImageEnrollment e = readOne(MANAGED);
      assertThat(e.isManaged()).isTrue();
      assertThat(e.repoUrl()).isEqualTo("ghcr.io/craigedmunds/backstage");
      assertThat(e.source()).contains(new Source(Provider.GITHUB, "craigedmunds/argocd-eda", "main",
          "apps/backstage/packages/backend/Dockerfile", java.util.Optional.of("backstage.yml"), java.util.Map.of()));
      assertThat(e.rebuild().delay().goDuration()).isEqualTo("168h0m0s");
      assertThat(e.rebuild().auto()).isTrue();
      assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void readsTheExternalImageOfTheDesignDocument() {
      ImageEnrollment e = readOne(EXTERNAL);
      assertThat(e.isManaged()).isFalse();
      assertThat(e.tags().allowTags()).isEqualTo("^16-alpine$");
      assertThat(e.tags().strategy()).isEqualTo(SelectionStrategy.LEXICAL);
      assertThat(e.rebuild().delay().duration()).hasDays(30);
      assertThat(e.rebuild().auto()).isFalse();
    }

    @Test
    void fillsInDefaultsForOptionalSourceFields() {
      ImageEnrollment e = readOne("""
          - name: api
            registry: registry.gitlab.com
            repository: acme/api
            source: {provider: gitlab, repo: acme/platform/api}
          """);
      assertThat(e.source().orElseThrow().branch()).isEqualTo("main");
      assertThat(e.source().orElseThrow().dockerfile()).isEqualTo("Dockerfile");
      assertThat(e.rebuild()).isEqualTo(ImageEnrollment.Rebuild.DEFAULT);
    }

    @Test
    void keepsNumericLookingValuesAsWritten() {
      ImageEnrollment e = readOne("""
          - name: api
            registry: ghcr.io
            repository: acme/api
            source:
              provider: github
              repo: acme/api
              workflow: build.yml
              buildArgs: {JAVA_VERSION: 21, RELEASE: 1.10}
          """);
      assertThat(e.source().orElseThrow().buildArgs()).containsEntry("JAVA_VERSION", "21").containsEntry("RELEASE", "1.10");
    }

    @Test
    void refusesAFileThatEnrollsNoImage() {
      List<Problem> problems = new ArrayList<>();
      assertThat(EnrollmentReader.read("# nothing enrolled yet\n", FILE, problems)).isEmpty();
      assertThat(problems).extracting(Problem::toString).singleElement().asString()
          .startsWith(FILE + ":1:1: images.yaml enrolls no image (the file is empty or only comments).")
          .contains("would remove every Warehouse and Stage from dist/");
    }
  }

  @Nested
  class Rejections {
    @Test
    void rejectsAnUnknownFieldWithADidYouMean() {
      assertThat(errors(EXTERNAL.replace("allowTags:", "allowtag:"))).containsExactly(
          FILE + ":4:3: unknown field \"allowtag\" in an image entry. did you mean \"allowTags\"?",
          FILE + ":1:3: external image \"postgres\" has no allowTags, so nothing would be watched."
              + " add 'allowTags: ^16-alpine$' (the tags to watch), or a 'source' to build it yourself.");
    }

    @Test
    void rejectsAnUnknownSourceFieldWithADidYouMean() {
      assertThat(errors(MANAGED.replace("dockerfile:", "dockerFile:")))
          .containsExactly(FILE + ":8:5: unknown field \"dockerFile\" in source. did you mean \"dockerfile\"?");
    }

    @Test
    void listsTheFieldsWhenNothingIsClose() {
      assertThat(errors(EXTERNAL.replace("autoRebuild: false", "colour: blue")))
          .singleElement().asString().contains("unknown field \"colour\"", "the fields of an image entry are: name,");
    }

    @Test
    void rejectsADuplicateNameNamingTheFirstLine() {
      assertThat(errors(EXTERNAL + EXTERNAL)).containsExactly(
          FILE + ":8:9: image name \"postgres\" is already used at line 1. give each image a unique name.");
    }

    @Test
    void rejectsADuplicateKey() {
      assertThat(errors(EXTERNAL.replace("  rebuildDelay: 30d\n", "  rebuildDelay: 30d\n  rebuildDelay: 7d\n")))
          .containsExactly(FILE + ":7:3: \"rebuildDelay\" is given twice (first at line 6). keep one of them.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Backstage | image name \"Backstage\" is not a DNS-1123 label",
        "back_stage | image name \"back_stage\" is not a DNS-1123 label",
        "-backstage | image name \"-backstage\" is not a DNS-1123 label",
        "a234567890123456789012345678901234567890123456789012345678901234 | is not a DNS-1123 label"})
    void rejectsNamesThatAreNotDnsLabels(String name, String message) {
      assertThat(errors(MANAGED.replace("name: backstage", "name: \"" + name + "\"")))
          .singleElement().asString().startsWith(FILE + ":1:9: ").contains(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"7days", "7", "1w", "-1d", "7 d", "1.5d", "d", "106752d", "999999d999999d"})
    void rejectsDurationsThatAreNotDaysHoursMinutesOrSecondsOrLongerThanGoHolds(String delay) {
      assertThat(errors(MANAGED.replace("rebuildDelay: 7d", "rebuildDelay: \"" + delay + "\"")))
          .containsExactly(FILE + ":10:17: rebuildDelay \"" + delay + "\" is not a duration."
              + " write a number and a unit: 7d, 30d, 12h, 90m (units d, h, m, s; combine as 1d12h), at most 106751d.");
    }

    @Test
    void writesTheLongestDelayAsGoPrintsIt() {
      assertThat(RebuildDelay.parse("106751d").goDuration()).isEqualTo("2562024h0m0s");
      assertThat(RebuildDelay.parse("1d12h30s").goDuration()).isEqualTo("36h0m30s");
    }

    @Test
    void acceptsTheDurationsOfTheDesign() {
      for (String d : List.of("7d", "30d", "12h", "90m", "1d12h", "45s")) {
        assertThat(errors(MANAGED.replace("rebuildDelay: 7d", "rebuildDelay: " + d))).isEmpty();
      }
    }

    @Test
    void rejectsAnUnknownStrategy() {
      assertThat(errors(EXTERNAL.replace("Lexical", "Newest"))).containsExactly(
          FILE + ":5:27: unknown imageSelectionStrategy \"Newest\". use one of SemVer, Lexical, NewestBuild, Digest.");
    }

    @Test
    void rejectsAnUnknownProvider() {
      assertThat(errors(MANAGED.replace("provider: github", "provider: bitbucket")))
          .containsExactly(FILE + ":5:15: unknown provider \"bitbucket\". use github or gitlab.");
    }

    @Test
    void rejectsARegexGoRe2CannotCompile() {
      assertThat(errors(EXTERNAL.replace("^16-alpine$", "^(?!rc)16.*$"))).singleElement().asString()
          .startsWith(FILE + ":4:14: allowTags \"^(?!rc)16.*$\" is not a regular expression Kargo (Go RE2) can compile")
          .endsWith("RE2 has no lookahead, lookbehind or backreferences; use ignoreTags to exclude tags.");
    }

    @Test
    void rejectsABrokenIgnoreTagsRegex() {
      assertThat(errors(EXTERNAL + "  ignoreTags: ['-rc[0-9+$']\n")).singleElement().asString()
          .startsWith(FILE + ":8:15: ignoreTags \"-rc[0-9+$\" is not a regular expression");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "registry | https://ghcr.io | registry \"https://ghcr.io\" is not a registry host",
        "registry | ghcr.io/acme | registry \"ghcr.io/acme\" is not a registry host",
        "repository | Craig/Backstage | repository \"Craig/Backstage\" is not a valid repository path",
        "repository | acme/app:1.0 | repository \"acme/app:1.0\" is not a valid repository path",
        "repository | acme//app | repository \"acme//app\" is not a valid repository path"})
    void rejectsBadRegistryAndRepositorySyntax(String field, String value, String message) {
      String original = field.equals("registry") ? "registry: ghcr.io" : "repository: craigedmunds/backstage";
      assertThat(errors(MANAGED.replace(original, field + ": \"" + value + "\"")))
          .singleElement().asString().contains(message);
    }

    @Test
    void requiresAllowTagsAndAStrategyForExternalImages() {
      String noTags = EXTERNAL.replace("  allowTags: ^16-alpine$\n", "").replace("  imageSelectionStrategy: Lexical\n", "");
      assertThat(errors(noTags)).containsExactly(
          FILE + ":1:3: external image \"postgres\" has no allowTags, so nothing would be watched."
              + " add 'allowTags: ^16-alpine$' (the tags to watch), or a 'source' to build it yourself.",
          FILE + ":1:3: external image \"postgres\" has no imageSelectionStrategy. add 'imageSelectionStrategy: Lexical'"
              + " to follow one tag, or SemVer for version tags (Kargo's default, SemVer, ignores tags like 16-alpine).");
    }

    @Test
    void requiresAWorkflowForGitHubSources() {
      assertThat(errors(MANAGED.replace("    workflow: backstage.yml\n", ""))).containsExactly(
          FILE + ":5:5: \"workflow\" is missing. name the GitHub Actions workflow that builds the image, e.g. 'workflow: build.yml'.");
    }

    @Test
    void rejectsADockerfileOutsideTheRepository() {
      assertThat(errors(MANAGED.replace("apps/backstage/packages/backend/Dockerfile", "../Dockerfile")))
          .singleElement().asString().startsWith(FILE + ":8:17: dockerfile \"../Dockerfile\" is not a path inside the repository");
    }

    @Test
    void rejectsABooleanWrittenAsYes() {
      assertThat(errors(MANAGED.replace("autoRebuild: true", "autoRebuild: yes")))
          .containsExactly(FILE + ":11:16: \"autoRebuild\" must be true or false, found \"yes\". write true or false.");
    }

    @Test
    void rejectsDigestStrategyWithoutAKnownTag() {
      assertThat(errors(EXTERNAL.replace("^16-alpine$", "^16-.*$").replace("Lexical", "Digest")))
          .singleElement().asString().contains("the Digest strategy follows one tag");
      assertThat(errors(EXTERNAL.replace("Lexical", "Digest"))).isEmpty();
    }

    @Test
    void rejectsAManagedImageWhoseBuildsFollowDigestWithoutATag() {
      // Its Warehouse would subscribe with Digest and no constraint, which Kargo's webhook rejects.
      assertThat(errors(MANAGED.replace("  rebuildDelay: 7d\n", "  imageSelectionStrategy: Digest\n")))
          .singleElement().asString().contains("the Digest strategy follows one tag");
      assertThat(errors(MANAGED.replace("  rebuildDelay: 7d\n", "  imageSelectionStrategy: Digest\n  constraint: latest\n")))
          .isEmpty();
    }

    @Test
    void reportsEveryProblemOfTheFileAtOnce() {
      String text = MANAGED.replace("provider: github", "provider: svn")
          + EXTERNAL.replace("Lexical", "Latest").replace("name: postgres", "name: Postgres");
      assertThat(errors(text)).hasSize(3);
    }

    @Test
    void rejectsAFileThatIsNotAList() {
      assertThat(errors("name: backstage\n")).containsExactly(
          FILE + ":1:1: images.yaml must be a list of images, found a map. start each image with '- name: ...'.");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirPosition() {
      assertThatThrownBy(() -> EnrollmentReader.read("- name: a\n  registry: [ghcr.io\n", FILE, new ArrayList<>()))
          .isInstanceOf(YamlSyntaxException.class)
          .hasMessageStartingWith(FILE + ":3:1: this is not valid YAML");
    }

    @Test
    void warnsAboutAnUnanchoredTagRegex() {
      List<Problem> problems = new ArrayList<>();
      EnrollmentReader.read(EXTERNAL.replace("^16-alpine$", "16-alpine"), FILE, problems);
      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.isError()).isFalse();
        assertThat(p.toString()).contains("is not anchored", "write ^16-alpine$");
      });
    }
  }

  @Nested
  class CatalogComponent {
    @Test
    void readsTheComponentAManagedImagePublishesAs() {
      assertThat(readOne(MANAGED + "  catalog: cloud/dmp/ms-ingestion\n").catalog().component())
          .contains("cloud/dmp/ms-ingestion");
      assertThat(readOne(MANAGED).catalog().component()).isEmpty();
    }

    @Test
    void rejectsAComponentThatIsNotAFolderPathAtItsLine() {
      assertThat(errors(MANAGED + "  catalog: Cloud/DMP\n")).singleElement().asString()
          .startsWith(FILE + ":12:12: \"Cloud/DMP\" is not a catalog component. write folder names of lowercase");
    }

    @Test
    void rejectsAComponentOnAnExternalImage() {
      assertThat(errors(EXTERNAL + "  catalog: cloud/postgres\n")).singleElement().asString()
          .startsWith(FILE + ":8:12: external image \"postgres\" names a catalog component")
          .contains("image-factory catalog publish");
    }

    @Test
    void rejectsTwoImagesPublishingAsOneComponentNamingTheFirst() {
      String second = MANAGED.replace("name: backstage", "name: portal")
          .replace("repository: craigedmunds/backstage", "repository: craigedmunds/portal");
      assertThat(errors(MANAGED + "  catalog: cloud/portal\n" + second + "  catalog: cloud/portal\n"))
          .containsExactly(FILE + ":13:1: image \"portal\" publishes its builds as catalog component cloud/portal,"
              + " as image \"backstage\" at " + FILE + ":1 already does. give each image its own component, e.g."
              + " cloud/portal-portal.");
    }
  }

  private static ImageEnrollment readOne(String text) {
    List<Problem> problems = new ArrayList<>();
    List<ImageEnrollment> entries = EnrollmentReader.read(text, FILE, problems);
    assertThat(problems).isEmpty();
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  static List<String> errors(String text) {
    List<Problem> problems = new ArrayList<>();
    EnrollmentReader.read(text, FILE, problems);
    return problems.stream().filter(Problem::isError).map(Problem::toString).toList();
  }
}
