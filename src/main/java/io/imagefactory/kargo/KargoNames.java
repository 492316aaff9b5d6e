package io.imagefactory.kargo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of generated resources: DNS-1123 labels of at most 63 characters, stable and distinct.
 *
 * <p>Kargo puts Stage and Warehouse names into label values (e.g. on AnalysisRuns), which are
 * limited to 63 characters. A prefixed name that would be longer is cut and given a suffix
 * hashed from the full image name, so two long names that share a start still differ, and the
 * same image always gets the same name.
 */
final class KargoNames {
  static final int MAX = 63;
  private static final int HASH_CHARS = 8;

  /** Stage that follows a watched image's freight and records each update. */
  static final String OBSERVE = "observe-";
  /** Stage that analyses each new build of a managed image. */
  static final String ANALYZE = "analyze-";
  /** Stage that triggers a managed image's rebuild when a base image update has soaked. */
  static final String REBUILD = "rebuild-";

  private KargoNames() {}

  /** {@code prefix + imageName}, shortened with a stable hash suffix if longer than 63. */
  static String prefixed(String prefix, String imageName) {
    String full = prefix + imageName;
    if (full.length() <= MAX) {
      return full;
    }
    String hash = hash(imageName);
    String head = full.substring(0, MAX - HASH_CHARS - 1);
    while (head.endsWith("-")) {
      head = head.substring(0, head.length() - 1);
    }
    return head + "-" + hash;
  }

  static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
