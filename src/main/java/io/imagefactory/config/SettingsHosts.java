package io.imagefactory.config;

import io.imagefactory.yaml.MapReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code hosts} section of settings.yaml, and the rule it relaxes: git and API URLs use
 * https://, on the providers' hosts. A host listed under {@code allowed} may serve source
 * repositories (anonymously: no token goes there); one listed under {@code insecure} may also be
 * reached over plain http (tests, a lab).
 */
final class SettingsHosts {
  /** The hint for a URL with a user name or password in it. */
  static final String NO_USER_INFO = "remove the user name and password from the URL: tokens come from the environment"
      + " (GITHUB_TOKEN, GITLAB_TOKEN, STATE_REPOSITORY_TOKEN or their _FILE variables), see README.md 'Security'";
  private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?|\\[[0-9a-f:.]+\\]");
  private static final Pattern PORT = Pattern.compile(":[0-9]{1,5}");

  private SettingsHosts() {}

  static Settings.Hosts read(MapReader r) {
    MapReader h = r.optionalMap("hosts", "hosts");
    if (h == null) {
      return Settings.Hosts.NONE;
    }
    h.rejectUnknownFields(List.of("allowed", "insecure"), "hosts");
    return new Settings.Hosts(hosts(h, "allowed", false), hosts(h, "insecure", true));
  }

  /** Every plain-http URL of settings must be on a host listed as insecure. */
  static void checkPlainHttp(MapReader r, Settings.Hosts hosts, String stateUrl, Settings.Endpoints github,
      Settings.Endpoints gitlab) {
    check(r, hosts, "stateRepository", stateUrl);
    for (String url : new String[] {github.url(), github.apiUrl()}) {
      check(r, hosts, "github", url);
    }
    for (String url : new String[] {gitlab.url(), gitlab.apiUrl()}) {
      check(r, hosts, "gitlab", url);
    }
  }

  private static void check(MapReader r, Settings.Hosts hosts, String key, String url) {
    if (url == null || !url.regionMatches(true, 0, "http://", 0, 7)) {
      return;
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return; // the URL's own check reports it
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean listed = hosts.insecure().contains(host) || uri.getPort() >= 0 && hosts.insecure().contains(host + ":" + uri.getPort());
    if (!listed) {
      r.error(key, key + " URL " + url + " is plain http: tokens would cross the network in clear text",
          "use its https:// URL, or list \"" + host + "\" under hosts.insecure (tests and labs only)");
    }
  }

  private static List<String> hosts(MapReader h, String key, boolean portAllowed) {
    List<String> hosts = new ArrayList<>();
    for (String value : h.stringList(key)) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      int colon = v.lastIndexOf(':');
      boolean hasPort = colon > v.lastIndexOf(']') && PORT.matcher(v.substring(colon)).matches();
      String host = hasPort ? v.substring(0, colon) : v;
      if (!HOST.matcher(host).matches() || hasPort && !portAllowed) {
        h.error(key, "hosts." + key + " entry \"" + value + "\" is not a host name",
            portAllowed ? "write a host or host:port, without scheme or path, e.g. 127.0.0.1:8080"
                : "write a host name without scheme, port or path, e.g. git.example.com");
      } else {
        hosts.add(v);
      }
    }
    return hosts;
  }
}
