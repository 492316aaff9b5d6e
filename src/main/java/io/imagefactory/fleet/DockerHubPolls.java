package io.imagefactory.fleet;

import io.imagefactory.Layout;
import io.imagefactory.Problem;
import io.imagefactory.config.GoDuration;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.tags.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the fleet's Docker Hub Warehouses, polled without credentials, stay under Docker Hub's
 * anonymous pull limit.
 *
 * <p>Docker Hub allows {@value #ANONYMOUS_PULLS} manifest pulls per 6 hours per IPv4 address (or
 * IPv6 /64) without credentials. Kargo v1.11.2 GETs the manifest of every tag a poll reads
 * ({@code pkg/image/repository_client.go}, {@code getImageByTag}: no cache unless {@code
 * cacheByTag}), so each poll of a Docker Hub Warehouse costs at least one pull, and every
 * Warehouse polls from the controller's one address. A lower bound, so a warning fires only when
 * the limit is surely exceeded.
 */
final class DockerHubPolls {
  /** Docker Hub's anonymous limit: pulls per {@link #WINDOW_SECONDS}. */
  static final int ANONYMOUS_PULLS = 100;
  static final long WINDOW_SECONDS = 6 * 3600;
  private static final long NANOS = 1_000_000_000L;
  /** Docker Hub's registry under the names a repoURL may use. */
  private static final java.util.Set<String> HOSTS = java.util.Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

  private DockerHubPolls() {}

  /** The warning for {@code images} polled every {@code interval}, or empty when they stay under the limit. */
  static Optional<Problem> check(Map<String, FleetImage> images, String interval) {
    List<FleetImage> hub = new ArrayList<>();
    for (FleetImage i : images.values()) {
      if (i.subscription().map(DockerHubPolls::onDockerHub).orElse(false)) {
        hub.add(i);
      }
    }
    long intervalSeconds = GoDuration.parse(interval).orElse(0L) / NANOS;
    if (hub.isEmpty() || intervalSeconds <= 0) {
      return Optional.empty();
    }
    long polls = WINDOW_SECONDS / intervalSeconds; // each Warehouse's polls per 6 hours
    long pulls = hub.size() * polls;
    if (pulls <= ANONYMOUS_PULLS) {
      return Optional.empty();
    }
    long minimumSeconds = (hub.size() * WINDOW_SECONDS + ANONYMOUS_PULLS - 1) / ANONYMOUS_PULLS;
    String message = hub.size() + " Warehouses poll Docker Hub (" + names(hub) + ") every " + interval
        + ": " + polls + " polls each per 6 hours, so at least " + hub.size() + " × " + polls + " = " + pulls
        + " manifest pulls per 6 hours from the Kargo controller's address, over Docker Hub's anonymous limit of "
        + ANONYMOUS_PULLS + " per 6 hours, so discovery fails with 429 Too Many Requests without credentials";
    String hint = "give Kargo a Docker Hub credential Secret (kustomize/README.md, \"Registry credentials for Warehouses\"),"
        + " or set warehouseInterval in " + Layout.SETTINGS_FILE + " to at least "
        + GoDuration.format(minimumSeconds * NANOS) + " (" + hub.size() + " × 6h / " + ANONYMOUS_PULLS + ")";
    return Optional.of(where(hub, message, hint));
  }

  /** At the first enrolled Docker Hub image in images.yaml, else at settings.yaml. */
  private static Problem where(List<FleetImage> hub, String message, String hint) {
    Optional<ImageEnrollment> first = hub.stream().flatMap(i -> i.enrollment().stream())
        .min(java.util.Comparator.comparingInt(ImageEnrollment::line));
    return first.map(e -> Problem.warning(Layout.IMAGES_FILE, e.line(), 1, message, hint))
        .orElseGet(() -> Problem.warning(Layout.SETTINGS_FILE, 0, 0, message, hint));
  }

  private static boolean onDockerHub(Subscription s) {
    String host = s.repoURL().substring(0, Math.max(0, s.repoURL().indexOf('/')));
    return HOSTS.contains(host);
  }

  private static String names(List<FleetImage> hub) {
    List<String> names = hub.stream().map(FleetImage::name).toList();
    return names.size() <= 5 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
  }
}
