package io.imagefactory.analysis;

import io.imagefactory.image.ImageReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names a newly discovered base image: short and readable, never the name of another image.
 *
 * <p>Candidates, from shortest: the repository's last component and the tag ({@code
 * node:22-bookworm-slim} → {@code node-22-bookworm-slim}); the repository path and the tag ({@code
 * ghcr.io/acme/node:22} → {@code acme-node-22}); the registry, path and tag; and last a cut name
 * with a hash of the whole reference. The first candidate not taken wins. Names are stable because
 * an image keeps the name its state file has: only new images are named here.
 */
public final class BaseImageNames {
  private static final int MAX = 63;
  private static final int HASH_CHARS = 8;
  private static final int DIGEST_CHARS = 12;

  private BaseImageNames() {}

  /** The first candidate for {@code ref} not in {@code taken}. */
  public static String assign(ImageReference ref, Set<String> taken) {
    for (String candidate : candidates(ref)) {
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
    return hashed(ref);
  }

  static List<String> candidates(ImageReference ref) {
    String suffix = suffix(ref);
    String path = ref.repository();
    if (ImageReference.DOCKER_HUB.equals(ref.registry()) && path.startsWith("library/")) {
      path = path.substring("library/".length());
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    String host = ref.registry().replaceFirst(":[0-9]+$", "");
    List<String> names = new ArrayList<>();
    for (String raw : List.of(last + suffix, path + suffix, host + "-" + path + suffix)) {
      String name = sanitize(raw);
      if (!name.isEmpty() && name.length() <= MAX && !names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private static String suffix(ImageReference ref) {
    StringBuilder s = new StringBuilder();
    if (ref.tag() != null) {
      s.append('-').append(ref.tag());
    }
    if (ref.digest() != null) {
      String hex = ref.digest().substring(ref.digest().indexOf(':') + 1);
      s.append("-at-").append(hex, 0, Math.min(DIGEST_CHARS, hex.length()));
    }
    return s.toString();
  }

  private static String hashed(ImageReference ref) {
    String base = sanitize(ref.repository().replace('/', '-') + suffix(ref));
    String head = base.substring(0, Math.min(base.length(), MAX - HASH_CHARS - 1)).replaceAll("-+$", "");
    return head + "-" + hash(ref.canonical());
  }

  /** Lowercase letters, digits and single dashes, no dash at either end. */
  static String sanitize(String raw) {
    String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return s.replaceAll("^-+|-+$", "");
  }

  private static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
