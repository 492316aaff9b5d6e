package io.imagefactory.catalog;

import io.imagefactory.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code catalog promote} and {@code demote}: the new text of {@code index/tags/domain-D.yaml},
 * after the checks {@code catalog check} makes of a domain index.
 *
 * <p>A domain holds one version per component: promoting replaces the component's entry in place,
 * or appends it. The change is refused when the catalog with it has an error the catalog without
 * it did not have: a version whose metadata does not list the domain, a dependency not promoted
 * to the domain in its range (also after a demotion), a version that is not published.
 */
public final class Promotion {
  private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private Promotion() {}

  /**
   * A domain file's new text.
   *
   * @param path the file, relative to the catalog's folder
   * @param text its new content
   * @param note what changed, for people and the commit message
   */
  public record Change(String path, String text, String note) {}

  /** Promotes {@code component} {@code version} to {@code domain}; empty when it is promoted already. */
  public static Optional<Change> promote(CatalogTree tree, String component, String version, String domain,
      List<String> requiredLabels) {
    readable(tree, domain);
    Component c = tree.component(component).orElseThrow(() -> new InvalidInputException("COMPONENT",
        "the catalog has no component \"" + component + "\"", "give its path under components/, e.g. "
            + tree.components().keySet().stream().findFirst().orElse("cloud/dmp/ms-ingestion")));
    CatalogVersion v = c.version(version).orElseThrow(() -> new InvalidInputException("VERSION",
        component + " has no version \"" + version + "\"", "publish it first, or use one of: "
            + String.join(", ", c.versions().stream().map(CatalogVersion::text).toList())));
    List<IndexEntry> entries = new ArrayList<>(tree.domains().getOrDefault(domain, List.of()));
    IndexEntry entry = IndexEntry.of(component, v.text());
    if (entries.contains(entry)) {
      return Optional.empty();
    }
    Optional<IndexEntry> replaced = entries.stream().filter(e -> e.name().equals(component)).findFirst();
    if (replaced.isPresent()) {
      entries.set(entries.indexOf(replaced.get()), entry);
    } else {
      entries.add(entry);
    }
    String note = "promoted " + component + " " + version + " to " + domain
        + replaced.map(r -> " (was " + r.version() + ")").orElse("");
    return Optional.of(checked(tree, domain, entries, note, requiredLabels));
  }

  /** Removes {@code component} {@code version} from {@code domain}. */
  public static Change demote(CatalogTree tree, String component, String version, String domain,
      List<String> requiredLabels) {
    readable(tree, domain);
    List<IndexEntry> entries = new ArrayList<>(tree.domains().getOrDefault(domain, List.of()));
    if (!entries.remove(IndexEntry.of(component, version))) {
      throw new InvalidInputException(tree.display(CatalogPaths.domain(domain)), component + " " + version
          + " is not promoted to " + domain, "name a version the file lists: catalog query --domain " + domain);
    }
    return checked(tree, domain, entries, "demoted " + component + " " + version + " from " + domain,
        requiredLabels);
  }

  private static void readable(CatalogTree tree, String domain) {
    if (!DOMAIN.matcher(domain).matches()) {
      throw new InvalidInputException("--domain", "\"" + domain + "\" is not a domain name",
          "write lowercase letters, digits and '-', e.g. cloud");
    }
    CatalogEdits.requireReadable(tree);
  }

  /** The change, when the catalog with it has no error the catalog without it lacked. */
  private static Change checked(CatalogTree before, String domain, List<IndexEntry> entries, String note,
      List<String> requiredLabels) {
    String path = CatalogPaths.domain(domain);
    String text = CatalogWriter.domain(entries, before.display(path));
    CatalogEdits.requireNoNewErrors(before, CatalogEdits.with(before.files(), Map.of(path, text)), requiredLabels);
    return new Change(path, text, note);
  }
}
