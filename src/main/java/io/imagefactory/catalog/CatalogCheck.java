package io.imagefactory.catalog;

import io.imagefactory.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The crawler: the seed's governance table run over a whole catalog, every problem at once.
 *
 * <table>
 *   <caption>What is checked</caption>
 *   <tr><td>components.yaml</td><td>every listed version exists; latest_version is the latest</td></tr>
 *   <tr><td>manifest.yaml</td><td>its schema; base_image; built_at not older than the version before it
 *       on its line; the required OCI labels</td></tr>
 *   <tr><td>metadata.yaml</td><td>required fields; the architecture matches the artifacts; every dependency
 *       is satisfied by a published version</td></tr>
 *   <tr><td>ownership.yaml</td><td>exists for every component, with its required fields</td></tr>
 *   <tr><td>domain-*.yaml</td><td>only published versions whose metadata lists the domain; dependencies
 *       satisfied within the domain</td></tr>
 * </table>
 *
 * <p>Pure: the tree comes in, problems go out. What needs the artifacts themselves (digests
 * against the registry, hashes of files) is the shell's, and skipped with {@code --offline}.
 */
public final class CatalogCheck {
  private CatalogCheck() {}

  /**
   * Every problem of {@code tree}: those met while reading it, then those of the checks, in file
   * and position order.
   *
   * @param requiredLabels the OCI labels every docker manifest must record
   */
  public static List<Problem> run(CatalogTree tree, List<String> requiredLabels) {
    Findings findings = new Findings(tree);
    for (Component c : tree.components().values()) {
      VersionChecks.check(findings, c, requiredLabels);
      DependencyChecks.checkPublished(findings, c);
      OwnershipChecks.check(findings, c);
    }
    IndexChecks.checkComponents(findings);
    IndexChecks.checkDomains(findings);
    List<Problem> all = new ArrayList<>(tree.problems());
    all.addAll(findings.all());
    // Components of one group share its missing ownership.yaml: one problem, not one each.
    return all.stream().distinct().sorted(Problem.BY_POSITION).toList();
  }
}
