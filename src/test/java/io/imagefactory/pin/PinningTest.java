package io.imagefactory.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PinningTest {
  static final String D1 = "sha256:" + "1".repeat(64);
  static final String D2 = "sha256:" + "2".repeat(64);
  static final String MANIFESTS = """
      # a comment that stays
      apiVersion: apps/v1
      kind: Deployment
      spec:
        template:
          spec:
            containers:
              - name: web
                image: nginx:1.27   # trailing comment stays
              - {name: side, image: "ghcr.io/acme/side:v2"}
            initContainers:
              - name: init
                image: 'busybox:1.36'
      ---
      apiVersion: batch/v1
      kind: Job
      spec:
        template:
          spec:
            containers:
              - name: done
                image: alpine:3.20@%s
              - name: templated
                image: ${IMAGE}
              - name: again
                image: nginx:1.27
      """.formatted(D2);

  @Test
  void findsEveryImageValueOfEveryDocument() {
    List<ImageField> fields = ImageFields.find(MANIFESTS, "deploy.yaml");

    assertThat(fields).extracting(ImageField::value).containsExactly("nginx:1.27", "ghcr.io/acme/side:v2",
        "busybox:1.36", "alpine:3.20@" + D2, "${IMAGE}", "nginx:1.27");
    assertThat(fields).extracting(ImageField::line).containsExactly(9, 10, 13, 22, 24, 26);
    assertThat(fields).filteredOn(ImageField::isUnpinned).hasSize(4);
  }

  @Test
  void rewritesOnlyTheValuesKeepingCommentsQuotesAndLayout() {
    List<ImageField> fields = ImageFields.find(MANIFESTS, "deploy.yaml");
    Map<String, String> digests = Map.of("nginx:1.27", D1, "ghcr.io/acme/side:v2", D1, "busybox:1.36", D1);

    String pinned = Pinning.apply(MANIFESTS, fields, digests);

    assertThat(pinned).isEqualTo(MANIFESTS
        .replace("image: nginx:1.27   #", "image: nginx:1.27@" + D1 + "   #")
        .replace("image: \"ghcr.io/acme/side:v2\"", "image: \"ghcr.io/acme/side:v2@" + D1 + "\"")
        .replace("image: 'busybox:1.36'", "image: 'busybox:1.36@" + D1 + "'")
        .replace("image: nginx:1.27\n", "image: nginx:1.27@" + D1 + "\n"));
  }

  @Test
  void pinningTwiceChangesNothingTheSecondTime() {
    Map<String, String> digests = Map.of("nginx:1.27", D1, "ghcr.io/acme/side:v2", D1, "busybox:1.36", D1);
    String once = Pinning.apply(MANIFESTS, ImageFields.find(MANIFESTS, "d.yaml"), digests);

    String twice = Pinning.apply(once, ImageFields.find(once, "d.yaml"), digests);

    assertThat(twice).isEqualTo(once);
    assertThat(ImageFields.find(once, "d.yaml")).filteredOn(ImageField::isUnpinned).isEmpty();
  }

  @Test
  void keepsCrlfLineEndingsAndCharactersOutsideTheBasicPlane() {
    String text = "# \uD83D\uDE80 rocket\r\nimage: nginx:1.27\r\nother: x\r\n";

    String pinned = Pinning.apply(text, ImageFields.find(text, "x.yaml"), Map.of("nginx:1.27", D1));

    assertThat(pinned).isEqualTo("# \uD83D\uDE80 rocket\r\nimage: nginx:1.27@" + D1 + "\r\nother: x\r\n");
  }

  @Test
  void aFileThatIsNotYamlIsNamedWithThePosition() {
    assertThatThrownBy(() -> ImageFields.find("kind: Pod\nimage: {{ .Values.image }}:{{ .Values.tag }}\n",
        "chart/deploy.yaml"))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("chart/deploy.yaml:2:");
  }
}
