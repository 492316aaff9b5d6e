package io.imagefactory.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Content digests: {@code sha256:<hex>} (and {@code sha512:<hex>}), computed over the bytes received. */
final class Digests {
  private Digests() {}

  static String sha256(byte[] bytes) {
    return of("sha256", bytes).orElseThrow();
  }

  /** The digest of {@code bytes} in the algorithm of {@code claimed}; empty for an algorithm we do not know. */
  static Optional<String> like(String claimed, byte[] bytes) {
    int colon = claimed.indexOf(':');
    return colon < 0 ? Optional.empty() : of(claimed.substring(0, colon), bytes);
  }

  private static Optional<String> of(String algorithm, byte[] bytes) {
    String jca = switch (algorithm) {
      case "sha256" -> "SHA-256";
      case "sha512" -> "SHA-512";
      default -> null;
    };
    if (jca == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(algorithm + ":" + HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has " + jca, e);
    }
  }
}
