package io.imagefactory.config;

import io.imagefactory.yaml.MapReader;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads settings.yaml's {@code catalog} section, filling in defaults and checking each field. */
final class CatalogSettingsReader {
  static final List<String> FIELDS = List.of("repository", "branch", "path", "requiredLabels", "notifications");
  private static final Pattern GIT_URL = Pattern.compile("(https?|file|ssh)://\\S+|[\\w.-]+@[\\w.-]+:\\S+");
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

  private CatalogSettingsReader() {}

  /** The section's settings; the defaults when it is absent or has errors (recorded as problems). */
  static CatalogSettings read(MapReader settings) {
    MapReader c = settings.optionalMap("catalog", "catalog");
    if (c == null) {
      return CatalogSettings.DEFAULT;
    }
    c.rejectUnknownFields(FIELDS, "catalog");
    String repository = c.optionalString("repository");
    if (repository != null && !GIT_URL.matcher(repository).matches()) {
      c.error("repository", "catalog repository \"" + repository + "\" is not a git URL",
          "write an https:// URL, or leave it out to keep the catalog in this repository");
    }
    String branch = c.optionalString("branch");
    if (branch != null && !GitRefNames.isBranch(branch)) {
      c.error("branch", "branch \"" + branch + "\" is not a valid git branch name", "write a branch name such as main");
    }
    String path = c.optionalString("path");
    if (path != null && (!PATH.matcher(path).matches() || List.of(path.split("/")).stream().anyMatch(s -> s.matches("\\.+")))) {
      c.error("path", "catalog path \"" + path + "\" is not a folder inside the repository",
          "write a relative path such as catalog, without '..' or a leading '/'");
    }
    List<String> labels = c.has("requiredLabels") ? c.stringList("requiredLabels") : CatalogSettings.DEFAULT_LABELS;
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        c.error("requiredLabels", "\"" + label + "\" is not a label key", "write keys such as org.opencontainers.image.revision");
      }
    }
    String[] notify = notifications(c);
    return new CatalogSettings(Optional.ofNullable(repository), branch == null ? Source.DEFAULT_BRANCH : branch,
        path == null ? CatalogSettings.DEFAULT_PATH : path, labels,
        notify[0] == null ? CatalogSettings.SLACK_API : notify[0], Optional.ofNullable(notify[1]));
  }

  private static String[] notifications(MapReader c) {
    MapReader n = c.optionalMap("notifications", "notifications");
    if (n == null) {
      return new String[2];
    }
    n.rejectUnknownFields(List.of("slack", "webhook"), "notifications");
    String slack = url(n.optionalMap("slack", "slack"), "apiUrl");
    String webhook = url(n.optionalMap("webhook", "webhook"), "url");
    return new String[] {slack, webhook};
  }

  /**
   * An https URL, or http to a loopback address (a test's server): tokens and messages go there,
   * so never in clear text over a network.
   */
  private static String url(MapReader m, String key) {
    if (m == null) {
      return null;
    }
    m.rejectUnknownFields(List.of(key), key.equals("url") ? "webhook" : "slack");
    String url = m.optionalString(key);
    if (url != null && !isHttpsOrLoopback(url)) {
      m.error(key, key + " \"" + url + "\" is not an https URL",
          "write https://...; plain http is allowed only to 127.0.0.1, [::1] or localhost (a test server)");
      return null;
    }
    return url == null ? null : url.replaceAll("/+$", "");
  }

  /** https with a host, or http to a loopback host. */
  static boolean isHttpsOrLoopback(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost();
      if (host == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
        return false;
      }
      return scheme.equals("https") || scheme.equals("http") && isLoopback(host);
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** 127.0.0.0/8, ::1 or localhost, by name: no lookup. */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.matches("127(\\.[0-9]{1,3}){3}");
  }
}
