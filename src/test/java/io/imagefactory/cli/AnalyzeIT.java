package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.workspace.Checkout;
import io.imagefactory.fleet.FleetMerger;
import io.imagefactory.kargo.KargoGenerator;
import io.imagefactory.kargo.Manifest;
import io.imagefactory.testing.GitRemotes;
import io.imagefactory.testing.GitServer;
import io.imagefactory.testing.StallingServer;
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
            "currentVersion: 1.2.3\n", "currentDigest: " + DIGEST, "lastDiscovery: \"2026-11-24T12:00:00Z\"",
            "lastBuilt: \"2026-11-24T12:00:00Z\"")
        .doesNotContain("repoURL", "allowTags");
    assertThat(state.resolve("image-factory/state/base-images/node-22-bookworm-slim.yaml")).content()
        .contains("repoURL: docker.io/library/node\n", "allowTags: ^22-bookworm-slim$\n", "imageSelectionStrategy: Lexical\n",
            "dependentImages:\n  - app-0\n");
    try (Git git = Git.open(state.toFile())) {
      var head = git.log().setMaxCount(1).call().iterator().next();
      assertThat(head.getAuthorIdent().getName()).isEqualTo("Image Factory Bot");
      assertThat(head.getShortMessage()).isEqualTo("analyze app-0 1.2.3 (" + DIGEST + ")");
      assertThat(head.getFullMessage()).contains("dist/image-factory.k8s.yaml regenerated: + ");
    }
    assertThat(state.resolve("dist/image-factory.k8s.yaml")).content().contains("repoURL: docker.io/library/node\n");
    assertDistIsCurrent(state);
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
    assertThat(state.resolve("dist/image-factory.k8s.yaml")).content()
        .as("every lost race generated dist/ again").contains("alpine-3-18", "alpine-3-19", "alpine-3-20");
    assertDistIsCurrent(state);
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
      assertThat(git.status().call().getUntracked()).contains("image-factory/state/images/app-1.yaml",
          "dist/image-factory.k8s.yaml");
      assertDistIsCurrent(root);
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
    void aMalformedDockerfileIsOneLineAndRecordedAsFailed() throws Exception {
      enroll("broken", sourceRepo("broken", "FROM\nRUN true\n"));
      CliRun r = analyze("--image", "broken", "--git-repo", stateRemote);
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err().lines()).hasSize(1);
      assertThat(r.err()).contains("Dockerfile:1");
      assertFailureRecorded("broken", "Dockerfile:1");
    }

    @Test
    void aMissingDockerfilePathIsOneLineWithTheFixAndRecordedAsFailed() throws Exception {
      enroll("nodockerfile", sourceRepo("nodockerfile", "FROM alpine\n"), "docker/Dockerfile");
      CliRun r = analyze("--image", "nodockerfile", "--git-repo", stateRemote);
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains("there is no file at this path", "check source.dockerfile in images.yaml");
      assertFailureRecorded("nodockerfile", "there is no file at this path");
    }

    @Test
    void anUnresolvableFromIsRecordedAsFailedNamingTheBuildArg() throws Exception {
      enroll("perarch", sourceRepo("perarch", "FROM golang:1.22-${TARGETARCH}\n"));
      CliRun r = analyze("--image", "perarch", "--git-repo", stateRemote);
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains("Dockerfile:1", "TARGETARCH", "source.buildArgs");
      assertFailureRecorded("perarch", "TARGETARCH");
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
    void aBrokenCommitUpstreamIsRecordedAsFailedAndKeepsTheWatches() throws Exception {
      CliRun ok = analyze("--image", "app-1", "--tag", "1.0.0", "--digest", DIGEST, "--git-repo", stateRemote);
      assertThat(ok.exitCode()).as(ok.err()).isZero();
      try (Git src = GitRemotes.clone(GitRemotes.url(tmp.resolve("src/app-1.git")), tmp.resolve("work-app-1"))) {
        Files.writeString(src.getRepository().getWorkTree().toPath().resolve("Dockerfile"), "FROM\n");
        GitRemotes.commitAll(src, "a broken Dockerfile");
        src.push().call();
      }
      CliRun r = analyze("--image", "app-1", "--tag", "1.0.1", "--digest", DIGEST, "--git-repo", stateRemote);
      assertThat(r.exitCode()).as("the job still fails").isEqualTo(ExitCodes.INVALID_INPUT);
      assertFailureRecorded("app-1", "Dockerfile:1");
      Path state = cloneState();
      assertThat(state.resolve("image-factory/state/images/app-1.yaml")).content()
          .contains("baseImages:\n  - node-22-bookworm-slim\n  - nginx-1-27-alpine\n", "currentVersion: 1.0.1\n");
      assertThat(state.resolve("image-factory/state/base-images/nginx-1-27-alpine.yaml")).content().contains("  - app-1\n");
      assertThat(state.resolve("dist/image-factory.k8s.yaml")).content().contains("- ^1\\.27-alpine$");
    }

    @Test
    void analyzeAllRecordsEachFailureAndKeepsTheOthers() throws Exception {
      enroll("broken", sourceRepo("broken", "FROM\nRUN true\n"));
      enroll("gone", GitRemotes.url(tmp.resolve("gone.git")));
      CliRun r = analyze("--all", "--git-repo", stateRemote);
      assertThat(r.exitCode()).as("partial failure").isEqualTo(ExitCodes.EXTERNAL_FAILURE);
      assertThat(r.err()).contains("2 of " + (APPS + 2) + " images could not be analysed (broken, gone)");
      assertThat(r.out()).contains("] broken: failed: ", "] gone: failed: ", "] app-7: 2 base images");
      Path state = cloneState();
      for (int i = 0; i < APPS; i++) {
        assertThat(state.resolve("image-factory/state/images/app-" + i + ".yaml")).content()
            .contains("discoveryStatus: success\n");
      }
      assertFailureRecorded("broken", "Dockerfile:1");
      assertFailureRecorded("gone", "could not reach");
    }

    @Test
    void analyzeAllGivesASourceThatNeverFinishesItsTimeBudgetAndGoesOn() throws Exception {
      try (StallingServer server = StallingServer.start()) {
        configure("hosts: {allowed: [\"127.0.0.1\"], insecure: [\"127.0.0.1\"]}\n"); // the stalling server speaks plain http
        enroll("stalled", server.url("stalled.git"));
        CliRun r = analyze("--all", "--image-timeout", "2", "--git-repo", stateRemote);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
        assertThat(r.out()).contains("] stalled: failed: ", "took longer than 2 seconds");
        assertFailureRecorded("stalled", "took longer than 2 seconds");
        assertThat(cloneState().resolve("image-factory/state/images/app-7.yaml")).content()
            .contains("discoveryStatus: success\n");
      }
    }

    @Test
    void aBaseImageEnrolledAsManagedLosesItsBaseImageFileAndItsDependentsFollowIt() throws Exception {
      CliRun first = analyze("--image", "app-0", "--tag", "1.0.0", "--digest", DIGEST, "--git-repo", stateRemote);
      assertThat(first.exitCode()).as(first.err()).isZero();
      enroll("nginx-1-27-alpine", sourceRepo("nginx", "FROM alpine:3.20\n"));
      CliRun r = analyze("--image", "nginx-1-27-alpine", "--tag", "1.27.1", "--digest", DIGEST, "--git-repo", stateRemote);
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("base image nginx-1-27-alpine (nginx:1.27-alpine) is now the managed image"
          + " nginx-1-27-alpine: its base image state is removed; app-0 follow nginx-1-27-alpine's builds");
      Path state = cloneState();
      assertThat(state.resolve("image-factory/state/base-images/nginx-1-27-alpine.yaml")).doesNotExist();
      assertThat(state.resolve("image-factory/state/images/app-0.yaml")).content().contains("  - nginx-1-27-alpine\n");
      assertThat(state.resolve("dist/image-factory.k8s.yaml")).content().doesNotContain("- ^1\\.27-alpine$");
      assertDistIsCurrent(state);
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
      assertFailureRecorded("gone", "could not reach");
    }

    @Test
    void aRefusedSourceTokenSaysWhichVariableToFix() throws Exception {
      sourceRepo("srv/private", "FROM alpine:3.20\n");
      try (GitServer server = GitServer.start(tmp.resolve("src/srv"), "good")) {
        String base = server.url("");
        // The token goes to GitHub's configured host only, and over plain http only when listed.
        configure("github: {url: " + base.substring(0, base.length() - 1) + "}\nhosts: {insecure: [\"127.0.0.1\"]}\n");
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
      assertFailureRecorded("linked", "is a symbolic link in the repository");
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
      assertFailureRecorded("submodule", "is a submodule");
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

    private void configure(String settings) throws Exception {
      Path work = tmp.resolve("configure");
      try (Git git = GitRemotes.clone(stateRemote, work)) {
        Path file = work.resolve("image-factory/settings.yaml");
        Files.writeString(file, Files.readString(file) + settings);
        GitRemotes.commitAll(git, "settings");
        git.push().call();
      }
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

    /** The image's state says why and when it failed; the commit is the bot's, with a dist/ that is current. */
    private void assertFailureRecorded(String image, String reason) throws Exception {
      Path state = cloneState();
      assertThat(state.resolve("image-factory/state/images/" + image + ".yaml")).content()
          .contains("discoveryStatus: failed\n", "discoveryError: ", reason, "lastDiscoveryAttempt: \"2026-11-24T12:00:00Z\"");
      try (Git git = Git.open(state.toFile())) {
        assertThat(git.log().setMaxCount(1).call().iterator().next().getAuthorIdent().getName())
            .isEqualTo("Image Factory Bot");
      }
      assertDistIsCurrent(state);
    }
  }

  /** {@code generate --check} on the state repository: its dist/ is what its state generates. */
  private static void assertDistIsCurrent(Path state) {
    CliRun check = CliRun.of("generate", "--check", "--root", state.toString());
    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
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
