package io.imagefactory.catalog;

import io.imagefactory.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code catalog check} without {@code --offline}: each artifact a manifest records is where it
 * says, with the digest it says. The shell reads registries and downloads; this compares.
 *
 * <ul>
 *   <li>docker: the image reference resolves to the manifest's digest ({@code sha256}): a moved
 *       tag means the published version changed under its name;
 *   <li>a {@code url} (generic, deb): the file served there has the manifest's sha256;
 *   <li>an {@code apt_repository} (deb): each {@code Packages} index apt would read for the
 *       package's architecture (see {@link AptRepository}) lists its {@code Package} and {@code
 *       Version}, with the manifest's sha256;
 *   <li>an {@code oci_artifact} (generic): the artifact's manifest holds a layer whose digest is
 *       the manifest's sha256.
 * </ul>
 */
public final class OnlineCheck {
  private static final String UNCHANGED =
      "a published version never changes: restore the artifact, or publish the new one as a new version";

  private OnlineCheck() {}

  /** An artifact to look at: which manifest records it, and where it is. */
  public record Artifact(String path, Manifest manifest) {}

  /** What was found at an artifact's location. */
  public sealed interface Observed {
    /** The sha256 (hex) of what is there: the image's digest, or the file's. */
    record Found(String sha256) implements Observed {
      public Found {
        Objects.requireNonNull(sha256, "sha256");
      }
    }

    /**
     * What an apt repository's {@code Packages} indexes say of the package.
     *
     * @param sha256ByIndex the package's {@code SHA256} in each index that lists its version, by the index's path
     * @param missingFrom the indexes apt would read for it that do not list it (or that the Release does not name)
     */
    record Listed(SortedMap<String, String> sha256ByIndex, List<String> missingFrom) implements Observed {
      public Listed {
        sha256ByIndex = new TreeMap<>(sha256ByIndex);
        missingFrom = List.copyOf(missingFrom);
      }
    }

    /** The digests ({@code sha256:<hex>}) of an OCI artifact's layers, in order. */
    record Layers(List<String> digests) implements Observed {
      public Layers {
        digests = List.copyOf(digests);
      }
    }

    /** Why the location could not be read: the registry or server, not the catalog. */
    record Unreadable(String why) implements Observed {
      public Unreadable {
        Objects.requireNonNull(why, "why");
      }
    }

    static Observed of(String sha256) {
      return new Found(sha256);
    }

    static Observed failed(String why) {
      return new Unreadable(why);
    }
  }

  /** Every artifact of {@code tree}, in path order: each location kind is checked online. */
  public static List<Artifact> artifacts(CatalogTree tree) {
    List<Artifact> out = new ArrayList<>();
    tree.components().forEach((name, c) -> c.versions().forEach(v -> v.manifests().forEach((format, m) ->
        out.add(new Artifact(CatalogPaths.manifest(name, v.text(), format), m)))));
    return out;
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
      if (o instanceof Observed.Unreadable u) {
        unreadable++;
        f.error(a.path(), m.positions().at(m.location().kind().field()), where + " could not be read: " + u.why(),
            "check the registry or server and its credentials, or run with --offline");
      } else if (o instanceof Observed.Found found && !found.sha256().equals(m.sha256())) {
        f.error(a.path(), m.positions().at("sha256"), (m.location().kind() == Location.Kind.IMAGE
            ? where + " now points at sha256:" : "the file at " + where + " has sha256 ") + found.sha256()
            + ", not the " + m.sha256() + " this manifest records", UNCHANGED);
      } else if (o instanceof Observed.Listed listed) {
        listed(f, a.path(), m, listed);
      } else if (o instanceof Observed.Layers layers && !layers.digests().contains("sha256:" + m.sha256())) {
        f.error(a.path(), m.positions().at("sha256"), where + " holds no layer sha256:" + m.sha256()
            + (layers.digests().isEmpty() ? ", and no layers at all" : "; its layers are "
            + String.join(", ", layers.digests())), UNCHANGED);
      }
    }
    return new Result(f.all(), unreadable);
  }

  /** The error, if any, for a package an apt repository lists with another sha256, or no longer lists. */
  private static void listed(Findings f, String path, Manifest m, Observed.Listed listed) {
    String where = m.location().value();
    String pkg = m.deb().map(d -> d.name() + " " + d.version()).orElse("the package");
    listed.sha256ByIndex().entrySet().stream().filter(e -> !e.getValue().equals(m.sha256())).findFirst()
        .ifPresentOrElse(other -> f.error(path, m.positions().at("sha256"), where + " serves " + pkg + " with sha256 "
            + other.getValue() + " (" + other.getKey() + "), not the " + m.sha256() + " this manifest records",
            UNCHANGED), () -> {
              if (!listed.missingFrom().isEmpty()) {
                f.error(path, m.positions().at(m.location().kind().field()), where + " no longer serves " + pkg
                    + " (not in " + String.join(", ", listed.missingFrom()) + ")",
                    "publish the same .deb to the repository again; a published version never changes");
              }
            });
  }
}
