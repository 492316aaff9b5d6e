package io.imagefactory.kargo;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled example fleet (image-factory/ at the repository root) and its committed dist/. */
class ExampleFleetTest {
  @TempDir Path tmp;

  @Test
  void generatesTheBundledExampleFleet() {
    Approvals.verify(LifecycleTransitionsTest.generate(Path.of("."), new ArrayList<>()));
  }

  @Test
  void committedDistIsUpToDate() throws IOException {
    String generated = LifecycleTransitionsTest.generate(Path.of("."), new ArrayList<>());
    assertThat(Files.readString(Path.of("dist/image-factory.k8s.yaml")))
        .as("dist/ is stale: run 'java -jar target/image-factory.jar generate' and commit it")
        .isEqualTo(generated);
  }

  @Test
  void generatesTheSameBytesWhateverTheOrderOfImagesYaml() throws IOException {
    Path root = Fixtures.exampleCheckout(tmp);
    String first = LifecycleTransitionsTest.generate(root, new ArrayList<>());
    Path images = root.resolve("image-factory/images.yaml");
    List<String> entries = new ArrayList<>(Arrays.asList(Files.readString(images).split("\n(?=- name:)")));
    String header = entries.remove(0);
    Collections.shuffle(entries, new Random(7));
    Files.writeString(images, header + "\n" + String.join("\n", entries.stream()
        .map(e -> e.endsWith("\n") ? e : e + "\n").toList()));
    assertThat(LifecycleTransitionsTest.generate(root, new ArrayList<>())).isEqualTo(first);
  }
}
