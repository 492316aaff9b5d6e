package io.imagefactory.state;

/**
 * The enrollment an image had when it was last analysed, kept in its state file for people
 * reading history; images.yaml stays the source of truth. Every field may be null.
 */
public record EnrollmentSnapshot(
    String registry,
    String repository,
    SourceSnapshot source,
    String rebuildDelay,
    Boolean autoRebuild) {

  /** The source part of the snapshot; every field may be null. */
  public record SourceSnapshot(
      String provider, String repo, String branch, String dockerfile, String workflow) {}
}
