package io.imagefactory.kargo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import io.imagefactory.config.Settings;
import io.imagefactory.credentials.TokenVariable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Jobs that run the analysis container: one shape for the AnalysisTemplates' Jobs and the
 * CronJobs' alike, built with fabric8's typed model so that every field is the API's own.
 *
 * <p>The pod runs as a non-root user with a read-only root file system, no service account token
 * and no capabilities; {@code /tmp} is the only writable place (clones go there). Tokens come from
 * Secrets through {@code secretKeyRef}, marked optional so that a fleet without GitLab needs no
 * GitLab Secret; never through args, which Kargo copies into the AnalysisRun.
 */
final class JobPods {
  static final String SERVICE_ACCOUNT = "image-factory-analysis";
  static final long USER = 65532;
  /** Where the Kargo image credential Secrets of settings' registries.credentialSecrets are mounted. */
  static final String REGISTRY_CREDENTIALS = "/etc/image-factory/registry-credentials";
  private static final ObjectMapper TREES = new ObjectMapper();

  private JobPods() {}

  /**
   * A Job that runs {@code args} in the analysis container once: no retry after a failure (the
   * next promotion or schedule runs it again), at most 15 minutes, kept a day for its logs.
   *
   * @param container the container's name, what {@code kubectl logs -c} takes
   * @param secretVolumes Secrets to mount read-only under {@link #REGISTRY_CREDENTIALS}, by name
   */
  static JobSpec job(Settings s, String container, List<String> args, List<String> secretVolumes, int backoffLimit) {
    return new JobSpecBuilder()
        .withBackoffLimit(backoffLimit)
        .withActiveDeadlineSeconds(900L)
        .withTtlSecondsAfterFinished(86400)
        .withNewTemplate()
            .withNewMetadata().withLabels(labels()).endMetadata()
            .withSpec(pod(s, container, args, secretVolumes))
        .endTemplate()
        .build();
  }

  /** {@code value} as the ordered tree of maps the generator writes, in fabric8's field order. */
  static Map<String, Object> tree(Object value) {
    return TREES.convertValue(value, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    Labels.common().forEach((k, v) -> labels.put(k, (String) v));
    return labels;
  }

  private static PodSpec pod(Settings s, String name, List<String> args, List<String> secretVolumes) {
    List<Volume> volumes = new ArrayList<>(List.of(
        new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build()));
    List<VolumeMount> mounts = new ArrayList<>(List.of(
        new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build()));
    for (String secret : secretVolumes) {
      volumes.add(new VolumeBuilder().withName(secret).withNewSecret().withSecretName(secret).endSecret().build());
      mounts.add(new VolumeMountBuilder().withName(secret).withMountPath(REGISTRY_CREDENTIALS + "/" + secret)
          .withReadOnly(true).build());
    }
    return new PodSpecBuilder()
        .withServiceAccountName(SERVICE_ACCOUNT)
        .withAutomountServiceAccountToken(false)
        .withRestartPolicy("Never")
        .withNewSecurityContext()
            .withRunAsNonRoot(true).withRunAsUser(USER).withRunAsGroup(USER).withFsGroup(USER)
            .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .endSecurityContext()
        .withContainers(container(s, name, args, mounts))
        .withVolumes(volumes)
        .build();
  }

  private static Container container(Settings s, String name, List<String> args, List<VolumeMount> mounts) {
    return new ContainerBuilder()
        .withName(name)
        .withImage(s.analysisImage())
        .withArgs(args)
        .withEnv(secretEnv(TokenVariable.STATE_REPOSITORY, Secrets.STATE_REPOSITORY),
            secretEnv(TokenVariable.GITHUB, Secrets.GITHUB),
            secretEnv(TokenVariable.GITLAB, Secrets.GITLAB),
            secretEnv(TokenVariable.SLACK, Secrets.SLACK))
        .withNewResources()
            .addToRequests("cpu", new Quantity("100m"))
            .addToRequests("memory", new Quantity("256Mi"))
            .addToLimits("memory", new Quantity("512Mi"))
        .endResources()
        .withNewSecurityContext()
            .withAllowPrivilegeEscalation(false)
            .withReadOnlyRootFilesystem(true)
            .withNewCapabilities().withDrop("ALL").endCapabilities()
        .endSecurityContext()
        .withVolumeMounts(mounts)
        .build();
  }

  private static EnvVar secretEnv(TokenVariable variable, String secret) {
    return new EnvVarBuilder().withName(variable.env())
        .withNewValueFrom().withNewSecretKeyRef(Secrets.KEY, secret, true).endValueFrom()
        .build();
  }
}
