package io.imagefactory.catalog;

import io.imagefactory.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code catalog check} without {@code --offline}: each artifact a manifest records is where it
 * says, with the digest it says. The shell reads the registry and downloads; this compares.
 *
 * <ul>
 *   <li>docker: the image reference resolves to the manifest's digest ({@code sha256}): a moved
 *       tag means the published version changed under its name;
 *   <li>a {@code url} (generic, deb): the file served there has the manifest's sha256;
 *   <li>an {@code apt_repository} or an {@code oci_artifact} is not fetched (it would need an apt
 *       index or an artifact client): reported as not checked, never as an error.
 * </ul>
 */
public final class OnlineCheck {
  private OnlineCheck() {}

  /** An artifact to look at: which manifest records it, and where it is. */
  public record Artifact(String path, Manifest manifest) {}

  /**
   * What was found at an artifact's location.
   *
   * @param sha256 the sha256 (hex) of what is there: the image's digest, or the file's; empty on failure
   * @param failure why it could not be read
   */
  public record Observed(Optional<String> sha256, Optional<String> failure) {
    public static Observed of(String sha256) {
      return new Observed(Optional.of(sha256), Optional.empty());
    }

    public static Observed failed(String why) {
      return new Observed(Optional.empty(), Optional.of(why));
    }
  }

  /** The artifacts of {@code tree} that can be checked online, in path order. */
  public static List<Artifact> artifacts(CatalogTree tree) {
    List<Artifact> out = new ArrayList<>();
    tree.components().forEach((name, c) -> c.versions().forEach(v -> v.manifests().forEach((format, m) -> {
      Location.Kind kind = m.location().kind();
      if (kind == Location.Kind.IMAGE || kind == Location.Kind.URL) {
        out.add(new Artifact(CatalogPaths.manifest(name, v.text(), format), m));
      }
    })));
    return out;
  }

  /** How many manifests record a location this check does not fetch. */
  public static long notChecked(CatalogTree tree) {
    return tree.components().values().stream().flatMap(c -> c.versions().stream())
        .flatMap(v -> v.manifests().values().stream())
        .filter(m -> m.location().kind() == Location.Kind.APT_REPOSITORY
            || m.location().kind() == Location.Kind.OCI_ARTIFACT).count();
  }

  /**
   * The errors of an online check.
   *
   * @param problems one per artifact that is not what its manifest records, or could not be read
   * @param unreadable how many of them could not be read (the registry or server, not the catalog)
   */
  public record Result(List<Problem> problems, int unreadable) {}

  /** An error for each artifact that is not what its manifest records, or could not be read. */
  public static Result problems(CatalogTree tree, Map<String, Observed> observed, List<Artifact> artifacts) {
    Findings f = new Findings(tree);
    int unreadable = 0;
    for (Artifact a : artifacts) {
      Observed o = observed.get(a.path());
      Manifest m = a.manifest();
      String where = m.location().value();
      if (o == null) {
        continue;
      }
      if (o.failure().isPresent()) {
        unreadable++;
        f.error(a.path(), m.positions().at(m.location().kind().field()), where + " could not be read: "
            + o.failure().get(), "check the registry or server and its credentials, or run with --offline");
      } else if (!o.sha256().get().equals(m.sha256())) {
        f.error(a.path(), m.positions().at("sha256"), (m.location().kind() == Location.Kind.IMAGE
            ? where + " now points at sha256:" : "the file at " + where + " has sha256 ") + o.sha256().get()
            + ", not the " + m.sha256() + " this manifest records",
            "a published version never changes: restore the artifact, or publish the new one as a new version");
      }
    }
    return new Result(f.all(), unreadable);
  }
}
