package io.imagefactory.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.Problem;
import io.imagefactory.testing.EditorSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The editor schemas are valid, and they and the readers agree on every file the repository ships. */
class EditorSchemasTest {
  private static final EditorSchemas SCHEMAS = EditorSchemas.load();

  @ParameterizedTest
  @MethodSource("schemas")
  void isAValidDraft07Schema(Path schema) {
    assertThat(SCHEMAS.metaSchemaErrors(schema)).isEmpty();
  }

  @Test
  void bundledImagesYamlValidatesAndNamesItsSchema() throws IOException {
    String yaml = Files.readString(Path.of("image-factory/images.yaml"));
    assertThat(SCHEMAS.imagesErrors(yaml)).isEmpty();
    assertThat(yaml).startsWith("# yaml-language-server: $schema=../" + EditorSchemas.IMAGES + "\n");
  }

  @Test
  void bundledSettingsYamlValidatesAndNamesItsSchema() throws IOException {
    String yaml = Files.readString(Path.of("image-factory/settings.yaml"));
    assertThat(SCHEMAS.settingsErrors(yaml)).isEmpty();
    assertThat(yaml).startsWith("# yaml-language-server: $schema=../" + EditorSchemas.SETTINGS + "\n");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void schemaAndReaderAgreeOnEveryFixture(Path fixture) throws IOException {
    String yaml = Files.readString(fixture);
    List<Problem> problems = new ArrayList<>();
    boolean images = fixture.getFileName().toString().equals("images.yaml");
    if (images) {
      EnrollmentReader.read(yaml, fixture.toString(), problems);
    } else {
      SettingsReader.read(yaml, fixture.toString(), problems);
    }
    List<String> schemaErrors = images ? SCHEMAS.imagesErrors(yaml) : SCHEMAS.settingsErrors(yaml);
    assertThat(schemaErrors.isEmpty()).as("schema accepts %s: %s", fixture, schemaErrors)
        .isEqualTo(problems.stream().noneMatch(Problem::isError));
  }

  static Stream<Path> schemas() {
    return Stream.of(EditorSchemas.IMAGES, EditorSchemas.SETTINGS);
  }

  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
      List<Path> found = files.filter(f -> f.getFileName().toString().matches("images\\.yaml|settings\\.yaml"))
          .sorted().toList();
      assertThat(found).isNotEmpty();
      return found.stream();
    }
  }
}
