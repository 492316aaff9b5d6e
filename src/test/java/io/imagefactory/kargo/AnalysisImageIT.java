package io.imagefactory.kargo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagefactory.config.Settings;
import io.imagefactory.testing.Digests;
import io.imagefactory.testing.Fixtures;
import io.imagefactory.testing.GitRemotes;
import io.imagefactory.testing.ImageRun;
import io.imagefactory.testing.OciMediaTypes;
import io.imagefactory.testing.PulledImage;
import io.imagefactory.testing.Registry;
import io.imagefactory.testing.SeedImage;
import io.imagefactory.testing.Tar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis image the AnalysisTemplates run, built by the real jib-maven-plugin from a base
 * seeded into a real registry, pushed there, then read back over the registry API and run from
 * its own layers with this machine's JDK (there is no container runtime here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisImageIT {
  static final String REPOSITORY = "image-factory-analysis";
  static final String MAIN_CLASS = "io.imagefactory.cli.Main";
  static final String SOURCE = "https://example.invalid/acme/image-factory.git";
  static final String REVISION = "0123456789abcdef0123456789abcdef01234567";
  static final String VERSION = System.getProperty("project.version");
  static final ObjectMapper JSON = new ObjectMapper();

  Path tmp;
  Registry registry;
  String baseImage;
  String pushedDigest;
  Registry.Manifest index;
  PulledImage image;

  @BeforeAll
  void buildPushAndPull(@TempDir Path tmp) throws IOException {
    this.tmp = tmp;
    registry = Registry.start(Files.createDirectories(tmp.resolve("registry")));
    baseImage = SeedImage.push(registry, "distroless/java17", "nonroot");
    pushedDigest = JibBuild.run(tmp, buildProperties("test"));
    index = registry.manifest(REPOSITORY, "test");
    image = PulledImage.pull(registry, REPOSITORY, platformDigest("amd64"), tmp.resolve("rootfs"));
  }

  @AfterAll
  void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void pushesAManifestListForAmd64AndArm64() throws IOException {
    assertThat(index.mediaType()).isEqualTo(OciMediaTypes.DOCKER_LIST);
    assertThat(index.digest()).isEqualTo(pushedDigest);
    assertThat(platforms()).containsExactlyInAnyOrder("linux/amd64", "linux/arm64");
    for (String architecture : SeedImage.ARCHITECTURES) {
      JsonNode config = config(platformDigest(architecture));
      assertThat(config.path("architecture").asText()).isEqualTo(architecture);
      assertThat(config.path("os").asText()).isEqualTo("linux");
      assertThat(config.path("config")).isEqualTo(image.runtime());
    }
  }

  @Test
  void runsAsTheUserAndGroupOfTheAnalysisTemplates() {
    assertThat(image.runtime().path("User").asText()).isEqualTo(AnalysisTemplates.USER + ":" + AnalysisTemplates.USER);
    for (Map<String, Object> pod : pods()) {
      assertThat(at(pod, "securityContext", "runAsUser")).isEqualTo(AnalysisTemplates.USER);
      assertThat(at(pod, "securityContext", "runAsGroup")).isEqualTo(AnalysisTemplates.USER);
    }
  }

  @Test
  void startsTheCliSoTheTemplatesArgsAreItsArguments() throws IOException {
    List<String> entrypoint = entrypoint();
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint).containsSequence("-cp", "@/app/jib-classpath-file").endsWith(MAIN_CLASS);
    assertThat(image.runtime().path("Cmd").isMissingNode() || image.runtime().path("Cmd").isNull()).isTrue();
    assertThat(Files.readString(image.root().resolve("app/jib-main-class-file"))).isEqualTo(MAIN_CLASS);
    for (Map<String, Object> pod : pods()) {
      Map<String, Object> container = container(pod);
      assertThat(container).doesNotContainKey("command");
      assertThat((List<?>) container.get("args")).first().isIn("analyze", "record-update", "rebuild", "verify");
    }
  }

  @Test
  void writesOnlyUnderTheTemplatesWritableMountsWithAReadOnlyRootFilesystem() {
    List<String> writable = new ArrayList<>();
    for (Map<String, Object> pod : pods()) {
      assertThat(at(container(pod), "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
      for (Object mount : (List<?>) container(pod).get("volumeMounts")) {
        writable.add((String) ((Map<?, ?>) mount).get("mountPath"));
      }
    }
    assertThat(env()).containsEntry("HOME", "/tmp").containsEntry("XDG_CONFIG_HOME", "/tmp/.config");
    assertThat(entrypoint()).contains("-Duser.home=/tmp", "-Djava.io.tmpdir=/tmp");
    List<String> written = List.of(env().get("HOME"), env().get("XDG_CONFIG_HOME"),
        image.runtime().path("WorkingDir").asText(), "/tmp");
    assertThat(written).allSatisfy(path -> assertThat(writable).anySatisfy(m -> assertThat(path).startsWith(m)));
  }

  @Test
  void keepsTheBaseImagesPathAndFiles() {
    assertThat(env()).containsEntry("PATH", SeedImage.PATH);
    assertThat(image.root().resolve("etc/passwd")).content().contains("nonroot:x:65532:65532");
    assertThat(image.manifest().path("layers").get(0).path("digest").asText())
        .isEqualTo(Digests.sha256(SeedImage.gzippedLayer()));
  }

  @Test
  void sizesTheJvmForAShortLived512MiBContainer() {
    assertThat(entrypoint()).contains("-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");
  }

  @Test
  void carriesOciLabels() {
    Map<String, String> labels = JSON.convertValue(image.runtime().path("Labels"), new TypeReference<>() {});
    assertThat(labels)
        .containsEntry("org.opencontainers.image.title", "image-factory-analysis")
        .containsEntry("org.opencontainers.image.version", VERSION)
        .containsEntry("org.opencontainers.image.source", SOURCE)
        .containsEntry("org.opencontainers.image.revision", REVISION)
        .containsEntry("org.opencontainers.image.base.name", baseImage)
        .containsKey("org.opencontainers.image.description");
  }

  @Test
  void layersDependenciesTheApplicationJarAndJvmArgFilesOverTheBase() {
    assertThat(image.manifest().path("config").path("mediaType").asText()).isEqualTo(OciMediaTypes.DOCKER_CONFIG);
    assertThat(image.manifest().path("layers")).hasSize(4)
        .allSatisfy(layer -> assertThat(layer.path("mediaType").asText()).isEqualTo(OciMediaTypes.DOCKER_LAYER));
    assertThat(image.config().path("history")).extracting(h -> h.path("comment").asText())
        .endsWith("dependencies", "extra files", "jvm arg files");
    assertThat(names(1)).allMatch(name -> name.startsWith("app/libs"));
    assertThat(names(2)).contains("app/classpath/image-factory-" + VERSION + ".jar");
    assertThat(names(3)).contains("app/jib-classpath-file", "app/jib-main-class-file");
  }

  @Test
  void holdsTheCliDependenciesButNotTheOptionalCdk8sOnes() {
    assertThat(names(1)).contains("app/libs/picocli-4.7.7.jar", "app/libs/slf4j-simple-2.0.17.jar")
        .anyMatch(name -> name.startsWith("app/libs/org.eclipse.jgit-"))
        .noneMatch(name -> name.matches("app/libs/(cdk8s|constructs|jsii-runtime|jackson-datatype-jsr310"
            + "|annotations|javax\\.annotation-api)-.*"));
  }

  @Test
  void isReproducibleWithFixedTimes() throws IOException {
    assertThat(image.config().path("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(image.config().path("history")).allSatisfy(h ->
        assertThat(h.path("created").asText()).isEqualTo("1970-01-01T00:00:00Z"));
    List<Tar.Entry> application = image.layers().subList(1, 4).stream().flatMap(List::stream).toList();
    assertThat(application).isNotEmpty().allSatisfy(e -> assertThat(e.mtime()).as(e.name()).isEqualTo(1));
    try (JarFile jar = new JarFile(image.root().resolve("app/classpath/image-factory-" + VERSION + ".jar").toFile())) {
      // project.build.outputTimestamp: a rebuilt jar has the same bytes, so the layer the same digest
      assertThat(jar.stream().map(e -> e.getLastModifiedTime().toInstant()).distinct())
          .singleElement().matches(t -> t.isBefore(Instant.parse("1981-01-01T00:00:00Z")));
    }
  }

  @Test
  void buildsTheSameDigestAgainWithoutItsLayerCache() throws IOException {
    Path again = Files.createDirectories(tmp.resolve("again"));
    String digest = JibBuild.run(again, buildProperties("again"));
    assertThat(digest).isEqualTo(pushedDigest);
  }

  @Test
  void printsItsVersionFromItsOwnLayers() {
    ImageRun run = ImageRun.of(image, "--version");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().trim()).isEqualTo("image-factory " + VERSION);
  }

  @Test
  void checksTheExampleFleetFromItsOwnLayers() {
    Path checkout = Fixtures.exampleCheckout(tmp.resolve("example"));
    ImageRun run = ImageRun.of(image, "generate", "--check", "--root", checkout.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("is up to date");
  }

  @Test
  void offersEveryCommandAsTheTemplatesAndCronJobsRunThem() {
    Map<String, List<String>> options = Map.of(
        "analyze", List.of("--image", "--tag", "--digest", "--kargo-credentials", "--git-repo", "--git-branch"),
        "record-update", List.of("--image", "--tag", "--digest", "--git-repo", "--git-branch"),
        "rebuild", List.of("--all", "--now", "--record-only", "--git-repo", "--git-branch"),
        "verify", List.of("--all", "--write-state", "--quiet", "--kargo-credentials", "--git-repo", "--git-branch"));
    options.forEach((command, flags) -> {
      ImageRun run = ImageRun.of(image, command, "--help");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).as(command).contains(flags);
    });
  }

  @Test
  void analysesAManagedImageInARealStateRepositoryFromItsOwnLayers() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("analyze"));
    Path content = Files.createDirectories(dir.resolve("source"));
    Files.writeString(content.resolve("Dockerfile"), "ARG V=3.20\nFROM alpine:${V} AS run\nRUN true\n");
    String source = GitRemotes.bareWith(dir.resolve("source.git"), content);
    Path fleet = Files.createDirectories(dir.resolve("fleet/image-factory"));
    Files.writeString(fleet.resolve("images.yaml"), "- name: app\n  registry: ghcr.io\n  repository: acme/app\n"
        + "  source: {provider: github, repo: \"" + source + "\", workflow: build.yml}\n");
    Files.writeString(fleet.resolve("settings.yaml"),
        "stateRepository: {url: https://example.invalid/s.git}\nanalysis: {image: ghcr.io/acme/analysis:1}\n");
    String remote = GitRemotes.bareWith(dir.resolve("state.git"), fleet.getParent());
    ImageRun run = ImageRun.of(image, "analyze", "--image", "app", "--tag", "1.0.0", "--digest",
        "sha256:" + "a".repeat(64), "--git-repo", remote, "--git-branch", "main");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    try (Git git = GitRemotes.clone(remote, dir.resolve("check"))) {
      assertThat(dir.resolve("check/image-factory/state/base-images/alpine-3-20.yaml")).content()
          .contains("dependentImages:\n  - app\n");
      assertThat(git.log().call().iterator().next().getAuthorIdent().getName()).isEqualTo("Image Factory Bot");
    }
  }

  @Test
  void recordsAnUpdateInARealStateRepositoryFromItsOwnLayers() throws Exception {
    String remote = GitRemotes.bareWith(tmp.resolve("state.git"), Fixtures.exampleCheckout(tmp.resolve("fleet")));
    String digest = "sha256:" + "e".repeat(64);
    // JGit runs as in the pod: HOME, XDG_CONFIG_HOME, user.home and the clone all under the image's /tmp
    ImageRun run = ImageRun.of(image, "record-update", "--image", "node-22", "--tag", "22", "--digest", digest,
        "--git-repo", remote, "--git-branch", "main");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    try (Git git = GitRemotes.clone(remote, tmp.resolve("check"))) {
      assertThat(tmp.resolve("check/image-factory/state/base-images/node-22.yaml")).content()
          .contains("currentDigest: " + digest);
      assertThat(git.log().call().iterator().next().getAuthorIdent().getName()).isEqualTo("Image Factory Bot");
    }
  }

  private Map<String, String> buildProperties(String tag) {
    return Map.of(
        "analysis.baseImage", baseImage,
        "analysis.source", SOURCE,
        "analysis.revision", REVISION,
        "jib.to.image", registry.hostPort() + "/" + REPOSITORY + ":" + tag,
        "jib.allowInsecureRegistries", "true");
  }

  private List<String> platforms() throws IOException {
    return StreamSupport.stream(JSON.readTree(index.body()).path("manifests").spliterator(), false)
        .map(m -> m.path("platform").path("os").asText() + "/" + m.path("platform").path("architecture").asText())
        .toList();
  }

  private String platformDigest(String architecture) throws IOException {
    for (JsonNode m : JSON.readTree(index.body()).path("manifests")) {
      if (m.path("platform").path("architecture").asText().equals(architecture)) {
        return m.path("digest").asText();
      }
    }
    throw new AssertionError("no " + architecture + " image in " + new String(index.body()));
  }

  private JsonNode config(String manifestDigest) throws IOException {
    JsonNode manifest = JSON.readTree(registry.manifest(REPOSITORY, manifestDigest).body());
    return JSON.readTree(registry.blob(REPOSITORY, manifest.path("config").path("digest").asText()));
  }

  private List<String> entrypoint() {
    return StreamSupport.stream(image.runtime().path("Entrypoint").spliterator(), false).map(JsonNode::asText).toList();
  }

  private Map<String, String> env() {
    Map<String, String> env = new TreeMap<>();
    for (JsonNode variable : image.runtime().path("Env")) {
      String[] nameValue = variable.asText().split("=", 2);
      env.put(nameValue[0], nameValue[1]);
    }
    return env;
  }

  private List<String> names(int layer) {
    return image.layers().get(layer).stream().filter(e -> e.type() == Tar.FILE).map(Tar.Entry::name).toList();
  }

  /** The pod specs of the generated AnalysisTemplates' Jobs and CronJobs. */
  private static List<Map<String, Object>> pods() {
    Settings settings = new Settings("image-factory", "https://example.invalid/state.git", "main",
        "registry.example.invalid/image-factory-analysis:1", "5m0s", Settings.GITHUB_COM, Settings.GITLAB_COM);
    List<Map<String, Object>> pods = new ArrayList<>(AnalysisTemplates.of(settings).stream()
        .map(t -> map(at(t.document(), "spec", "metrics", 0, "provider", "job", "spec", "template", "spec")))
        .toList());
    ScheduledJobs.of(settings, List.of()).forEach(c -> pods.add(map(at(c.document(), "spec", "jobTemplate", "spec",
        "template", "spec"))));
    return pods;
  }

  private static Map<String, Object> container(Map<String, Object> pod) {
    return map(at(pod, "containers", 0));
  }

  /** The node at {@code path} (map keys and list indexes) of a generated document. */
  private static Object at(Object tree, Object... path) {
    Object node = tree;
    for (Object step : path) {
      node = step instanceof Integer i ? ((List<?>) node).get(i) : ((Map<?, ?>) node).get(step);
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    return (Map<String, Object>) node;
  }
}
