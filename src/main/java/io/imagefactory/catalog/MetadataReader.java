package io.imagefactory.catalog;

import static io.imagefactory.catalog.Fields.shortened;

import io.imagefactory.Problem;
import io.imagefactory.config.ComponentNames;
import io.imagefactory.semver.Constraints;
import io.imagefactory.semver.InvalidConstraintException;
import io.imagefactory.yaml.MapReader;
import io.imagefactory.yaml.YamlNode.Scalar;
import io.imagefactory.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a version's {@code metadata.yaml}, with the seed's fields, checking each. */
public final class MetadataReader {
  static final List<String> FIELDS = List.of("architecture", "domains", "environments", "dependencies", "group",
      "service_name", "team", "port_exposed", "multi_arch", "notes");

  private MetadataReader() {}

  /** Parses metadata; null when it has errors (each recorded in {@code problems}). */
  public static Metadata read(String text, String file, List<Problem> problems) {
    MapReader r = MapReader.of(YamlReader.read(text, file), file, "metadata.yaml", problems);
    if (r == null) {
      return null;
    }
    int mark = r.mark();
    r.rejectUnknownFields(FIELDS, "metadata.yaml");
    List<String> archs = architectures(r);
    Fields.requireKey(r, "domains", "list the domains it may be promoted to, e.g. 'domains: [cloud]' ([] for none yet)");
    List<String> domains = Fields.names(r, "domains", "domain");
    Fields.requireKey(r, "environments", "list the environments it may run in, e.g. 'environments: [staging, prod]'");
    List<String> environments = Fields.names(r, "environments", "environment");
    List<Dependency> dependencies = dependencies(r);
    String group = r.optionalString("group");
    String serviceName = r.optionalString("service_name");
    String team = r.optionalString("team");
    Integer port = r.optionalInteger("port_exposed");
    if (port != null && (port < 1 || port > 65535)) {
      r.error("port_exposed", "port_exposed " + port + " is not a port", "write a number from 1 to 65535");
    }
    Boolean multiArch = r.optionalBoolean("multi_arch");
    if (multiArch != null && !archs.isEmpty() && multiArch != (archs.size() > 1)) {
      r.error("multi_arch", "multi_arch is " + multiArch + " but architecture lists " + archs.size(),
          multiArch ? "list every architecture, or write multi_arch: false" : "write multi_arch: true");
    }
    String notes = r.optionalString("notes");
    if (r.hasErrorsSince(mark)) {
      return null;
    }
    return new Metadata(archs, domains, environments, dependencies, Optional.ofNullable(group),
        Optional.ofNullable(serviceName), Optional.ofNullable(team), Optional.ofNullable(port),
        Optional.ofNullable(multiArch), Optional.ofNullable(notes), Positions.of(r));
  }

  private static List<String> architectures(MapReader r) {
    if (!r.has("architecture")) {
      r.error(r.keys().contains("architecture") ? r.positionOf("architecture") : r.position(), "\"architecture\" is missing",
          "write what it runs on, e.g. 'architecture: amd64', or a list for a multi-arch version");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Scalar s : Fields.scalars(r, "architecture")) {
      if (!Architectures.isKnown(s.value())) {
        r.error(s.position(), "unknown architecture \"" + shortened(s.value()) + "\"", "write one of " + Architectures.known());
      } else if (Architectures.debian(out).contains(Architectures.debian(s.value()))) {
        r.error(s.position(), "architecture \"" + s.value() + "\" is listed twice", "keep one");
      } else {
        out.add(s.value());
      }
    }
    return out;
  }

  private static List<Dependency> dependencies(MapReader r) {
    List<Dependency> out = new ArrayList<>();
    for (Scalar s : Fields.scalars(r, "dependencies")) {
      Dependency d = dependency(r, s);
      if (d != null) {
        out.add(d);
      }
    }
    return out;
  }

  /** {@code name}, {@code name >=1.2.0}, {@code name>=1.2.0 <2}: a component, then a Masterminds range. */
  static Dependency dependency(MapReader r, Scalar s) {
    String text = s.value().strip();
    int end = 0;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "<>=!~^".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    String name = text.substring(0, end);
    String range = text.substring(end).strip();
    if (!ComponentNames.isValid(name)) {
      r.error(s.position(), "dependency \"" + shortened(text) + "\" does not start with a component name",
          "write a component and an optional range, e.g. common-utils >=1.2.0");
      return null;
    }
    if (range.isEmpty()) {
      return new Dependency(text, name, Optional.empty(), s.position());
    }
    try {
      return new Dependency(text, name, Optional.of(Constraints.parse(range)), s.position());
    } catch (InvalidConstraintException e) {
      r.error(s.position(), "dependency \"" + shortened(text) + "\" has a range that is not valid: " + e.getMessage(),
          "write e.g. >=1.2.0, ^1.2, ~1.2.3 or >=1.2.0 <2.0.0");
      return null;
    }
  }
}
