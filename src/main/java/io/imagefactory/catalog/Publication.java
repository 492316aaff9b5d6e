package io.imagefactory.catalog;

import io.imagefactory.InvalidInputException;
import io.imagefactory.config.ComponentNames;
import io.imagefactory.semver.Version;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code catalog publish}: the files a new version's artifact writes, decided over the catalog as
 * it is. A version's {@code <format>/manifest.yaml} is written once: publishing the same artifact
 * again changes nothing, and other content is refused (a published version never changes). Its
 * {@code metadata.yaml} is created, or merged (architectures, domains and environments added);
 * {@code components.yaml} and {@code ci-tags.yaml} follow the tree, so {@code latest_version}
 * moves by SemVer precedence and never backwards: a hotfix on an older line is not "latest".
 */
public final class Publication {
  private Publication() {}

  /**
   * What to publish.
   *
   * @param component the component's path, e.g. cloud/dmp/ms-ingestion
   * @param manifest the artifact's manifest, read from the artifact by the shell
   * @param domains domains to add to the version's metadata
   * @param environments environments to add to it
   */
  public record Request(String component, Manifest manifest, List<String> domains, List<String> environments) {
    public Request {
      domains = List.copyOf(domains);
      environments = List.copyOf(environments);
    }
  }

  /**
   * The outcome.
   *
   * @param writes the files to write, by path in the catalog's folder; empty when already published
   * @param note what happened, for people and the commit message
   */
  public record Result(Map<String, String> writes, String note) {}

  /** The files {@code r} writes to catalog {@code before}, checked as {@code catalog check} would. */
  public static Result publish(CatalogTree before, Request r, List<String> requiredLabels) {
    CatalogFiles files = before.files();
    Manifest m = r.manifest();
    if (!ComponentNames.isValid(r.component())) {
      throw new InvalidInputException("COMPONENT", "\"" + r.component() + "\" is not a component path",
          ComponentNames.rule());
    }
    if (Version.tryParseRelease(m.version()).isEmpty()) {
      throw new InvalidInputException("VERSION", "\"" + m.version() + "\" is not a SemVer version",
          "write MAJOR.MINOR.PATCH, e.g. 1.4.0 (the folder name under versions/)");
    }
    CatalogEdits.requireReadable(before);
    String path = CatalogPaths.manifest(r.component(), m.version(), m.format());
    String text = CatalogWriter.manifest(m, files.display(path));
    String published = files.yaml().get(path);
    String what = r.component() + " " + m.version() + " (" + m.format().id() + ")";
    if (text.equals(published)) {
      return new Result(Map.of(), what + " is already published with this artifact: nothing to write");
    }
    if (published != null) {
      throw new InvalidInputException(files.display(path), what + " is published already, with other content",
          "a published version never changes: publish the new artifact as a new version");
    }
    Map<String, String> writes = new TreeMap<>();
    writes.put(path, text);
    metadata(before, r, files).ifPresent(md -> writes.put(CatalogPaths.metadata(r.component(), m.version()), md));
    CatalogTree after = CatalogTree.read(CatalogEdits.with(files, writes));
    CatalogIndex.files(after).forEach((p, t) -> {
      if (!t.equals(files.yaml().get(p))) {
        writes.put(p, t);
      }
    });
    CatalogEdits.requireNoNewErrors(before, CatalogEdits.with(files, writes), requiredLabels);
    String latest = after.component(r.component()).flatMap(Component::latest).map(CatalogVersion::text).orElse("");
    return new Result(writes, "published " + what + (latest.equals(m.version())
        ? ", now its latest_version" : ", latest_version stays " + latest));
  }

  /**
   * Whether {@code r}'s version is published in {@code tree} with {@code r}'s artifact: true when it
   * is, false when it is published with other content, empty when it is not published in that format.
   */
  public static Optional<Boolean> publishedAs(CatalogTree tree, Request r) {
    Manifest m = r.manifest();
    String path = CatalogPaths.manifest(r.component(), m.version(), m.format());
    String published = tree.files().yaml().get(path);
    return published == null ? Optional.empty()
        : Optional.of(CatalogWriter.manifest(m, tree.files().display(path)).equals(published));
  }

  /** The version's metadata.yaml with the artifact's facts merged in; empty when it is unchanged. */
  private static Optional<String> metadata(CatalogTree tree, Request r, CatalogFiles files) {
    Manifest m = r.manifest();
    List<String> archs = m.artifactArchitectures();
    Optional<Metadata> existing = tree.component(r.component()).flatMap(c -> c.version(m.version()))
        .flatMap(CatalogVersion::metadata);
    Metadata merged = existing.map(md -> md.withArchitectures(union(md.architectures(), archs)))
        .orElseGet(() -> Metadata.initial(archs, CatalogPaths.leaf(CatalogPaths.group(r.component())),
            CatalogPaths.leaf(r.component())))
        .plus(r.domains(), r.environments(), List.of());
    if (existing.isPresent() && sameFacts(existing.get(), merged)) {
      return Optional.empty();
    }
    String path = CatalogPaths.metadata(r.component(), m.version());
    return Optional.of(CatalogWriter.metadata(merged, files.display(path)));
  }

  private static boolean sameFacts(Metadata a, Metadata b) {
    return a.architectures().equals(b.architectures()) && a.domains().equals(b.domains())
        && a.environments().equals(b.environments()) && a.multiArch().equals(b.multiArch());
  }

  private static List<String> union(List<String> a, List<String> b) {
    LinkedHashSet<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return new ArrayList<>(all);
  }
}
