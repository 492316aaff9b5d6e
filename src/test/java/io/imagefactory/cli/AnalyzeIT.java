package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.workspace.Checkout;
import io.imagefactory.fleet.FleetMerger;
import io.imagefactory.kargo.KargoGenerator;
import io.imagefactory.kargo.Manifest;
import io.imagefactory.testing.GitRemotes;
import io.imagefactory.testing.GitServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code analyze} end to end: source repositories and the state repository are real bare git
 * repositories; the Dockerfiles are parsed by the real parser; the result is read from a clone.
 */
class AnalyzeIT {
  static final int APPS = 8;
  static final String DIGEST = "sha256:" + "ab".repeat(32);

  @TempDir Path tmp;
  Path fleet;
  String stateRemote;
  String stateUrlInSettings;

  @BeforeEach
  void createRepositories() throws Exception {
    fleet = Files.createDirectories(tmp.resolve("fleet/image-factory"));
    StringBuilder images = new StringBuilder();
    for (int i = 0; i < APPS; i++) {
      String source = sourceRepo("app-" + i, """
          # syntax=docker/dockerfile:1.7
          ARG NODE=22
          FROM node:${NODE}-bookworm-slim AS build
          RUN npm ci
          FROM nginx:1.27-alpine
          COPY --from=build /app /usr/share/nginx/html
          """ + (i % 2 == 0 ? "FROM alpine:3." + (18 + i % 3) + " AS extra\n" : ""));
      images.append("- name: app-").append(i).append("\n  registry: ghcr.io\n  repository: acme/app-").append(i)
          .append("\n  source:\n    provider: github\n    repo: ").append(source)
          .append("\n    workflow: build.yml\n  rebuildDelay: 2d\n");
    }
    Files.writeString(fleet.resolve("images.yaml"), images.toString());
    Path bare = tmp.resolve("state.git");
    stateUrlInSettings = GitRemotes.url(bare);
    Files.writeString(fleet.resolve("settings.yaml"), "stateRepository: {url: " + stateUrlInSettings
        + "}\nanalysis: {image: ghcr.io/acme/image-factory-analysis:0.1.0}\n");
    stateRemote = GitRemotes.bareWith(bare, tmp.resolve("fleet"));
  }

  @Test
  void analysesAManagedImageAndPushesItsStateAsTheBot() throws Exception {
    CliRun r = analyze("--image", "app-0", "--tag", "1.2.3", "--digest", DIGEST, "--git-repo", stateRemote);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("app-0: 3 base images (node:22-bookworm-slim, nginx:1.27-alpine, alpine:3.18)");
    Path state = cloneState();
    assertThat(state.resolve("image-factory/state/images/app-0.yaml")).content()
        .contains("baseImages:\n  - node-22-bookworm-slim\n  - nginx-1-27-alpine\n  - alpine-3-18\n",
            "currentVersion: 1.2.3\n", "currentDigest: " + DIGEST, "lastDiscovery: \"2026-11-24T12:00:00Z\"")
        .doesNotContain("repoURL", "allowTags");
    assertThat(state.resolve("image-factory/state/base-images/node-22-bookworm-slim.yaml")).content()
        .contains("repoURL: docker.io/library/node\n", "allowTags: ^22-bookworm-slim$\n", "imageSelectionStrategy: Lexical\n",
            "dependentImages:\n  - app-0\n");
    try (Git git = Git.open(state.toFile())) {
      var head = git.log().setMaxCount(1).call().iterator().next();
      assertThat(head.getAuthorIdent().getName()).isEqualTo("Image Factory Bot");
      assertThat(head.getShortMessage()).isEqualTo("analyze app-0 1.2.3 (" + DIGEST + ")");
    }
  }

  @Test
  void eightAnalysesStartedAtOnceAllLand() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(APPS);
    List<Future<CliRun>> runs = new ArrayList<>();
    for (int i = 0; i < APPS; i++) {
      String image = "app-" + i;
      runs.add(pool.submit(() -> {
        start.await();
        return analyze("--image", image, "--tag", "1.0." + image.charAt(4), "--digest", DIGEST, "--git-repo", stateRemote);
      }));
    }
    start.countDown();
    for (Future<CliRun> run : runs) {
      assertThat(run.get().exitCode()).as(run.get().err()).isZero();
    }
    pool.shutdown();
    Path state = cloneState();
    for (int i = 0; i < APPS; i++) {
      assertThat(state.resolve("image-factory/state/images/app-" + i + ".yaml")).content().contains("currentVersion: 1.0." + i);
    }
    String node = Files.readString(state.resolve("image-factory/state/base-images/node-22-bookworm-slim.yaml"));
    for (int i = 0; i < APPS; i++) {
      assertThat(node).as("every analysis added itself to the shared base image").contains("  - app-" + i + "\n");
    }
    assertThat(state.resolve("image-factory/state/base-images/alpine-3-18.yaml")).content()
        .contains("dependentImages:\n  - app-0\n  - app-6\n");
  }

  @Test
  void theGeneratedAnalysisTemplateCallsAnalyzeAsItExpects() throws Exception {
    Checkout.Loaded loaded = new Checkout(tmp.resolve("fleet")).load();
    List<Manifest> manifests = KargoGenerator.generate(FleetMerger.merge(loaded.inputs()));
    Manifest template = manifests.stream().filter(m -> m.name().equals("image-factory-analyze")).findFirst().orElseThrow();
    List<String> args = new ArrayList<>();
    for (Object a : containerArgs(template)) {
      args.add(String.valueOf(a).replace("{{args.image}}", "app-3").replace("{{args.tag}}", "22")
          .replace("{{args.digest}}", DIGEST));
    }
    assertThat(args).containsSubsequence("--git-repo", stateUrlInSettings);
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(cloneState().resolve("image-factory/state/images/app-3.yaml")).content().contains("currentVersion: \"22\"");
  }

  @Test
  void withoutGitRepoItWritesTheLocalCheckoutAndCommitsNothing() throws Exception {
    Path root = tmp.resolve("fleet");
    try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
      GitRemotes.commitAll(git, "the local checkout");
      String head = git.getRepository().resolve("HEAD").getName();
      CliRun r = analyze("--image", "app-1", "--root", root.toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("wrote image-factory/state/images/app-1.yaml, "
          + "image-factory/state/base-images/nginx-1-27-alpine.yaml");
      assertThat(root.resolve("image-factory/state/images/app-1.yaml")).content().contains("  - nginx-1-27-alpine\n");
      assertThat(git.getRepository().resolve("HEAD").getName()).as("no commit").isEqualTo(head);
      assertThat(git.status().call().getUntracked()).contains("image-factory/state/images/app-1.yaml");
    }
  }

  @Test
  void analyzeAllReportsEachImage() throws Exception {
    CliRun r = analyze("--all", "--git-repo", stateRemote);
    assertThat(r.exitCode()).as(r.err()).isZero();
    for (int i = 0; i < APPS; i++) {
      assertThat(r.out()).contains("[" + (i + 1) + "/" + APPS + "] app-" + i + ": ");
    }
    assertThat(cloneState().resolve("image-factory/state/base-images/nginx-1-27-alpine.yaml")).content()
        .contains("  - app-7\n");
  }

  @Nested
  class BadInput {
    @Test
    void aMalformedDockerfileIsOneLineAndWritesNothing() throws Exception {
      enroll("broken", sourceRepo("broken", "FROM\nRUN true\n"));
      CliRun r = analyze("--image", "broken", "--git-repo", stateRemote);
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err().lines()).hasSize(1);
      assertThat(r.err()).contains("Dockerfile:1");
      assertNothingPushed();
    }

    @Test
    void aMissingDockerfilePathIsOneLineWithTheFix() throws Exception {
      enroll("nodockerfile", sourceRepo("nodockerfile", "FROM alpine\n"), "docker/Dockerfile");
      CliRun r = analyze("--image", "nodockerfile", "--git-repo", stateRemote);
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains("there is no file at this path", "check source.dockerfile in images.yaml");
      assertNothingPushed();
    }

    @Test
    void aDockerfileInGitIsReadUpToTheParsersSizeLimitAndRefusedPastIt() throws Exception {
      String head = "FROM alpine:3.20\n# ";
      int limit = io.imagefactory.dockerfile.DockerfileLimits.MAX_FILE_BYTES;
      enroll("atlimit", sourceRepo("atlimit", head + "x".repeat(limit - head.length() - 1) + "\n"));
      enroll("overlimit", sourceRepo("overlimit", head + "x".repeat(limit - head.length()) + "\n"));
      CliRun ok = analyze("--image", "atlimit", "--git-repo", stateRemote);
      assertThat(ok.exitCode()).as(ok.err()).isZero();
      CliRun r = analyze("--image", "overlimit", "--git-repo", stateRemote);
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains("overlimit.git", "@main:Dockerfile: the file is larger than 4 MiB");
    }

    @Test
    void anUnknownImageNamesTheEnrolledOnes() {
      CliRun r = analyze("--image", "app-99", "--git-repo", stateRemote);
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).startsWith("image-factory: --image: image \"app-99\" is not enrolled in images.yaml. use one of: app-0, app-1");
    }

    @Test
    void anUnreachableSourceRepositoryIsAnExternalFailure() throws Exception {
      enroll("gone", GitRemotes.url(tmp.resolve("gone.git")));
      CliRun r = analyze("--image", "gone", "--git-repo", stateRemote);
      assertThat(r.exitCode()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
      assertThat(r.err()).contains("Tried to clone", "could not reach");
      assertNothingPushed();
    }

    @Test
    void aRefusedSourceTokenSaysWhichVariableToFix() throws Exception {
      sourceRepo("srv/private", "FROM alpine:3.20\n");
      try (GitServer server = GitServer.start(tmp.resolve("src/srv"), "good")) {
        enroll("private", server.url("private.git"));
        CliRun r = CliRun.with(Map.of("GITHUB_TOKEN", "bad"), "analyze", "--image", "private", "--git-repo", stateRemote);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
        assertThat(r.err()).contains("refused the credentials", "set GITHUB_TOKEN").doesNotContain("bad)");
        CliRun ok = CliRun.with(Map.of("GITHUB_TOKEN", "good"), "analyze", "--image", "private", "--git-repo", stateRemote);
        assertThat(ok.exitCode()).as(ok.err()).isZero();
      }
    }

    @Test
    void aDockerfileThatIsALinkInTheRepositoryIsRefusedNotReadAsItsTargetsPath() throws Exception {
      String linked = sourceRepo("linked", "FROM alpine:3.20\n");
      Path work = tmp.resolve("linked-work");
      try (Git git = GitRemotes.clone(linked, work)) {
        Files.createDirectories(work.resolve("docker"));
        Files.move(work.resolve("Dockerfile"), work.resolve("docker/Dockerfile"));
        Files.createSymbolicLink(work.resolve("Dockerfile"), Path.of("docker/Dockerfile"));
        GitRemotes.commitAll(git, "the Dockerfile moves; a link stays");
        git.push().call();
      }
      enroll("linked", linked);
      CliRun r = analyze("--image", "linked", "--git-repo", stateRemote);
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains(":Dockerfile: is a symbolic link in the repository",
          "point source.dockerfile in images.yaml at the file the link names");
      assertNothingPushed();
    }

    @Test
    void aSubmoduleAsTheDockerfileIsInvalidInputNotAGitFailure() throws Exception {
      String other = sourceRepo("other", "FROM alpine:3.20\n");
      String withSubmodule = sourceRepo("with-submodule", "FROM alpine:3.20\n");
      try (Git git = GitRemotes.clone(withSubmodule, tmp.resolve("with-submodule-work"))) {
        git.submoduleAdd().setPath("vendor").setURI(other).call().close();
        GitRemotes.commitAll(git, "add a submodule");
        git.push().call();
      }
      enroll("submodule", withSubmodule, "vendor");
      CliRun r = analyze("--image", "submodule", "--git-repo", stateRemote);
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains(":vendor: is a submodule").doesNotContain("Exception");
      assertNothingPushed();
    }

    @Test
    void errorsAboutTheDockerfileNameTheFlagThatGaveIt() {
      CliRun r = analyze("--image", "app-0", "--dockerfile", "docker/Nope", "--git-repo", stateRemote);
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains("there is no file at this path", "check --dockerfile").doesNotContain("images.yaml");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "/Dockerfile", "../Dockerfile", "docker//Dockerfile"})
    void aDockerfileFlagThatIsNoPathInTheRepositoryIsInvalidInput(String path) {
      CliRun r = analyze("--image", "app-0", "--dockerfile", path, "--git-repo", stateRemote);
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).isEqualTo("image-factory: --dockerfile: \"" + path + "\" is not a path inside the repository."
          + " give the Dockerfile's path from the repository root, e.g. Dockerfile or docker/app/Dockerfile.\n");
    }

    @Test
    void aLocalPathAsSourceRepoIsClonedFromThere() {
      String local = tmp.resolve("src/app-1.git").toString();
      CliRun r = analyze("--image", "app-0", "--source-repo", local, "--git-repo", stateRemote);
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("app-0");
    }

    @Test
    void aMissingLocalSourceRepoSaysSo() {
      CliRun r = analyze("--image", "app-0", "--source-repo", "./no-such-repo", "--git-repo", stateRemote);
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).startsWith("image-factory: --source-repo ./no-such-repo: no such directory.");
    }

    private void enroll(String name, String repo) throws Exception {
      enroll(name, repo, "Dockerfile");
    }

    private void enroll(String name, String repo, String dockerfile) throws Exception {
      Path work = tmp.resolve("enroll-" + name);
      try (Git git = GitRemotes.clone(stateRemote, work)) {
        Path images = work.resolve("image-factory/images.yaml");
        Files.writeString(images, Files.readString(images) + "- name: " + name + "\n  registry: ghcr.io\n  repository: acme/"
            + name + "\n  source: {provider: github, repo: \"" + repo + "\", workflow: b.yml, dockerfile: " + dockerfile + "}\n");
        GitRemotes.commitAll(git, "enroll " + name);
        git.push().call();
      }
    }

    private void assertNothingPushed() throws Exception {
      try (Git git = Git.open(cloneState().toFile())) {
        assertThat(git.log().setMaxCount(1).call().iterator().next().getAuthorIdent().getName())
            .isNotEqualTo("Image Factory Bot");
      }
    }
  }

  private CliRun analyze(String... args) {
    List<String> all = new ArrayList<>(List.of("analyze"));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  private String sourceRepo(String name, String dockerfile) throws Exception {
    Path content = Files.createDirectories(tmp.resolve("content/" + name));
    Files.writeString(content.resolve("Dockerfile"), dockerfile);
    return GitRemotes.bareWith(tmp.resolve("src/" + name + ".git"), content);
  }

  private Path cloneState() {
    Path dir = tmp.resolve("check-" + System.nanoTime());
    GitRemotes.clone(stateRemote, dir).close();
    return dir;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> containerArgs(Manifest template) {
    Map<String, Object> spec = (Map<String, Object>) template.document().get("spec");
    Map<String, Object> metric = (Map<String, Object>) ((List<Object>) spec.get("metrics")).get(0);
    Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) metric.get("provider")).get("job");
    Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) job.get("spec"))
        .get("template")).get("spec");
    return (List<Object>) ((Map<String, Object>) ((List<Object>) pod.get("containers")).get(0)).get("args");
  }
}
