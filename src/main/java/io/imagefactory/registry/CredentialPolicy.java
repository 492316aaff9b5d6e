package io.imagefactory.registry;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a credential or token may go. Over HTTPS, to the host it belongs to; over plain HTTP only
 * to loopback ({@code localhost}, 127.0.0.0/8, {@code [::1]}), where Docker also speaks HTTP and
 * nothing crosses a network. Never to another host after a redirect.
 */
final class CredentialPolicy {
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

  private CredentialPolicy() {}

  /** True for {@code localhost}, an IPv4 literal in 127.0.0.0/8 and the IPv6 literal {@code ::1}; names are not resolved. */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches() || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }

  /** True when a secret may travel to {@code target}: HTTPS, or HTTP to loopback. */
  static boolean maySendSecrets(URI target) {
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || scheme.equals("http") && target.getHost() != null && isLoopback(target.getHost());
  }

  /** True when both have the same scheme, host and port (default ports made explicit). */
  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
