package io.imagefactory.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Word lists and reference patterns a synthetic fleet draws its names from, so that names,
 * repositories and Dockerfile paths look like a real organisation's rather than {@code image-17}.
 */
final class SyntheticNames {
  static final List<String> TEAMS = List.of(
      "payments", "checkout", "search", "identity", "billing", "catalog", "orders", "shipping",
      "inventory", "pricing", "fraud", "ledger", "notify", "messaging", "analytics", "reporting",
      "platform", "security", "mobile", "web", "growth", "ads", "recs", "media", "support",
      "partners", "data", "ml", "infra", "observability");
  static final List<String> PRODUCTS = List.of(
      "core", "portal", "gateway", "accounts", "cart", "profile", "auth", "invoice", "tax", "events",
      "feed", "index", "export", "import", "sync", "alerts", "metrics", "store", "admin", "sso");
  static final List<String> COMPONENTS = List.of(
      "api", "worker", "web", "cron", "consumer", "producer", "scheduler", "migrator", "proxy", "ui",
      "backend", "frontend", "grpc", "batch", "indexer", "exporter", "sidecar", "controller",
      "operator", "cli");
  /** Third-party images teams enrol to watch: repository and a tag regex with its strategy. */
  static final List<String[]> EXTERNAL = List.of(
      new String[] {"docker.io", "library/postgres", "^16-alpine$", "Lexical"},
      new String[] {"docker.io", "library/postgres", "^17\\.[0-9]+-bookworm$", "SemVer"},
      new String[] {"docker.io", "library/redis", "^7\\.4\\.[0-9]+-alpine$", "SemVer"},
      new String[] {"docker.io", "library/mysql", "^8\\.4$", "Lexical"},
      new String[] {"docker.io", "library/mariadb", "^11\\.4$", "Lexical"},
      new String[] {"docker.io", "library/mongo", "^7\\.0$", "Lexical"},
      new String[] {"docker.io", "library/rabbitmq", "^3\\.13-management$", "Lexical"},
      new String[] {"docker.io", "bitnami/kafka", "^3\\.[0-9]+\\.[0-9]+$", "SemVer"},
      new String[] {"docker.io", "library/memcached", "^1\\.6-alpine$", "Lexical"},
      new String[] {"docker.io", "library/nats", "^2\\.10-alpine$", "Lexical"},
      new String[] {"docker.io", "grafana/grafana", "^11\\.[0-9]+\\.[0-9]+$", "SemVer"},
      new String[] {"quay.io", "prometheus/prometheus", "^v2\\.[0-9]+\\.[0-9]+$", "SemVer"},
      new String[] {"docker.io", "hashicorp/vault", "^1\\.18\\.[0-9]+$", "SemVer"},
      new String[] {"docker.io", "library/traefik", "^v3\\.[0-9]+$", "Lexical"},
      new String[] {"quay.io", "keycloak/keycloak", "^26\\.[0-9]+\\.[0-9]+$", "SemVer"},
      new String[] {"quay.io", "minio/minio", "^RELEASE\\.2025-.*$", "Lexical"},
      new String[] {"docker.io", "clickhouse/clickhouse-server", "^24\\.8$", "Lexical"},
      new String[] {"docker.io", "library/cassandra", "^4\\.1$", "Lexical"},
      new String[] {"quay.io", "coreos/etcd", "^v3\\.5\\.[0-9]+$", "SemVer"},
      new String[] {"docker.io", "envoyproxy/envoy", "^v1\\.32\\.[0-9]+$", "SemVer"},
      new String[] {"docker.io", "jaegertracing/all-in-one", "^1\\.[0-9]+\\.[0-9]+$", "SemVer"},
      new String[] {"docker.io", "grafana/loki", "^3\\.[0-9]+\\.[0-9]+$", "SemVer"},
      new String[] {"docker.io", "library/influxdb", "^2\\.7-alpine$", "Lexical"},
      new String[] {"docker.io", "library/haproxy", "^3\\.0-alpine$", "Lexical"},
      new String[] {"docker.io", "library/elasticsearch", "^8\\.15\\.[0-9]+$", "SemVer"});
  /** What the organisation's platform images are for, as in {@code payments-base-java}. */
  static final List<String> PLATFORM_KINDS = List.of(
      "node", "python", "java", "go", "nginx", "dotnet", "ruby", "php", "rust", "debian");
  private static final List<String> BRANCHES = List.of("main", "main", "main", "master", "release", "develop");
  private static final List<String> DELAYS = List.of("1d", "3d", "7d", "7d", "7d", "14d", "30d", "12h", "2d12h");

  // Base images a Dockerfile names: repository, versions, tag variants, patch releases per version.
  private static final List<String[]> BASE_REPOS = List.of(
      new String[] {"node", "16 18 20 22 23 24", "| -slim| -alpine| -bookworm| -bookworm-slim| -bullseye-slim| -alpine3.20", "0"},
      new String[] {"python", "3.9 3.10 3.11 3.12 3.13", "| -slim| -alpine| -slim-bookworm| -bookworm", "10"},
      new String[] {"golang", "1.21 1.22 1.23 1.24", "| -alpine| -bookworm", "10"},
      new String[] {"eclipse-temurin", "11 17 21 23", "-jre|-jdk|-jre-alpine|-jdk-jammy|-jre-noble|-jdk-noble", "0"},
      new String[] {"nginx", "1.24 1.25 1.26 1.27", "| -alpine| -alpine-slim| -bookworm", "6"},
      new String[] {"ruby", "3.1 3.2 3.3 3.4", "| -slim| -alpine| -slim-bookworm", "6"},
      new String[] {"php", "8.1 8.2 8.3 8.4", "-fpm|-apache|-cli|-fpm-alpine", "8"},
      new String[] {"rust", "1.80 1.81 1.82 1.83 1.84", "| -slim| -alpine| -slim-bookworm", "2"},
      new String[] {"mcr.microsoft.com/dotnet/aspnet", "6.0 8.0 9.0", "| -alpine| -jammy| -noble", "10"},
      new String[] {"mcr.microsoft.com/dotnet/runtime", "6.0 8.0 9.0", "| -alpine| -jammy", "0"},
      new String[] {"gcr.io/distroless/java21-debian12", "latest nonroot debug", "", "0"},
      new String[] {"gcr.io/distroless/static-debian12", "latest nonroot debug", "", "0"},
      new String[] {"alpine", "3.18 3.19 3.20 3.21", "", "4"},
      new String[] {"debian", "bookworm bookworm-slim bullseye bullseye-slim trixie", "", "0"},
      new String[] {"ubuntu", "20.04 22.04 24.04 jammy noble", "", "0"});
  // The organisation's own hardened images, retagged monthly.
  private static final List<String> HARDENED = List.of(
      "node:20", "node:22", "python:3.12", "java:17", "java:21", "go:1.23", "nginx:1.27", "dotnet:8.0",
      "ruby:3.3", "php:8.3", "base:bookworm", "busybox:1.36");
  private static final String INTERNAL = "registry.acme.internal:5000/";

  private SyntheticNames() {}

  /** A name made of one word from each list, not in {@code taken}, then added to it. */
  static String unique(Random random, Set<String> taken, List<List<String>> parts) {
    for (int attempt = 0; attempt < 40; attempt++) {
      StringBuilder name = new StringBuilder();
      for (List<String> part : parts) {
        name.append(name.length() == 0 ? "" : "-").append(pick(random, part));
      }
      if (taken.add(name.toString())) {
        return name.toString();
      }
    }
    // Every combination is used: number the next one, as teams do ("-2").
    String base = unique(random, new java.util.HashSet<>(), parts);
    for (int n = 2; ; n++) {
      if (taken.add(base + "-" + n)) {
        return base + "-" + n;
      }
    }
  }

  /**
   * At least {@code atLeast} distinct base image references in a fixed order: public images with
   * their patch releases, the internal registry's hardened images with monthly tags, and the
   * internal pull-through mirror of the public ones.
   */
  static List<String> baseReferences(int atLeast) {
    List<String> publicRefs = new ArrayList<>();
    for (String[] repo : BASE_REPOS) {
      int patches = Integer.parseInt(repo[3]);
      for (String version : repo[1].split(" ")) {
        for (String variant : repo[2].split("\\|", -1)) {
          publicRefs.add(repo[0] + ":" + version + variant.trim());
          for (int patch = 0; patch < patches; patch++) {
            publicRefs.add(repo[0] + ":" + version + "." + patch + variant.trim());
          }
        }
      }
    }
    List<String> refs = new ArrayList<>(publicRefs);
    for (int month = 0; month < 24; month++) {
      hardened(refs, month);
    }
    for (String ref : publicRefs) {
      refs.add(INTERNAL + "mirror/" + (ref.contains("/") ? ref : "library/" + ref));
    }
    for (int month = 24; refs.size() < atLeast; month++) {
      hardened(refs, month);
    }
    return refs;
  }

  private static void hardened(List<String> refs, int month) {
    String date = (2024 + month / 12) + "." + String.format("%02d", month % 12 + 1);
    for (String image : HARDENED) {
      refs.add(INTERNAL + "hardened/" + image + "-" + date);
    }
  }

  static String branch(Random random) {
    return pick(random, BRANCHES);
  }

  static String delay(Random random) {
    return pick(random, DELAYS);
  }

  static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
