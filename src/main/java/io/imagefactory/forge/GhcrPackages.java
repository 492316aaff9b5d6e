package io.imagefactory.forge;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagefactory.InvalidInputException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The versions of a GHCR container package through GitHub's packages API, which is how GHCR
 * deletes: it has no tag or manifest DELETE in its registry API. A version is one manifest
 * (its {@code name} is the digest) with the tags on it; deleting it deletes them all.
 *
 * <p>{@code GET /orgs/{org}/packages/container/{name}/versions?per_page=100} (or {@code /users/}
 * for a user's package) and {@code DELETE .../versions/{id}}, the package name URL-encoded.
 */
public final class GhcrPackages {
  private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");

  private final ForgeApi api;
  private final String prefix;

  /** A version: its id, digest, tags and creation time. */
  public record PackageVersion(long id, String digest, List<String> tags, Optional<Instant> created) {
    public PackageVersion {
      tags = List.copyOf(tags);
    }
  }

  private GhcrPackages(ForgeApi api, String prefix) {
    this.api = api;
    this.prefix = prefix;
  }

  /**
   * The package of {@code repository} ({@code owner/name[/more]} on ghcr.io): an organisation's
   * if {@code /orgs/{owner}/packages/container/{name}} exists, else a user's.
   */
  public static GhcrPackages of(ForgeApi api, String repository) {
    int slash = repository.indexOf('/');
    String owner = slash < 0 ? "" : repository.substring(0, slash);
    if (!OWNER.matcher(owner).matches() || slash == repository.length() - 1) {
      throw new InvalidInputException(repository, "is not a GHCR repository owner/package", "name the image ghcr.io/owner/name");
    }
    String name = repository.substring(slash + 1).replace("/", "%2F");
    String org = "/orgs/" + owner + "/packages/container/" + name;
    String prefix = api.exists(org) ? org : "/users/" + owner + "/packages/container/" + name;
    return new GhcrPackages(api, prefix);
  }

  /** Every version, all pages. */
  public List<PackageVersion> versions() {
    List<PackageVersion> versions = new ArrayList<>();
    for (JsonNode v : api.list(prefix + "/versions?per_page=100")) {
      List<String> tags = new ArrayList<>();
      v.path("metadata").path("container").path("tags").forEach(t -> tags.add(t.asText()));
      versions.add(new PackageVersion(v.path("id").asLong(), v.path("name").asText(), tags, instant(v.path("created_at"))));
    }
    return versions;
  }

  /** Deletes a version (its manifest and every tag on it); true if deleted now, false if it was gone. */
  public boolean delete(PackageVersion version) {
    return api.delete(prefix + "/versions/" + version.id(), true);
  }

  private static Optional<Instant> instant(JsonNode node) {
    try {
      return node.isTextual() ? Optional.of(OffsetDateTime.parse(node.asText()).toInstant()) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
