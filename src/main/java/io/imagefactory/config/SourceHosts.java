package io.imagefactory.config;

import io.imagefactory.Layout;
import io.imagefactory.Problem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which source repository URLs images.yaml (or {@code analyze --source-repo}) may name: https://
 * on the provider's configured host, or on a host settings list under {@code hosts}; plain
 * http:// only to a host listed under {@code hosts.insecure}; file:// (a local repository, no
 * token). Whoever can merge images.yaml could otherwise point a clone, and its token, anywhere.
 */
public final class SourceHosts {
  private SourceHosts() {}

  /** Why {@code repo} may not be cloned under {@code settings}, as a message and a hint; empty when it may. */
  public static Optional<Refusal> refusal(Provider provider, String repo, Settings settings) {
    if (repo == null || !repo.contains("://") || settings == null) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = URI.create(repo);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // SourceRepos.isValid reports it
    }
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    if (scheme.equals("file")) {
      return Optional.empty();
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    Settings.Hosts hosts = settings.hosts();
    if (scheme.equals("http") && !hosts.insecure().contains(host)
        && !(uri.getPort() >= 0 && hosts.insecure().contains(host + ":" + uri.getPort()))) {
      return Optional.of(new Refusal("repo " + repo + " is plain http: a token would cross the network in clear text",
          "use the repository's https:// URL, or list \"" + host + "\" under hosts.insecure in settings.yaml"
              + " (tests and labs only)"));
    }
    String providerHost = providerHost(settings.endpoints(provider));
    if (!host.equals(providerHost) && !hosts.isListed(host)) {
      return Optional.of(new Refusal("repo " + repo + " is on " + host + ", not on " + provider.id() + "'s host "
          + providerHost, "write owner/name on " + providerHost + ", or list \"" + host + "\" under hosts.allowed in"
              + " settings.yaml (no token is sent to it)"));
    }
    return Optional.empty();
  }

  /** A refused URL: what is wrong and what to do. */
  public record Refusal(String message, String hint) {}

  /** A problem at each enrollment whose source repository may not be cloned under {@code settings}. */
  public static List<Problem> check(List<ImageEnrollment> enrollments, Settings settings) {
    List<Problem> problems = new ArrayList<>();
    for (ImageEnrollment e : enrollments) {
      e.source().flatMap(s -> refusal(s.provider(), s.repo(), settings)).ifPresent(r ->
          problems.add(Problem.error(Layout.IMAGES_FILE, e.line(), 1, r.message(), r.hint())));
    }
    return problems;
  }

  private static String providerHost(Settings.Endpoints endpoints) {
    try {
      String host = URI.create(endpoints.url()).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
