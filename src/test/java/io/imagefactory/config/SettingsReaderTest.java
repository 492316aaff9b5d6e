package io.imagefactory.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {
  private static final String FILE = "image-factory/settings.yaml";
  private static final String MINIMAL = """
      stateRepository:
        url: https://github.com/acme/images.git
      analysis:
        image: ghcr.io/acme/image-factory-analysis:0.1.0
      """;

  @Test
  void fillsInDefaultsAroundTheTwoRequiredSettings() {
    List<Problem> problems = new ArrayList<>();
    Settings s = SettingsReader.read(MINIMAL, FILE, problems);
    assertThat(problems).isEmpty();
    assertThat(s).isEqualTo(new Settings("image-factory", "https://github.com/acme/images.git", "main",
        "ghcr.io/acme/image-factory-analysis:0.1.0", "5m0s", Settings.GITHUB_COM, Settings.GITLAB_COM));
  }

  @Test
  void readsSelfHostedProviderEndpointsWithoutTrailingSlashes() {
    Settings s = SettingsReader.read(MINIMAL + "gitlab:\n  url: https://git.acme.io/\n  apiUrl: https://git.acme.io/api/v4/\n",
        FILE, new ArrayList<>());
    assertThat(s.gitlab()).isEqualTo(new Settings.Endpoints("https://git.acme.io", "https://git.acme.io/api/v4"));
    assertThat(s.github()).isEqualTo(Settings.GITHUB_COM);
  }

  @Test
  void requiresTheStateRepositoryAndTheAnalysisImage() {
    List<Problem> problems = new ArrayList<>();
    assertThat(SettingsReader.read("project: images\n", FILE, problems)).isNull();
    assertThat(problems).extracting(Problem::toString).containsExactly(
        FILE + ":1:1: \"stateRepository\" is missing. add 'stateRepository: {url: <git URL of this repository>,"
            + " branch: main}' so analysis jobs can push state.",
        FILE + ":1:1: \"analysis\" is missing. add 'analysis: {image: <registry>/image-factory-analysis:<version>}',"
            + " the container built from analysis-job/.");
  }

  @Test
  void rejectsABadProjectIntervalAndImage() {
    List<Problem> problems = new ArrayList<>();
    SettingsReader.read(MINIMAL.replace("0.1.0", "0.1.0 latest") + "project: Images\nwarehouseInterval: 5 minutes\n",
        FILE, problems);
    assertThat(problems).extracting(Problem::message).containsExactlyInAnyOrder(
        "analysis image \"ghcr.io/acme/image-factory-analysis:0.1.0 latest\" is not an image reference",
        "project \"Images\" is not a DNS-1123 label",
        "warehouseInterval \"5 minutes\" is not a Go duration");
  }
}
