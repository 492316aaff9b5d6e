package io.imagefactory.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page's style sheet and script, shipped in the jar beside this class and inlined into every
 * report, and their Content-Security-Policy hashes: the page runs exactly this script and no other.
 */
final class ReportAssets {
  static final String CSS = read("report.css");
  static final String JS = read("report.js");

  private ReportAssets() {}

  /** The page's Content-Security-Policy: nothing from anywhere, but its own style and script. */
  static String contentSecurityPolicy() {
    return "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '" + sha256(JS)
        + "'; base-uri 'none'; form-action 'none'";
  }

  private static String sha256(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String read(String name) {
    try (InputStream in = ReportAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar beside " + ReportAssets.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
