package io.imagefactory.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.Problem;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Provider;
import io.imagefactory.tags.SelectionStrategy;
import io.imagefactory.config.Settings;
import io.imagefactory.config.Source;
import io.imagefactory.tags.TagPolicy;
import io.imagefactory.tags.Watch;
import io.imagefactory.fleet.FleetImage.Kind;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.DiscoveryStatus;
import io.imagefactory.state.ImageState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FleetMergerTest {
  static final Settings SETTINGS = new Settings("p", "https://example.com/s.git", "main", "ghcr.io/a/b:1",
      "5m0s", Settings.GITHUB_COM, Settings.GITLAB_COM);
  static final TagPolicy LEXICAL_22 = new TagPolicy("^22$", List.of(), SelectionStrategy.LEXICAL, null, null, null);

  @Test
  void managedImageIsNotWatchedEvenWhenItsStateStillHasWatchFields() {
    ImageState stale = image("app", List.of()).withWatch(Watch.of("docker.io/acme/app", LEXICAL_22));
    Fleet fleet = merge(List.of(managed("app")), Map.of("app", stale), Map.of());
    FleetImage app = fleet.image("app");
    assertThat(app.kind()).isEqualTo(Kind.MANAGED);
    assertThat(app.isWatched()).isFalse();
  }

  @Test
  void externalImageTakesItsWatchFromImagesYaml() {
    ImageEnrollment e = ImageEnrollment.external("pg", "docker.io", "library/postgres",
        new TagPolicy("^16$", List.of(), SelectionStrategy.LEXICAL, null, null, null));
    ImageState old = image("pg", List.of()).withWatch(Watch.of("docker.io/library/postgres", LEXICAL_22));
    FleetImage pg = merge(List.of(e), Map.of("pg", old), Map.of()).image("pg");
    assertThat(pg.isWatched()).isTrue();
    assertThat(pg.subscription().orElseThrow().policy().allowTags()).isEqualTo("^16$");
  }

  @Test
  void linksManagedImagesToTheirBaseImagesBothWays() {
    Fleet fleet = merge(List.of(managed("app")), Map.of("app", image("app", List.of("node-22"))),
        Map.of("node-22", base("node-22", "app")));
    assertThat(fleet.image("app").baseImages()).containsExactly("node-22");
    assertThat(fleet.image("node-22").dependents()).containsExactly("app");
    assertThat(fleet.problems()).isEmpty();
  }

  @Test
  void warnsAboutABaseImageWithoutStateAndLeavesItOut() {
    Fleet fleet = merge(List.of(managed("app")), Map.of("app", image("app", List.of("ghost"))), Map.of());
    assertThat(fleet.image("app").baseImages()).isEmpty();
    assertThat(fleet.problems()).extracting(Problem::toString).containsExactly(
        "image-factory/state/images/app.yaml: warning: base image \"ghost\" has no state file, so rebuilds of \"app\""
            + " do not follow it. run the analysis again (image-factory analyze --image app).");
  }

  @Test
  void saysWhyABaseImagePinnedByDigestOnlyIsNotWatched() {
    String digest = "sha256:" + "0".repeat(64);
    BaseImageState pinned = new BaseImageState("node-pinned",
        BaseImageState.Reference.of("node@" + digest, "docker.io", "library/node", null, digest),
        Watch.of("docker.io/library/node", TagPolicy.NONE), null, List.of("app"), null);
    Fleet fleet = merge(List.of(managed("app")), Map.of("app", image("app", List.of("node-pinned"))),
        Map.of("node-pinned", pinned));
    assertThat(fleet.problems()).extracting(Problem::toString).containsExactly(
        "image-factory/state/base-images/node-pinned.yaml: warning: base image \"node-pinned\" is pinned by digest"
            + " only, so there is no tag to watch and images built from it are not rebuilt when it changes."
            + " write the tag with the digest in the Dockerfile (FROM node:TAG@" + digest + ") to have it watched.");
  }

  @Test
  void reportsManagedImagesBuiltFromEachOtherAsAnError() {
    Fleet fleet = merge(List.of(managed("a"), managed("b"), managed("c")),
        Map.of("a", image("a", List.of("b")), "b", image("b", List.of("c")), "c", image("c", List.of("a"))), Map.of());
    assertThat(fleet.problems()).filteredOn(Problem::isError).extracting(Problem::toString).containsExactly(
        "image-factory/state/images/a.yaml: managed images are built from each other (a -> b -> c -> a),"
            + " so each rebuild would trigger the next forever. change one Dockerfile so that the chain ends,"
            + " then run the analysis again.");
  }

  @Test
  void acceptsAChainOfManagedImages() {
    Fleet fleet = merge(List.of(managed("base"), managed("app")),
        Map.of("app", image("app", List.of("base")), "base", image("base", List.of())), Map.of());
    assertThat(fleet.problems()).isEmpty();
    assertThat(fleet.image("base").dependents()).containsExactly("app");
  }

  @Test
  void ignoresAnImageListingItselfAsItsBase() {
    Fleet fleet = merge(List.of(managed("a")), Map.of("a", image("a", List.of("a"))), Map.of());
    assertThat(fleet.image("a").baseImages()).isEmpty();
    assertThat(fleet.problems()).singleElement().extracting(Problem::isError).isEqualTo(false);
  }

  private static Fleet merge(List<ImageEnrollment> e, Map<String, ImageState> images, Map<String, BaseImageState> bases) {
    return FleetMerger.merge(FleetInputs.of(SETTINGS, e, images, bases));
  }

  static ImageEnrollment managed(String name) {
    return ImageEnrollment.managed(name, "ghcr.io", "acme/" + name,
            new Source(Provider.GITHUB, "acme/" + name, "main", "Dockerfile", Optional.of("build.yml"), Map.of()))
        .withRebuild(new ImageEnrollment.Rebuild(null, true));
  }

  static ImageState image(String name, List<String> bases) {
    return ImageState.of(name)
        .withDiscovery(new ImageState.Discovery(Optional.empty(), Optional.of(DiscoveryStatus.SUCCESS), bases));
  }

  static BaseImageState base(String name, String... dependents) {
    return new BaseImageState(name, BaseImageState.Reference.of("node:22", "docker.io", "library/node", "22", null),
        Watch.of("docker.io/library/node", LEXICAL_22), null, List.of(dependents), null);
  }
}
