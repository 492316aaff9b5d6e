package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import io.imagefactory.testing.TestImages.Spec;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} of a fleet against Debian's docker-registry: phases, conditions, metadata, state. */
class VerifyIT {
  @TempDir static Path dir;
  static Registry registry;
  static Pushed amd64;
  static Pushed oldAmd64;
  static Pushed index;
  @TempDir Path fleet;

  @BeforeAll
  static void seed() {
    registry = Registry.start(dir.resolve("registry"));
    oldAmd64 = TestImages.image(registry, "acme/app", new Spec("linux", "amd64", null, "2026-04-01T10:00:00Z", Map.of(),
        List.of("old")), false);
    amd64 = TestImages.image(registry, "acme/app", new Spec("linux", "amd64", null, "2026-05-01T10:00:00Z", Map.of(),
        List.of("x".repeat(3_000), "shared")), false);
    TestImages.tag(registry, "acme/app", "v1", amd64);
    Pushed arm64 = TestImages.image(registry, "acme/multi", new Spec("linux", "arm64", "v8", "2026-05-01T10:00:00Z",
        Map.of(), List.of("y".repeat(1_000), "shared")), false);
    Pushed multiAmd64 = TestImages.image(registry, "acme/multi", new Spec("linux", "amd64", null, "2026-05-01T10:00:00Z",
        Map.of(), List.of("z", "shared")), false);
    index = TestImages.index(registry, "acme/multi", List.of(multiAmd64, arm64), 2, false);
    TestImages.tag(registry, "acme/multi", "v2", index);
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void writeFleet() throws IOException {
    String r = registry.hostPort();
    Files.createDirectories(fleet.resolve("image-factory/state/images"));
    Path bases = Files.createDirectories(fleet.resolve("image-factory/state/base-images"));
    Files.writeString(fleet.resolve("image-factory/settings.yaml"), "stateRepository: {url: https://example.invalid/s.git}\n"
        + "analysis: {image: ghcr.io/acme/analysis:1}\nverificationInterval: 30m\n");
    Files.writeString(fleet.resolve("image-factory/images.yaml"), ""
        + "- name: app\n  registry: " + r + "\n  repository: acme/app\n  allowTags: ^v1$\n  imageSelectionStrategy: Lexical\n"
        + "  digest: " + oldAmd64.digest() + "\n  metadata:\n    architecture: arm64\n    distro: cs9\n"
        + "- name: multi\n  registry: " + r + "\n  repository: acme/multi\n  imageSelectionStrategy: Lexical\n"
        + "  allowTags: ^v2$\n  verificationInterval: 2h\n  metadata:\n    architecture: aarch64\n    os: linux\n"
        + "- name: missing\n  registry: " + r + "\n  repository: acme/missing\n  allowTags: ^v1$\n  imageSelectionStrategy: Lexical\n"
        + "- name: unbuilt\n  registry: " + r + "\n  repository: acme/unbuilt\n"
        + "  source: {provider: github, repo: acme/unbuilt, workflow: build.yml}\n");
    int port = closedPort();
    Files.writeString(bases.resolve("gone.yaml"), "name: gone\nfullImage: 127.0.0.1:" + port + "/lib/gone:1\n"
        + "registry: 127.0.0.1:" + port + "\nrepository: lib/gone\ntag: \"1\"\n");
  }

  @Test
  void reportsEachImagesPhaseConditionsAndRegistryMetadata() {
    CliRun run = CliRun.in(fleet, "verify", "--all");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains(
        "Available   app  " + registry.hostPort() + "/acme/app:v1  " + amd64.digest() + "  linux/amd64",
        "MetadataConsistent False MetadataConflict: architecture is declared arm64 but the registry serves amd64;"
            + " the registry's value is reported",
        "DigestPinned False TagMoved: " + registry.hostPort() + "/acme/app:v1 now points at " + amd64.digest()
            + ", not at the pinned " + oldAmd64.digest(),
        "Available   multi  " + registry.hostPort() + "/acme/multi:v2  " + index.digest() + "  linux/amd64,linux/arm64/v8",
        "Failed      missing  ",
        "Available False NotFound: Tried to",
        "Pending     unbuilt  -",
        "Unavailable gone (base image)",
        "Available False RegistryUnavailable: Tried to",
        "Pinned digests their tag no longer points at:\n  app: ",
        "5 verified: 1 Pending, 2 Available, 1 Unavailable, 1 Failed");
    assertThat(run.out()).doesNotContain("MetadataConsistent False MetadataConflict: architecture is declared aarch64");
  }

  @Test
  void checksTheRequiredPlatformsAndSizeBudgetImagesYamlDeclares() throws IOException {
    Path images = fleet.resolve("image-factory/images.yaml");
    String text = Files.readString(images);
    Files.writeString(images, text.replace("  allowTags: ^v2$\n", "  allowTags: ^v2$\n  platforms: [linux/amd64, linux/arm64]\n"
        + "  sizeBudget: 1kB\n").replace("  digest: " + oldAmd64.digest() + "\n",
        "  digest: " + oldAmd64.digest() + "\n  platforms: linux/amd64,linux/arm64\n"));
    CliRun run = CliRun.in(fleet, "verify", "app", "multi");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains(
        "RequirementsMet False MissingPlatform: " + registry.hostPort() + "/acme/app:v1@" + amd64.digest()
            + " lacks the platform linux/arm64 (it has linux/amd64)",
        "RequirementsMet False OverSizeBudget: " + registry.hostPort() + "/acme/multi:v2@" + index.digest()
            + " for linux/arm64/v8 is 1.3 kB compressed, over the budget of 1.0 kB",
        "2 verified: 2 Available; 2 of them miss their platforms or size budget");
  }

  @Test
  void quietPrintsOnlyWhatNeedsAttentionAndJsonCarriesTheMetadata() {
    CliRun quiet = CliRun.in(fleet, "verify", "multi", "--quiet");
    assertThat(quiet.exitCode()).as(quiet.err()).isZero();
    assertThat(quiet.out()).isEmpty();

    CliRun json = CliRun.in(fleet, "verify", "multi", "app", "--output", "json");
    assertThat(json.exitCode()).isZero();
    assertThat(json.out()).contains("\"name\" : \"multi\"", "\"resolvedDigest\" : \"" + index.digest() + "\"",
        "\"mediaType\" : \"application/vnd.oci.image.index.v1+json\"", "\"platforms\" : [ \"linux/amd64\", \"linux/arm64/v8\" ]",
        "\"architecture\" : \"arm64\"", "\"verificationInterval\" : \"PT2H\"", "\"verificationInterval\" : \"PT30M\"",
        "\"sizeBytes\" : " + amd64.blobBytes(), "\"layerCount\" : 2", "\"movedPins\" : [ \"app\" ]");
  }

  @Test
  void writeStateRecordsOnlyChangesAndTheTimeOnceADay() throws IOException {
    CliRun first = CliRun.in(fleet, "verify", "app", "multi", "--write-state");
    assertThat(first.exitCode()).as(first.err()).isZero();
    Path app = fleet.resolve("image-factory/state/images/app.yaml");
    String written = Files.readString(app);
    assertThat(written).contains("verification:\n  reference: " + registry.hostPort() + "/acme/app:v1\n  phase: Available\n"
        + "  registryMetadata:\n    resolvedDigest: " + amd64.digest() + "\n",
        "    platform: linux/amd64\n", "  metadata:\n    architecture: amd64\n    os: linux\n",
        "    - type: DigestPinned\n      status: \"False\"\n      reason: TagMoved\n",
        "  lastVerificationTime: \"2026-11-24T12:00:00Z\"");
    assertThat(first.out()).contains("image app: Available " + amd64.digest(), "wrote image-factory/state/images/app.yaml");

    CliRun later = at(Duration.ofHours(3), "verify", "app", "multi", "--write-state");
    assertThat(later.out()).contains("verification unchanged: nothing to write");
    assertThat(Files.readString(app)).isEqualTo(written);

    CliRun nextDay = at(Duration.ofHours(25), "verify", "app", "--write-state");
    assertThat(nextDay.out()).contains("wrote image-factory/state/images/app.yaml");
    assertThat(Files.readString(app)).contains("lastVerificationTime: \"2026-11-25T13:00:00Z\"",
        "lastTransitionTime: \"2026-11-24T12:00:00Z\"");
    assertThat(CliRun.in(fleet, "validate").exitCode()).isZero();
  }

  @Test
  void onlyDueChecksEachImageOncePerItsOwnIntervalAndAFailingOneEveryRun() throws IOException {
    String[] scheduled = {"verify", "app", "multi", "gone", "--only-due", "--write-state"};
    CliRun first = CliRun.in(fleet, scheduled);
    assertThat(first.out()).as("never verified: all due").contains("3 verified: 2 Available, 1 Unavailable\n");
    Path multi = fleet.resolve("image-factory/state/images/multi.yaml");
    String written = Files.readString(multi);

    int mark = registry.log().length();
    CliRun late = at(Duration.ofMinutes(30).plusSeconds(40), scheduled);
    assertThat(late.out()).as("the 12:30 run, started late: app every 30m, gone failing; multi every 2h")
        .contains("Available   app  ", "Unavailable gone (base image)",
            "2 verified: 1 Available, 1 Unavailable; 1 skipped as not due\n")
        .doesNotContain("multi");
    assertThat(requestsSince(mark)).isNotEmpty().noneMatch(r -> r.contains("acme/multi"));
    assertThat(Files.readString(multi)).isEqualTo(written);

    CliRun twoHoursOn = at(Duration.ofHours(2), scheduled);
    assertThat(twoHoursOn.out()).contains("Available   multi  ", "3 verified: 2 Available, 1 Unavailable\n");
    assertThat(at(Duration.ofMinutes(150), "verify", "app", "multi", "--only-due", "--output", "json").out())
        .contains("\"name\" : \"app\"", "\"notDue\" : 1").doesNotContain("\"name\" : \"multi\"");
  }

  @Test
  void aFailureKeepsTheLastMetadataAndMovesOnlyTheChangedConditionsTime() throws IOException {
    assertThat(CliRun.in(fleet, "verify", "gone", "--write-state").exitCode()).isEqualTo(1);
    Path gone = fleet.resolve("image-factory/state/base-images/gone.yaml");
    assertThat(Files.readString(gone)).contains("phase: Unavailable", "reason: RegistryUnavailable",
        "status: \"False\"");
  }

  @Test
  void anImageStillAtTheDigestItsStateRecordsIsCheckedWithOneHeadRequestAndAMovedOneIsReadWhole() throws IOException {
    Pushed first = TestImages.image(registry, "acme/moving", new Spec("linux", "amd64", null, "2026-05-01T10:00:00Z",
        Map.of(), List.of("first")), false);
    Pushed second = TestImages.image(registry, "acme/moving", new Spec("linux", "arm64", "v8", "2026-05-02T10:00:00Z",
        Map.of(), List.of("second")), false);
    TestImages.tag(registry, "acme/moving", "v1", first);
    Files.writeString(fleet.resolve("image-factory/images.yaml"), "- name: moving\n  registry: " + registry.hostPort()
        + "\n  repository: acme/moving\n  allowTags: ^v1$\n  imageSelectionStrategy: Lexical\n", StandardOpenOption.APPEND);
    assertThat(CliRun.in(fleet, "verify", "moving", "multi", "--write-state").exitCode()).isZero();
    Path multi = fleet.resolve("image-factory/state/images/multi.yaml");
    String written = Files.readString(multi);

    int mark = registry.log().length();
    CliRun unchanged = at(Duration.ofHours(25), "verify", "moving", "multi", "--write-state");
    assertThat(unchanged.exitCode()).as(unchanged.err()).isZero();
    assertThat(requestsSince(mark)).containsExactlyInAnyOrder("GET /v2/", "HEAD /v2/acme/moving/manifests/v1",
        "HEAD /v2/acme/multi/manifests/v2");
    assertThat(Files.readString(multi)).as("the index's platforms, as read the day before")
        .isEqualTo(written.replace("lastVerified: \"2026-11-24T12:00:00Z\"", "lastVerified: \"2026-11-25T13:00:00Z\"")
            .replace("lastVerificationTime: \"2026-11-24T12:00:00Z\"", "lastVerificationTime: \"2026-11-25T13:00:00Z\""));

    TestImages.tag(registry, "acme/moving", "v1", second);
    mark = registry.log().length();
    CliRun moved = at(Duration.ofHours(26), "verify", "moving", "--write-state");
    assertThat(moved.exitCode()).as(moved.err()).isZero();
    List<String> read = requestsSince(mark);
    assertThat(read).contains("HEAD /v2/acme/moving/manifests/v1", "GET /v2/acme/moving/manifests/v1");
    assertThat(read).as("its config").anySatisfy(r -> assertThat(r).startsWith("GET /v2/acme/moving/blobs/sha256:"));
    assertThat(fleet.resolve("image-factory/state/images/moving.yaml")).content()
        .contains("resolvedDigest: " + second.digest(), "platform: linux/arm64/v8");
  }

  /** The requests the registry answered since its log was {@code mark} characters long: method and path. */
  private static List<String> requestsSince(int mark) {
    Matcher m = Pattern.compile("msg=\"response completed[^\n]*http\\.request\\.method=(\\w+)[^\n]*"
        + "http\\.request\\.uri=\"?([^\" ]+)").matcher(registry.log().substring(mark));
    List<String> requests = new ArrayList<>();
    while (m.find()) {
      requests.add(m.group(1) + " " + m.group(2));
    }
    return requests;
  }

  private CliRun at(Duration later, String... args) {
    String[] all = List.of(args).toArray(new String[args.length + 2]);
    all[args.length] = "--root";
    all[args.length + 1] = fleet.toString();
    return CliRun.at(Clock.fixed(CliRun.CLOCK.instant().plus(later), ZoneOffset.UTC), Map.of(), all);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
