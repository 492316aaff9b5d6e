package io.imagefactory.kargo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The deployment guides tell operators to create the Secrets the generated resources read, and
 * only with the labels Kargo v1.11.2 needs: {@code secret()} reads any Secret of the Project's
 * namespace; only {@code sharedSecret()} needs {@code cred-type: generic}; Warehouses find their
 * registry credentials in Secrets labelled {@code cred-type: image}.
 */
class SecretDocsTest {
  private static final String GENERIC_LABEL = "cred-type=generic";

  @Test
  void theGeneratedStepsReadTokensWithSecretNeverSharedSecret() throws IOException {
    String dist = Files.readString(Path.of("dist/image-factory.k8s.yaml"));
    assertThat(dist).contains("secret('" + Secrets.GITHUB + "')").doesNotContain("sharedSecret(");
  }

  @Test
  void theGuidesDoNotAskForTheGenericLabelThatSecretDoesNotNeed() throws IOException {
    for (String guide : new String[] {"kustomize/README.md", "analysis-job/README.md"}) {
      assertThat(Files.readString(Path.of(guide))).as(guide).doesNotContain(GENERIC_LABEL)
          .contains("create secret generic " + Secrets.GITHUB);
    }
  }

  @Test
  void theDeploymentGuideShowsRegistryCredentialsForEachRegistryItNames() throws IOException {
    String guide = Files.readString(Path.of("kustomize/README.md"));
    for (String registry : new String[] {"ghcr\\.io", "registry\\.gitlab\\.com", "docker\\.io"}) {
      assertThat(guide).contains("--from-literal=repoURL='^" + registry + "/");
    }
    assertThat(guide).contains("kargo.akuity.io/cred-type=image", "--from-literal=repoURLIsRegex=true",
        "--from-literal=username=", "--from-literal=password=");
  }
}
