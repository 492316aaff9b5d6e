package io.imagefactory.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The push re-reads each tag before writing it: a race lost to another pipeline stops it. */
class TagPusherIT {
  static final String A = "a".repeat(40);
  @TempDir Path dir;

  @Test
  void stopsWhenARollingTagMovedAfterThePlan() {
    try (Registry registry = Registry.start(dir); RegistryClient client = RegistryClient.builder().build()) {
      Pushed old = image(registry, "b".repeat(40), "v1.0.0", "old");
      TestImages.tag(registry, "acme/app", "v1.0.0", old);
      TestImages.tag(registry, "acme/app", "latest", old);
      Pushed next = image(registry, A, "v1.1.0", "next");
      ImageReference repo = ImageReference.parse(registry.hostPort() + "/acme/app");
      GitEvent event = GitEvent.of(Optional.empty(), "refs/tags/v1.1.0", A, Optional.empty(), Optional.empty(),
          Optional.empty());
      TagPlan plan = TagPlanner.plan(event, Policy.DEFAULT,
          new RegistryTags(client).read(repo, event, Policy.DEFAULT, Optional.of(next.digest())));
      Pushed racer = image(registry, "c".repeat(40), "v2.0.0", "racer");
      TestImages.tag(registry, "acme/app", "latest", racer);

      assertThatThrownBy(() -> new TagPusher(client).push(repo, plan, next.digest()))
          .isInstanceOf(ExternalFailureException.class)
          .hasMessageContaining(repo.withTag("latest") + " but it points at " + racer.digest());
      assertThat(registry.digestOf("acme/app", "latest")).contains(racer.digest());
      assertThat(registry.digestOf("acme/app", "v1.1.0")).as("immutable tags go first").contains(next.digest());
    }
  }

  private static Pushed image(Registry registry, String revision, String version, String layer) {
    return TestImages.image(registry, "acme/app", new TestImages.Spec("linux", "amd64", null, "2026-05-01T10:00:00Z",
        Map.of(ImageFacts.REVISION_LABEL, revision, ImageFacts.VERSION_LABEL, version), List.of(layer)), false);
  }
}
