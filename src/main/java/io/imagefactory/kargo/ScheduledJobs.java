package io.imagefactory.kargo;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Settings;
import io.imagefactory.verification.VerificationSchedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The CronJobs of the fleet, built with fabric8's typed model: the rebuild decision ({@code
 * rebuild --all}, every {@link #REBUILD_SCHEDULE}) and the registry verification ({@code verify
 * --all --only-due --write-state}, at the step of the fleet's shortest {@code verificationInterval},
 * settings' or an image's; each run verifies the images whose own interval makes them due, as
 * {@link VerificationSchedule} decides).
 *
 * <p>Both commit to the state repository with the push loop every job uses. A run that has not
 * finished when the next is due is not doubled ({@code Forbid}): two rebuild runs at once could
 * both send a request for the same update before either records it. Schedules are in UTC.
 */
final class ScheduledJobs {
  static final String REBUILD = "image-factory-rebuild";
  static final String VERIFY = "image-factory-verify";
  /** Every 10 minutes: a rebuild fires at most this late after its delay has passed. */
  static final String REBUILD_SCHEDULE = "*/10 * * * *";

  private ScheduledJobs() {}

  static List<Manifest> of(Settings s, List<ImageEnrollment> enrollments) {
    List<String> verify = new ArrayList<>(List.of("verify", "--all", "--only-due", "--write-state", "--quiet"));
    List<String> secrets = s.registries().credentialSecrets();
    if (!secrets.isEmpty()) {
      verify.addAll(List.of("--kargo-credentials", JobPods.REGISTRY_CREDENTIALS));
    }
    String verifySchedule = schedule(VerificationSchedule.shortestInterval(s, enrollments));
    return List.of(
        cronJob(s, REBUILD, "rebuild", REBUILD_SCHEDULE, AnalysisTemplates.state(s, List.of("rebuild", "--all")),
            List.of()),
        cronJob(s, VERIFY, "verify", verifySchedule, AnalysisTemplates.state(s, verify), secrets));
  }

  private static Manifest cronJob(Settings s, String name, String container, String schedule, List<String> args,
      List<String> secrets) {
    CronJob job = new CronJobBuilder()
        .withNewSpec()
            .withSchedule(schedule)
            .withTimeZone("Etc/UTC")
            .withConcurrencyPolicy("Forbid")
            .withStartingDeadlineSeconds(300L)
            .withSuccessfulJobsHistoryLimit(1)
            .withFailedJobsHistoryLimit(3)
            .withNewJobTemplate()
                .withNewMetadata().withLabels(JobPods.labels()).endMetadata()
                .withSpec(JobPods.job(s, container, args, secrets, 0))
            .endJobTemplate()
        .endSpec()
        .build();
    return Kinds.manifest("batch/v1", "CronJob", name, s.project(), Labels.common(),
        "spec", JobPods.tree(job.getSpec()));
  }

  /**
   * A cron schedule at least as frequent as {@code interval}: every {@link VerificationSchedule#step}
   * of it, the tick {@code verify --only-due} counts its slots in.
   */
  static String schedule(Duration interval) {
    long minutes = VerificationSchedule.step(interval).toMinutes();
    if (minutes < 60) {
      return (minutes == 1 ? "*" : "*/" + minutes) + " * * * *";
    }
    long hours = minutes / 60;
    if (hours == 24) {
      return "0 0 * * *";
    }
    return hours == 1 ? "0 * * * *" : "0 */" + hours + " * * *";
  }
}
