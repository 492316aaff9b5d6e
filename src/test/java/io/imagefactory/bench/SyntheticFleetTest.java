package io.imagefactory.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.workspace.Checkout;
import io.imagefactory.fleet.Fleet;
import io.imagefactory.fleet.FleetImage;
import io.imagefactory.fleet.FleetMerger;
import io.imagefactory.kargo.KargoGenerator;
import io.imagefactory.kargo.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's synthetic fleet is a valid, consistent checkout, the same for the same seed. */
class SyntheticFleetTest {
  private static final SyntheticFleet.Shape SHAPE = new SyntheticFleet.Shape(120, 30, 42);

  @TempDir Path tmp;

  @Test
  void loadsAndMergesWithoutAProblem() {
    SyntheticFleet.Written written = SyntheticFleet.write(tmp, SHAPE);
    Checkout.Loaded loaded = new Checkout(tmp).load();
    Fleet fleet = FleetMerger.merge(loaded.inputs());

    assertThat(loaded.problems()).isEmpty();
    // a fleet this size polls Docker Hub far past the anonymous limit: the one warning expected
    assertThat(fleet.problems()).extracting(p -> p.message()).singleElement().asString()
        .contains("Warehouses poll Docker Hub", "over Docker Hub's anonymous limit");
    assertThat(written.managed() + written.external()).isEqualTo(120);
    assertThat(written.baseImages()).isEqualTo(30);
    assertThat(fleet.images()).hasSize(150);
  }

  @Test
  void hasGitHubGitLabExternalAndPlatformImages() {
    SyntheticFleet.write(tmp, SHAPE);
    Fleet fleet = FleetMerger.merge(new Checkout(tmp).load().inputs());

    assertThat(fleet.images().values()).extracting(i -> i.kind().name()).contains("MANAGED", "EXTERNAL", "BASE");
    assertThat(fleet.images().values()).filteredOn(FleetImage::isManaged)
        .extracting(i -> i.enrollment().orElseThrow().source().orElseThrow().provider().id())
        .contains("github", "gitlab");
    assertThat(fleet.images().values()).filteredOn(FleetImage::isManaged)
        .anySatisfy(m -> assertThat(m.dependents()).isNotEmpty());
  }

  @Test
  void writesTheSameFilesForTheSameSeed() throws IOException {
    SyntheticFleet.write(tmp.resolve("a"), SHAPE);
    SyntheticFleet.write(tmp.resolve("b"), SHAPE);

    assertThat(listing(tmp.resolve("a"))).isEqualTo(listing(tmp.resolve("b")));
    String a = KargoGenerator.generateRendered(FleetMerger.merge(new Checkout(tmp.resolve("a")).load().inputs()))
        .yaml();
    String b = KargoGenerator.generateRendered(FleetMerger.merge(new Checkout(tmp.resolve("b")).load().inputs()))
        .yaml();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void rendersPartByPartTheSameBytesAsAllDocumentsAtOnce() {
    SyntheticFleet.write(tmp, new SyntheticFleet.Shape(300, 40, 7));
    Fleet fleet = FleetMerger.merge(new Checkout(tmp).load().inputs());

    KargoGenerator.Rendered rendered = KargoGenerator.generateRendered(fleet);
    List<Manifest> manifests = KargoGenerator.generate(fleet);
    assertThat(rendered.yaml()).isEqualTo(KargoGenerator.render(manifests));
    assertThat(rendered.documents()).isEqualTo(manifests.size());
  }

  private static String listing(Path root) throws IOException {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.append(root.relativize(f)).append('\n').append(Files.readString(f));
      }
    }
    return out.toString();
  }
}
