package io.imagefactory.cli;

import io.imagefactory.catalog.AptRepository;
import io.imagefactory.catalog.AptRepository.IndexFile;
import io.imagefactory.catalog.AptRepository.Release;
import io.imagefactory.catalog.AptRepository.Source;
import io.imagefactory.catalog.DebControl;
import io.imagefactory.catalog.OnlineCheck.Observed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Finds a package in an apt repository as apt does (see {@link AptRepository}): downloads the
 * suite's InRelease (else Release) and the Packages indexes it lists for the package's
 * architecture, checks each index against the Release's sha256, and reads what they list. Each
 * file is downloaded once per run, however many manifests name its repository.
 *
 * <p>The Release's signature is not checked: apt's keyring is the operator's, not the catalog's.
 */
final class AptPackageFinder {
  /** The largest index read, compressed or not: a suite's Packages is tens of MiB at most. */
  static final long MAX_INDEX_BYTES = 256L << 20;

  private final Duration deadline;
  private final Map<String, Download> fetched = new HashMap<>();

  AptPackageFinder(Duration deadline) {
    this.deadline = deadline;
  }

  /** What {@code aptRepository} ('URL SUITE COMPONENT') lists for {@code control}'s package and version. */
  Observed find(String aptRepository, DebControl control) {
    try {
      Source source = Source.parse(aptRepository);
      TreeMap<String, String> listed = new TreeMap<>();
      List<String> missing = new ArrayList<>();
      for (Map.Entry<String, Optional<IndexFile>> e
          : AptRepository.packagesIndexes(release(source), source, control.architecture()).entrySet()) {
        Optional<String> sha256 = e.getValue().isEmpty() ? Optional.empty() : listing(source, e.getValue().get(), control);
        if (sha256.isPresent()) {
          listed.put(e.getValue().get().path(), sha256.get());
        } else {
          missing.add(e.getKey());
        }
      }
      return new Observed.Listed(listed, missing);
    } catch (Unreadable | IllegalArgumentException e) {
      return Observed.failed(e.getMessage());
    }
  }

  private Release release(Source source) throws Unreadable {
    String url = source.url("InRelease");
    String text;
    try {
      text = text(url, "");
    } catch (Unreadable e) {
      url = source.url("Release"); // a repository without a signed InRelease
      text = text(url, "");
    }
    try {
      return Release.parse(text);
    } catch (IllegalArgumentException e) {
      throw new Unreadable(url + ": " + e.getMessage());
    }
  }

  private Optional<String> listing(Source source, IndexFile index, DebControl control) throws Unreadable {
    String url = source.url(index.path());
    try {
      return AptRepository.sha256(text(url, index.sha256()), control);
    } catch (IllegalArgumentException e) {
      throw new Unreadable(url + ": " + e.getMessage());
    }
  }

  /**
   * The text of the file at {@code url}, decompressed by its name's ending; checked against
   * {@code sha256} (as downloaded) unless that is empty. Each URL is downloaded once.
   */
  private String text(String url, String sha256) throws Unreadable {
    if (!fetched.containsKey(url)) {
      try {
        fetched.put(url, new Download(download(url, sha256), null));
      } catch (Unreadable e) {
        fetched.put(url, new Download(null, e));
      }
    }
    Download d = fetched.get(url);
    if (d.failure() != null) {
      throw d.failure();
    }
    return d.text();
  }

  private String download(String url, String sha256) throws Unreadable {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    Optional<String> failure = CatalogOnline.fetch(url, deadline, MAX_INDEX_BYTES, received::writeBytes);
    if (failure.isPresent()) {
      throw new Unreadable(url + ": " + failure.get());
    }
    byte[] bytes = received.toByteArray();
    String actual = HexFormat.of().formatHex(CatalogOnline.sha256().digest(bytes));
    if (!sha256.isEmpty() && !sha256.equals(actual)) {
      throw new Unreadable(url + " has sha256 " + actual + ", not the " + sha256 + " the Release lists");
    }
    try (InputStream in = decompressed(url, new ByteArrayInputStream(bytes))) {
      byte[] text = in.readNBytes((int) MAX_INDEX_BYTES + 1);
      if (text.length > MAX_INDEX_BYTES) {
        throw new Unreadable(url + ": more than " + (MAX_INDEX_BYTES >> 20) + " MiB once decompressed");
      }
      return new String(text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Unreadable(url + ": not " + (url.endsWith(".xz") ? "xz" : "gzip") + " (" + e.getMessage() + ")");
    }
  }

  private static InputStream decompressed(String url, InputStream in) throws IOException {
    return url.endsWith(".xz") ? new XZCompressorInputStream(in) : url.endsWith(".gz")
        ? new GzipCompressorInputStream(in, true) : in;
  }

  /** A file as read: its text, or why not. */
  private record Download(String text, Unreadable failure) {}

  /** A file of the repository could not be read: the server, not the catalog. Only its message is reported. */
  private static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message, null, false, false);
    }
  }
}
