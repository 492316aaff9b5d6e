package io.imagefactory.bench;

import io.imagefactory.tags.SelectionStrategy;
import io.imagefactory.tags.TagPolicy;
import io.imagefactory.tags.Watch;
import io.imagefactory.image.ImageReference;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.StateWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * One discovered base image of a synthetic fleet, watched on its exact tag as the analysis job
 * writes it.
 *
 * @param name the state file's name, as {@code BaseImageNames} assigns it
 * @param fullImage the reference as a Dockerfile wrote it
 * @param ref that reference, normalised
 * @param firstDiscovered when a Dockerfile first named it
 * @param currentDigest the newest digest seen behind the tag
 */
record SyntheticBase(String name, String fullImage, ImageReference ref, Instant firstDiscovered,
    String currentDigest) {

  SyntheticBase(String name, String fullImage, ImageReference ref, Random random) {
    this(name, fullImage, ref, SyntheticImage.EPOCH.plus(Duration.ofMinutes(random.nextInt(300_000))),
        SyntheticImage.digest(random));
  }

  /** The state/base-images file, listing {@code dependents}. */
  String stateYaml(List<String> dependents) {
    TagPolicy watch = new TagPolicy("^" + ref.tag().replace(".", "\\.") + "$", List.of(),
        SelectionStrategy.LEXICAL, null, null, null);
    Instant updated = firstDiscovered.plus(Duration.ofDays(20));
    return StateWriter.write(new BaseImageState(name,
        BaseImageState.Reference.of(fullImage, ref.registry(), ref.repository(), ref.tag(), null),
        Watch.of(ref.repoUrl(), watch),
        new BaseImageState.Seen(Optional.of(firstDiscovered), Optional.of(updated.plus(Duration.ofDays(1)))),
        dependents, new BaseImageState.Update(Optional.of(currentDigest), Optional.of(updated))));
  }
}
