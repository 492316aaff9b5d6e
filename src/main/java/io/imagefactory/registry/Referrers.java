package io.imagefactory.registry;

import java.util.List;
import java.util.Objects;

/**
 * The manifests that name a given manifest as their {@code subject}: signatures, SBOMs, provenance.
 *
 * @param subject the digest they refer to
 * @param referrers one descriptor each, with its artifact type and annotations
 * @param source where the list came from
 */
public record Referrers(String subject, List<Descriptor> referrers, Source source) {
  /** How the registry told us. */
  public enum Source {
    /** {@code GET /v2/<name>/referrers/<digest>} (OCI distribution 1.1). */
    REFERRERS_API,
    /** The index under the tag {@code sha256-<hex>}, which clients maintain where the API is missing. */
    TAG_SCHEMA
  }

  public Referrers {
    Objects.requireNonNull(subject, "subject");
    referrers = List.copyOf(referrers);
    Objects.requireNonNull(source, "source");
  }
}
