package io.imagefactory.report;

import static io.imagefactory.report.ReportModel.require;

import java.util.Optional;

/**
 * One image of the report. Only name, kind and repository are always known; the rest is shown as
 * "—" when absent. Build one with {@link #of} and the {@code with} methods.
 *
 * @param name the image's fleet name (from images.yaml or a base image's state file)
 * @param kind managed, external or base
 * @param repository where it lives, {@code registry/repository}
 * @param owner the team or person responsible
 * @param current the tag and digest it is at now
 * @param rebuild where a managed image stands in the rebuild cycle
 * @param verification the registry verification's phase
 * @param catalogComponent the catalog component it is published as, e.g. {@code cloud/dmp/ms-ingestion}
 */
public record ReportImage(
    String name,
    Kind kind,
    String repository,
    Optional<String> owner,
    Optional<Version> current,
    Optional<Rebuild> rebuild,
    Optional<Verification> verification,
    Optional<String> catalogComponent) {

  /** Where an image comes from. */
  public enum Kind {
    /** Built by the fleet's CI from a source repository. */
    MANAGED,
    /** Enrolled without a source: only watched. */
    EXTERNAL,
    /** Not enrolled; found in a managed image's Dockerfile. */
    BASE;

    /** The lower-case word the report shows and uses in CSS classes. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A tag and the digest behind it; either may be unknown.
   *
   * @param tag e.g. {@code 22-bookworm-slim}
   * @param digest e.g. {@code sha256:…}
   */
  public record Version(Optional<String> tag, Optional<String> digest) {
    public Version {
      require(tag, "tag");
      require(digest, "digest");
    }

    /** A tag with the digest behind it. */
    public static Version of(String tag, String digest) {
      return new Version(Optional.ofNullable(tag), Optional.ofNullable(digest));
    }
  }

  /**
   * A verification phase, as the registry verification records it.
   *
   * @param phase Pending, Verifying, Available, Unavailable or Failed
   * @param message why, for the phases that are not Available
   */
  public record Verification(Phase phase, Optional<String> message) {
    /** The phases of the catalog image verification. */
    public enum Phase {
      PENDING, VERIFYING, AVAILABLE, UNAVAILABLE, FAILED;

      /** The phase as the verification writes it: {@code Available}. */
      public String word() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
      }
    }

    public Verification {
      require(phase, "phase");
      require(message, "message");
    }
  }

  public ReportImage {
    require(name, "name");
    require(kind, "kind");
    require(repository, "repository");
    require(owner, "owner");
    require(current, "current");
    require(rebuild, "rebuild");
    require(verification, "verification");
    require(catalogComponent, "catalogComponent");
  }

  /** An image with nothing known but its name, kind and repository. */
  public static ReportImage of(String name, Kind kind, String repository) {
    return new ReportImage(name, kind, repository, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  public ReportImage withOwner(String value) {
    return new ReportImage(name, kind, repository, Optional.ofNullable(value), current, rebuild, verification,
        catalogComponent);
  }

  public ReportImage withCurrent(Version value) {
    return new ReportImage(name, kind, repository, owner, Optional.ofNullable(value), rebuild, verification,
        catalogComponent);
  }

  public ReportImage withRebuild(Rebuild value) {
    return new ReportImage(name, kind, repository, owner, current, Optional.ofNullable(value), verification,
        catalogComponent);
  }

  public ReportImage withVerification(Verification value) {
    return new ReportImage(name, kind, repository, owner, current, rebuild, Optional.ofNullable(value),
        catalogComponent);
  }

  public ReportImage withCatalogComponent(String value) {
    return new ReportImage(name, kind, repository, owner, current, rebuild, verification,
        Optional.ofNullable(value));
  }
}
