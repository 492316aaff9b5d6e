package io.imagefactory.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The credential parts of Docker's {@code config.json}, and Docker's rules for which entry serves
 * a registry (docker/cli {@code configfile.GetAuthConfig}): a {@code credHelpers} entry for the
 * host, else {@code credsStore}, else {@code auths}. Keys may be URLs
 * ({@code https://index.docker.io/v1/}); they are compared by host.
 *
 * @param auths the {@code auths} entries by key as written
 * @param credHelpers helper names by key as written
 * @param credsStore the default helper, if any
 */
record DockerConfig(Map<String, Entry> auths, Map<String, String> credHelpers, Optional<String> credsStore) {
  /** The server address Docker uses for Docker Hub in config.json and with credential helpers. */
  static final String DOCKER_HUB_SERVER = "https://index.docker.io/v1/";
  private static final Set<String> DOCKER_HUB_HOSTS = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

  /** One {@code auths} entry, decoded. */
  record Entry(String username, String password, String identityToken) {}

  DockerConfig {
    auths = Map.copyOf(auths);
    credHelpers = Map.copyOf(credHelpers);
  }

  /**
   * Reads the text of a config.json.
   *
   * @throws IllegalArgumentException when it is not a JSON object or an {@code auth} is not base64 of {@code user:password}
   */
  static DockerConfig parse(String json) {
    JsonNode root = Json.readSecrets(json.getBytes(StandardCharsets.UTF_8));
    if (!root.isObject()) {
      throw new IllegalArgumentException("the file is not a JSON object");
    }
    Map<String, Entry> auths = new LinkedHashMap<>();
    root.path("auths").properties().forEach(e -> auths.put(e.getKey(), entry(e.getKey(), e.getValue())));
    return new DockerConfig(auths, Json.stringMap(root.get("credHelpers")), Json.text(root.get("credsStore")));
  }

  private static Entry entry(String key, JsonNode node) {
    String username = node.path("username").asText("");
    String password = node.path("password").asText("");
    String auth = node.path("auth").asText("");
    if (!auth.isEmpty()) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("auths[\"" + key + "\"].auth is not base64");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("auths[\"" + key + "\"].auth is not base64 of username:password");
      }
      username = decoded.substring(0, colon);
      password = decoded.substring(colon + 1);
    }
    return new Entry(username, password, node.path("identitytoken").asText(""));
  }

  /** The address Docker passes to credential helpers for {@code registry}. */
  static String serverAddress(String registry) {
    return DOCKER_HUB_HOSTS.contains(registry) ? DOCKER_HUB_SERVER : registry;
  }

  /** The helper that serves {@code registry}: its {@code credHelpers} entry, else {@code credsStore}. */
  Optional<String> helperFor(String registry) {
    return keyFor(credHelpers, registry).map(credHelpers::get).or(() -> credsStore);
  }

  /** The {@code auths} entry for {@code registry}: the exact key first, then any key with that host. */
  Optional<Entry> entryFor(String registry) {
    return keyFor(auths, registry).map(auths::get);
  }

  private static Optional<String> keyFor(Map<String, ?> map, String registry) {
    String server = serverAddress(registry);
    if (map.containsKey(server)) {
      return Optional.of(server);
    }
    boolean hub = DOCKER_HUB_HOSTS.contains(registry);
    return map.keySet().stream().sorted()
        .filter(key -> hub ? DOCKER_HUB_HOSTS.contains(host(key)) : host(key).equals(registry))
        .findFirst();
  }

  /** Docker's {@code ConvertToHostname}: the scheme and any path removed. */
  static String host(String key) {
    String rest = key.startsWith("http://") ? key.substring(7) : key.startsWith("https://") ? key.substring(8) : key;
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }
}
