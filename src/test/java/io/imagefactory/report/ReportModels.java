package io.imagefactory.report;

import io.imagefactory.report.Rebuild.PendingUpdate;
import io.imagefactory.report.Rebuild.Status;
import io.imagefactory.report.Rebuild.Trigger;
import io.imagefactory.report.ReportImage.Kind;
import io.imagefactory.report.ReportImage.Verification;
import io.imagefactory.report.ReportImage.Verification.Phase;
import io.imagefactory.report.ReportImage.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Small report models for the tests: the example fleet's shape with every rebuild status,
 * verification phase and a catalog component, and the same model with hostile names.
 */
final class ReportModels {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  static final String OLD = "sha256:" + "1".repeat(64);
  static final String NEW = "sha256:" + "2".repeat(64);

  private ReportModels() {}

  /** Eleven images, seven built-from links, every status and phase, names as the example's. */
  static ReportModel small() {
    return small(UnaryOperator.identity());
  }

  /**
   * The same model with every name, owner, message and URL run through {@code rename}: the
   * structure stays, only the text changes.
   */
  static ReportModel small(UnaryOperator<String> rename) {
    UnaryOperator<String> n = rename;
    List<ReportImage> images = new ArrayList<>();
    images.add(base(n, "node-22", "docker.io/library/node").withCurrent(Version.of("22", NEW)));
    images.add(base(n, "nginx-1-27-alpine", "docker.io/library/nginx").withCurrent(Version.of("1.27-alpine", NEW)));
    images.add(base(n, "eclipse-temurin-21-jre", "docker.io/library/eclipse-temurin"));
    images.add(ReportImage.of(n.apply("redis"), Kind.EXTERNAL, n.apply("docker.io/library/redis"))
        .withVerification(new Verification(Phase.UNAVAILABLE, Optional.of(n.apply("registry answered 503")))));
    images.add(ReportImage.of(n.apply("postgres"), Kind.EXTERNAL, n.apply("docker.io/library/postgres"))
        .withOwner(n.apply("team-data")).withVerification(new Verification(Phase.VERIFYING, Optional.empty())));
    images.add(managed(n, "java-base", Rebuild.of(Status.MONITORING), Phase.AVAILABLE, "platform/java-base"));
    images.add(managed(n, "payments-api", pending(n, "java-base", 3), Phase.AVAILABLE, "payments/api"));
    images.add(managed(n, "web-portal", overdue(n), Phase.PENDING, null));
    images.add(managed(n, "docs-site", failed(n), Phase.FAILED, null));
    images.add(managed(n, "backstage", triggered(n), Phase.AVAILABLE, "platform/backstage"));
    images.add(managed(n, "billing", Rebuild.of(Status.PENDING), Phase.AVAILABLE, null));
    List<ReportModel.Edge> edges = List.of(edge(n, "eclipse-temurin-21-jre", "java-base"),
        edge(n, "java-base", "payments-api"), edge(n, "node-22", "web-portal"),
        edge(n, "nginx-1-27-alpine", "web-portal"), edge(n, "nginx-1-27-alpine", "docs-site"),
        edge(n, "node-22", "backstage"), edge(n, "node-22", "docs-site"));
    return new ReportModel(n.apply("image-factory"), NOW, images, edges);
  }

  private static ReportImage base(UnaryOperator<String> n, String name, String repository) {
    return ReportImage.of(n.apply(name), Kind.BASE, n.apply(repository));
  }

  private static ReportImage managed(UnaryOperator<String> n, String name, Rebuild rebuild, Phase phase,
      String component) {
    return ReportImage.of(n.apply(name), Kind.MANAGED, n.apply("ghcr.io/acme/" + name))
        .withOwner(n.apply("team-" + name)).withCurrent(Version.of(n.apply("1.4.2"), OLD)).withRebuild(rebuild)
        .withVerification(new Verification(phase, Optional.empty()))
        .withCatalogComponent(component == null ? null : n.apply(component));
  }

  private static Rebuild pending(UnaryOperator<String> n, String base, int daysLeft) {
    Instant seen = NOW.minus(Duration.ofDays(4));
    return new Rebuild(Status.PENDING, Optional.of(NOW.plus(Duration.ofDays(daysLeft))),
        Optional.of(new PendingUpdate(n.apply(base), Optional.of(OLD), NEW, seen)), Optional.empty(),
        Optional.of(NOW.minus(Duration.ofDays(20))), Optional.empty());
  }

  private static Rebuild overdue(UnaryOperator<String> n) {
    Instant at = NOW.minus(Duration.ofHours(9));
    return new Rebuild(Status.OVERDUE, Optional.of(at),
        Optional.of(new PendingUpdate(n.apply("node-22"), Optional.empty(), NEW, NOW.minus(Duration.ofDays(15)))),
        Optional.of(new Trigger(at, Optional.of(n.apply("https://gitlab.com/acme/web/portal/-/pipelines/4711")),
            Optional.of(n.apply("4711")))),
        Optional.of(NOW.minus(Duration.ofDays(30))), Optional.of(n.apply("no new build 9 h after the trigger")));
  }

  private static Rebuild failed(UnaryOperator<String> n) {
    Instant at = NOW.minus(Duration.ofMinutes(30));
    return new Rebuild(Status.FAILED, Optional.empty(), Optional.empty(),
        Optional.of(new Trigger(at, Optional.of(n.apply("javascript:alert(1)")), Optional.empty())),
        Optional.empty(), Optional.of(n.apply("GitHub answered 422: workflow has no workflow_dispatch")));
  }

  private static Rebuild triggered(UnaryOperator<String> n) {
    Instant at = NOW.minus(Duration.ofHours(2));
    return new Rebuild(Status.TRIGGERED, Optional.empty(),
        Optional.of(new PendingUpdate(n.apply("node-22"), Optional.of(OLD), NEW, NOW.minus(Duration.ofDays(8)))),
        Optional.of(new Trigger(at, Optional.of(n.apply("https://github.com/acme/backstage/actions/runs/99")),
            Optional.of(n.apply("99")))),
        Optional.of(NOW.minus(Duration.ofDays(9))), Optional.empty());
  }

  private static ReportModel.Edge edge(UnaryOperator<String> n, String base, String dependent) {
    return new ReportModel.Edge(n.apply(base), n.apply(dependent));
  }
}
