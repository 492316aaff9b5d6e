package io.imagefactory.credentials;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where a secret may travel, for every adapter that sends one (git, the registry client, the forge
 * APIs, rebuild triggers): over HTTPS, to the host it belongs to. Plain HTTP only to a host listed
 * as insecure ({@code hosts.insecure} in settings, {@code --insecure-host}), and for URLs from the
 * command line (registries, forge APIs), as Docker does, to loopback. Never to another host after a redirect: each request is checked
 * against the credential's host, not against where the first request went.
 */
public final class HostRule {
  /** HTTPS only: what a job uses when nothing is listed as insecure. */
  public static final HostRule HTTPS_ONLY = new HostRule(Set.of(), false);
  /**
   * Docker's rule: HTTPS, or plain HTTP to loopback, where nothing crosses a network. For URLs the
   * operator gives on the command line (registries, forge APIs), never for URLs from a merged file.
   */
  public static final HostRule LOOPBACK_HTTP = new HostRule(Set.of(), true);

  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

  private final Set<String> insecure;
  private final boolean loopbackInsecure;

  private HostRule(Set<String> insecure, boolean loopbackInsecure) {
    this.insecure = insecure;
    this.loopbackInsecure = loopbackInsecure;
  }

  /** HTTPS, and plain HTTP to {@code hosts} (each {@code host} or {@code host:port}, as settings list them). */
  public static HostRule allowingPlainHttpTo(Collection<String> hosts) {
    Set<String> lower = new TreeSet<>();
    hosts.forEach(h -> lower.add(h.toLowerCase(Locale.ROOT)));
    return new HostRule(Set.copyOf(lower), false);
  }

  /** True when plain HTTP may reach {@code uri}'s host: it is listed (with or without its port), or loopback for registries. */
  public boolean allowsPlainHttp(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return insecure.contains(h) || uri.getPort() >= 0 && insecure.contains(h + ":" + uri.getPort())
        || loopbackInsecure && isLoopback(h);
  }

  /** True when a secret may travel to {@code target} at all: HTTPS, or plain HTTP where {@link #allowsPlainHttp} says. */
  public boolean maySendSecrets(URI target) {
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    return target.getHost() != null
        && (scheme.equals("https") || scheme.equals("http") && allowsPlainHttp(target));
  }

  /** True when {@code credential} may go to {@code target}: {@link #maySendSecrets} and the credential's own host. */
  public boolean maySend(Credential credential, URI target) {
    return maySendSecrets(target) && !credential.host().isEmpty()
        && credential.host().equals(target.getHost().toLowerCase(Locale.ROOT));
  }

  /** True for {@code localhost}, an IPv4 literal in 127.0.0.0/8 and the IPv6 literal {@code ::1}; names are not resolved. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches() || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }

  /** True when both have the same scheme, host and port (default ports made explicit). */
  public static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  /** The lowercase host of {@code url}, if it is a URL with one. */
  public static Optional<String> host(String url) {
    try {
      return Optional.ofNullable(URI.create(url).getHost()).map(h -> h.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  @Override
  public String toString() {
    return "HostRule[https" + (insecure.isEmpty() ? "" : ", plain http to " + insecure)
        + (loopbackInsecure ? ", plain http to loopback" : "") + "]";
  }
}
