package io.imagefactory.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code versions/<version>/metadata.yaml}: what the version runs on, where it may be deployed,
 * what it needs, with the seed's field names.
 *
 * @param architectures {@code architecture}: one architecture, or a list for a multi-arch version
 * @param domains the domains it may be promoted to ({@code cloud}, {@code core}, {@code ran})
 * @param environments the environments it may run in ({@code staging}, {@code prod})
 * @param dependencies the components it needs, with version ranges
 * @param group {@code group}: the last folder of the component's group, e.g. {@code dmp}
 * @param serviceName {@code service_name}: the component's folder name
 * @param team the team that builds it
 * @param portExposed {@code port_exposed}
 * @param multiArch {@code multi_arch}: whether it runs on more than one architecture
 * @param notes free text for whoever deploys it
 * @param positions where each field was written (not part of the value)
 */
public record Metadata(
    List<String> architectures,
    List<String> domains,
    List<String> environments,
    List<Dependency> dependencies,
    Optional<String> group,
    Optional<String> serviceName,
    Optional<String> team,
    Optional<Integer> portExposed,
    Optional<Boolean> multiArch,
    Optional<String> notes,
    Positions positions) {

  public Metadata {
    architectures = List.copyOf(architectures);
    domains = List.copyOf(domains);
    environments = List.copyOf(environments);
    dependencies = List.copyOf(dependencies);
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(portExposed, "portExposed");
    Objects.requireNonNull(multiArch, "multiArch");
    Objects.requireNonNull(notes, "notes");
    positions = positions == null ? Positions.NONE : positions;
  }

  /** A version's first metadata: where it runs, its place in the tree, nothing else known yet. */
  public static Metadata initial(List<String> architectures, String group, String serviceName) {
    return new Metadata(architectures, List.of(), List.of(), List.of(), Optional.of(group), Optional.of(serviceName),
        Optional.empty(), Optional.empty(), Optional.of(architectures.size() > 1), Optional.empty(), null);
  }

  /** These fields with other architectures, and {@code multi_arch} to match. */
  public Metadata withArchitectures(List<String> archs) {
    return new Metadata(archs, domains, environments, dependencies, group, serviceName, team, portExposed,
        Optional.of(archs.size() > 1), notes, positions);
  }

  /** These fields with the group and service name of the component the version is published under. */
  public Metadata withPlace(String newGroup, String newServiceName) {
    return new Metadata(architectures, domains, environments, dependencies, Optional.of(newGroup),
        Optional.of(newServiceName), team, portExposed, multiArch, notes, positions);
  }

  /** These fields with more domains, environments and dependencies (each kept once, in order). */
  public Metadata plus(List<String> moreDomains, List<String> moreEnvironments, List<Dependency> moreDependencies) {
    return new Metadata(architectures, union(domains, moreDomains), union(environments, moreEnvironments),
        union(dependencies, moreDependencies), group, serviceName, team, portExposed, multiArch, notes, positions);
  }

  private static <T> List<T> union(List<T> a, List<T> b) {
    java.util.LinkedHashSet<T> all = new java.util.LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
