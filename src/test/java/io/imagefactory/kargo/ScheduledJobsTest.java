package io.imagefactory.kargo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Settings;
import io.imagefactory.tags.TagPolicy;
import io.imagefactory.verification.VerificationSchedule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The rebuild and verification CronJobs: their schedules, and the Job they share with the AnalysisTemplates. */
class ScheduledJobsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POD = "/spec/jobTemplate/spec/template/spec";

  @ParameterizedTest(name = "every {0} minutes: {1}")
  @CsvSource(delimiter = '|', value = {
      "1 | * * * * *", "5 | */5 * * * *", "7 | */6 * * * *", "45 | */30 * * * *", "59 | */30 * * * *",
      "60 | 0 * * * *", "90 | 0 * * * *", "180 | 0 */3 * * *", "300 | 0 */4 * * *", "1440 | 0 0 * * *",
      "4320 | 0 0 * * *"})
  void verifiesAtLeastAsOftenAsTheIntervalAsksOnASteadyCronStep(long minutes, String schedule) {
    assertThat(ScheduledJobs.schedule(Duration.ofMinutes(minutes))).isEqualTo(schedule);
  }

  @Test
  void rebuildAndVerifyRunTheAnalysisContainerAsTheAnalysisTemplatesDo() {
    Settings s = settings(Settings.Registries.NONE);
    JsonNode rebuild = cronJob(s, ScheduledJobs.REBUILD);
    JsonNode verify = cronJob(s, ScheduledJobs.VERIFY);
    JsonNode analysis = JSON.valueToTree(AnalysisTemplates.of(s).get(0).document())
        .at("/spec/metrics/0/provider/job/spec/template/spec");

    assertThat(rebuild.at("/spec/schedule").asText()).isEqualTo("*/10 * * * *");
    assertThat(verify.at("/spec/schedule").asText()).isEqualTo("0 */2 * * *");
    for (JsonNode job : List.of(rebuild, verify)) {
      assertThat(job.at("/spec/concurrencyPolicy").asText()).isEqualTo("Forbid");
      assertThat(job.at("/spec/timeZone").asText()).isEqualTo("Etc/UTC");
      assertThat(job.at("/spec/jobTemplate/spec/backoffLimit").asInt()).isZero();
      assertThat(withoutArgsAndName(job.at(POD))).isEqualTo(withoutArgsAndName(analysis));
    }
    assertThat(args(rebuild)).containsExactly("rebuild", "--all", "--git-repo", "https://github.com/acme/state.git",
        "--git-branch", "main");
    assertThat(args(verify)).containsExactly("verify", "--all", "--only-due", "--write-state", "--quiet", "--git-repo",
        "https://github.com/acme/state.git", "--git-branch", "main");
  }

  @Test
  void verificationRunsAsOftenAsTheMostFrequentlyVerifiedImageAsks() {
    Settings s = settings(Settings.Registries.NONE);
    ImageEnrollment often = checkedEvery("often", Duration.ofMinutes(20));
    ImageEnrollment daily = checkedEvery("daily", Duration.ofDays(1));

    assertThat(cronJob(s, List.of(daily), ScheduledJobs.VERIFY).at("/spec/schedule").asText())
        .as("settings' 2h is shorter").isEqualTo("0 */2 * * *");
    assertThat(cronJob(s, List.of(daily, often), ScheduledJobs.VERIFY).at("/spec/schedule").asText())
        .isEqualTo("*/20 * * * *");
    assertThat(VerificationSchedule.of(s, List.of(daily, often)).tick()).as("the tick verify --only-due counts in")
        .isEqualTo(Duration.ofMinutes(20));
  }

  @Test
  void verificationMountsTheKargoCredentialSecretsSettingsName() {
    Settings s = settings(new Settings.Registries(List.of(), Map.of(), List.of("ghcr-creds", "quay-creds")));
    JsonNode verify = cronJob(s, ScheduledJobs.VERIFY);
    assertThat(args(verify)).containsSubsequence("--kargo-credentials", JobPods.REGISTRY_CREDENTIALS);
    assertThat(verify.at(POD + "/volumes/1/secret/secretName").asText()).isEqualTo("ghcr-creds");
    assertThat(verify.at(POD + "/containers/0/volumeMounts/2/mountPath").asText())
        .isEqualTo(JobPods.REGISTRY_CREDENTIALS + "/quay-creds");
    assertThat(verify.at(POD + "/containers/0/volumeMounts/2/readOnly").asBoolean()).isTrue();
    assertThat(args(cronJob(s, ScheduledJobs.REBUILD))).doesNotContain("--kargo-credentials");
  }

  @Test
  void theAnalysisJobMountsThemTooToReadTheBuildsItPublishesToTheCatalog() {
    Settings s = settings(new Settings.Registries(List.of(), Map.of(), List.of("ghcr-creds")));
    JsonNode analyze = JSON.valueToTree(AnalysisTemplates.of(s).stream()
        .filter(m -> m.name().equals(AnalysisTemplates.ANALYZE)).findFirst().orElseThrow().document());
    String pod = "/spec/metrics/0/provider/job/spec/template/spec";
    assertThat(analyze.at(pod + "/containers/0/args/1").asText()).isEqualTo("--kargo-credentials");
    assertThat(analyze.at(pod + "/containers/0/args/2").asText()).isEqualTo(JobPods.REGISTRY_CREDENTIALS);
    assertThat(analyze.at(pod + "/volumes/1/secret/secretName").asText()).isEqualTo("ghcr-creds");
    JsonNode recordUpdate = JSON.valueToTree(AnalysisTemplates.of(s).stream()
        .filter(m -> m.name().equals(AnalysisTemplates.RECORD_UPDATE)).findFirst().orElseThrow().document());
    assertThat(recordUpdate.at(pod + "/volumes").size()).as("record-update reads no registry").isEqualTo(1);
  }

  private static Settings settings(Settings.Registries registries) {
    return new Settings("shop", "https://github.com/acme/state.git", "main", "ghcr.io/acme/analysis:1", "5m0s",
        Settings.GITHUB_COM, Settings.GITLAB_COM, Duration.ofHours(2), registries);
  }

  private static ImageEnrollment checkedEvery(String name, Duration interval) {
    return ImageEnrollment.external(name, "ghcr.io", "acme/" + name, TagPolicy.NONE)
        .withCatalog(new ImageEnrollment.Catalog(Optional.empty(), Optional.of(interval), Optional.empty()));
  }

  private static JsonNode cronJob(Settings s, String name) {
    return cronJob(s, List.of(), name);
  }

  private static JsonNode cronJob(Settings s, List<ImageEnrollment> enrollments, String name) {
    return JSON.valueToTree(ScheduledJobs.of(s, enrollments).stream().filter(m -> m.name().equals(name)).findFirst()
        .orElseThrow().document());
  }

  private static List<String> args(JsonNode cronJob) {
    return JSON.convertValue(cronJob.at(POD + "/containers/0/args"), JSON.getTypeFactory()
        .constructCollectionType(List.class, String.class));
  }

  private static JsonNode withoutArgsAndName(JsonNode pod) {
    JsonNode copy = pod.deepCopy();
    com.fasterxml.jackson.databind.node.ObjectNode container =
        (com.fasterxml.jackson.databind.node.ObjectNode) copy.at("/containers/0");
    container.remove(List.of("args", "name"));
    return copy;
  }
}
