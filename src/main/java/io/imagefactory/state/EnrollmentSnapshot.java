package io.imagefactory.state;

import java.util.Optional;

/**
 * The enrollment an image had when it was last analysed, kept in its state file for people
 * reading history; images.yaml stays the source of truth. Any field may be missing from a file.
 */
public record EnrollmentSnapshot(
    Optional<String> registry,
    Optional<String> repository,
    Optional<SourceSnapshot> source,
    Optional<String> rebuildDelay,
    Optional<Boolean> autoRebuild) {

  /** The source part of the snapshot; any field may be missing. */
  public record SourceSnapshot(
      Optional<String> provider,
      Optional<String> repo,
      Optional<String> branch,
      Optional<String> dockerfile,
      Optional<String> workflow) {}
}
