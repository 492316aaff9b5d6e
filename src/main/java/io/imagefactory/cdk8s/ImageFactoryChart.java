package io.imagefactory.cdk8s;

import io.imagefactory.Problem;
import io.imagefactory.fleet.Fleet;
import io.imagefactory.kargo.KargoGenerator;
import io.imagefactory.kargo.Manifest;
import io.imagefactory.workspace.Checkout;
import io.imagefactory.workspace.FleetPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cdk8s.ApiObject;
import org.cdk8s.Chart;
import org.cdk8s.ChartProps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.constructs.Construct;

/**
 * image-factory's Kargo resources as a cdk8s {@link Chart}, for teams that synthesise their
 * manifests with their own cdk8s {@code App}: the same documents, in the same order, as {@code
 * image-factory generate} writes to {@code dist/}, one {@link ApiObject} each.
 *
 * <pre>{@code
 * App app = new App();
 * ImageFactoryChart fleet = ImageFactoryChart.fromCheckout(app, "image-factory", Path.of("."));
 * fleet.warehouse("node-22").getMetadata().addLabel("team", "platform");
 * fleet.stage("rebuild-backstage").addJsonPatch(
 *     JsonPatch.replace("/spec/requestedFreight/0/sources/requiredSoakTime", "24h"));
 * app.synth(); // dist/image-factory.k8s.yaml
 * }</pre>
 *
 * <p>The chart has no namespace of its own: each object keeps the namespace the generator gives
 * it, so cdk8s does not stamp one on the cluster-scoped {@code Project}. Synthesis needs Node.js
 * (cdk8s runs in node through jsii); the {@code image-factory} CLI itself never loads cdk8s.
 */
public final class ImageFactoryChart extends Chart {
  private static final Logger log = LoggerFactory.getLogger(ImageFactoryChart.class);

  private final List<Manifest> manifests;
  private final Map<String, ApiObject> objects = new LinkedHashMap<>();

  /** The chart of a merged fleet's resources. */
  public ImageFactoryChart(Construct scope, String id, Fleet fleet) {
    this(scope, id, KargoGenerator.generate(fleet));
  }

  /** The chart of already generated documents, e.g. a filtered {@link KargoGenerator#generate}. */
  public ImageFactoryChart(Construct scope, String id, List<Manifest> manifests) {
    super(scope, id, ChartProps.builder().disableResourceNameHashes(true).build());
    this.manifests = List.copyOf(manifests);
    for (Manifest m : this.manifests) {
      objects.put(m.id(), ApiObjects.of(this, m));
    }
  }

  /**
   * The chart of the fleet in checkout {@code root}, read and checked as {@code image-factory
   * generate --root root} reads it; its warnings are logged.
   *
   * @throws io.imagefactory.ValidationException when the checkout has errors, with all of them
   */
  public static ImageFactoryChart fromCheckout(Construct scope, String id, Path root) {
    FleetPipeline.Merged merged = FleetPipeline.merge(new Checkout(root));
    for (Problem warning : merged.warnings()) {
      log.warn("{}", warning);
    }
    return new ImageFactoryChart(scope, id, merged.fleet());
  }

  /** The generated documents, in output order. */
  public List<Manifest> manifests() {
    return manifests;
  }

  /** Every object, in document order. */
  public List<ApiObject> objects() {
    return Collections.unmodifiableList(new ArrayList<>(objects.values()));
  }

  /** The object of document {@code kind/name}, if the fleet has it. */
  public Optional<ApiObject> find(String kind, String name) {
    return Optional.ofNullable(objects.get(kind + "/" + name));
  }

  /**
   * The object of document {@code kind/name}.
   *
   * @throws IllegalArgumentException when the fleet has no such document
   */
  public ApiObject apiObject(String kind, String name) {
    return find(kind, name).orElseThrow(() -> new IllegalArgumentException("the chart has no " + kind
        + " called \"" + name + "\"; it has " + manifests.stream().filter(m -> m.kind().equals(kind)).count()
        + " objects of that kind (Warehouses are named after images, Stages observe-, analyze- or rebuild-"
        + " and the image)"));
  }

  /** The Warehouse of image {@code image} (its updates, or for a managed image its builds). */
  public ApiObject warehouse(String image) {
    return apiObject("Warehouse", image);
  }

  /** The Stage called {@code name}, e.g. {@code observe-node-22} or {@code rebuild-backstage}. */
  public ApiObject stage(String name) {
    return apiObject("Stage", name);
  }

  /** The cluster-scoped Kargo Project. */
  public ApiObject project() {
    return manifests.stream().filter(m -> m.kind().equals("Project")).findFirst()
        .map(m -> objects.get(m.id())).orElseThrow();
  }
}
