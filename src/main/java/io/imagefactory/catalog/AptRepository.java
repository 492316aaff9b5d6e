package io.imagefactory.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How apt finds a package in the repository an {@code apt_repository} names ({@code 'URL SUITE
 * COMPONENT...'}, as a sources.list line): {@code URL/dists/SUITE/InRelease} (or {@code Release})
 * lists every index with its sha256; the {@code COMPONENT/binary-ARCH/Packages} index ({@code .xz},
 * {@code .gz} or plain) lists each package version with its {@code SHA256}. The shell downloads;
 * this reads what it got.
 *
 * <p>The Release's OpenPGP signature is not checked: which keys a repository is trusted with is
 * apt's keyring, the operator's, not the catalog's. The check compares the sha256 the repository
 * lists with the one the manifest records, and each index with the Release's list.
 */
public final class AptRepository {
  /** The compressions apt may be offered an index in, the one preferred first. */
  private static final List<String> COMPRESSIONS = List.of(".xz", ".gz", "");
  private static final String SIGNED = "-----BEGIN PGP SIGNED MESSAGE-----";

  private AptRepository() {}

  /**
   * An apt repository as a manifest names it.
   *
   * @param url the repository's root, without a trailing slash
   * @param suite the distribution, e.g. {@code bookworm}
   * @param components e.g. {@code [main]}
   */
  public record Source(String url, String suite, List<String> components) {
    public Source {
      components = List.copyOf(components);
    }

    /** {@code https://apt.example.com/debian bookworm main}, as the manifest reader accepts it. */
    public static Source parse(String aptRepository) {
      String[] parts = aptRepository.trim().split("\\s+");
      if (parts.length < 3) {
        throw new IllegalArgumentException("not 'URL SUITE COMPONENT'");
      }
      return new Source(parts[0].replaceAll("/+$", ""), parts[1], Arrays.asList(parts).subList(2, parts.length));
    }

    /** The URL of {@code file} of the suite: {@code InRelease}, {@code main/binary-amd64/Packages.xz}. */
    public String url(String file) {
      return url + "/dists/" + suite + "/" + file;
    }
  }

  /**
   * An index the Release lists.
   *
   * @param path relative to the suite, e.g. {@code main/binary-amd64/Packages.xz}
   * @param sha256 hex
   * @param size in bytes
   */
  public record IndexFile(String path, String sha256, long size) {}

  /**
   * A suite's Release (or InRelease) file: what apt reads first.
   *
   * @param architectures its {@code Architectures}
   * @param files its {@code SHA256} list, by path
   */
  public record Release(List<String> architectures, Map<String, IndexFile> files) {
    public Release {
      architectures = List.copyOf(architectures);
      files = Map.copyOf(files);
    }

    /**
     * Reads a Release, or an InRelease (the same, clear-signed; the signature is left unread).
     *
     * @throws IllegalArgumentException when it is no control stanza, or has no SHA256 list
     */
    public static Release parse(String text) {
      ControlStanzas.Stanza release = ControlStanzas.first(unsigned(text), s -> true)
          .orElseThrow(() -> new IllegalArgumentException("the Release file is empty"));
      String list = release.field("SHA256")
          .orElseThrow(() -> new IllegalArgumentException("the Release file has no SHA256 list"));
      Map<String, IndexFile> files = new LinkedHashMap<>();
      for (String line : list.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 3 || !parts[0].matches("[0-9a-fA-F]{64}") || !parts[1].matches("\\d{1,18}")) {
          throw new IllegalArgumentException("the Release's SHA256 list has a line \"" + line + "\", not 'SHA256 SIZE PATH'");
        }
        files.put(parts[2], new IndexFile(parts[2], parts[0].toLowerCase(java.util.Locale.ROOT), Long.parseLong(parts[1])));
      }
      return new Release(List.of(release.field("Architectures").orElse("").trim().split("\\s+")).stream()
          .filter(a -> !a.isEmpty()).toList(), files);
    }
  }

  /**
   * The {@code Packages} indexes apt reads for a package of {@code architecture}, one for each
   * component: {@code binary-ARCH}; for {@code all}, every architecture the Release names (a
   * package for all of them is listed in each), or {@code binary-all} when it names none. Each
   * is the compression the Release lists, xz first; empty where it lists none (the repository
   * does not serve that architecture), keyed by the plain index's path.
   */
  public static Map<String, Optional<IndexFile>> packagesIndexes(Release release, Source source, String architecture) {
    List<String> architectures = !architecture.equals("all") ? List.of(architecture)
        : release.architectures().stream().filter(a -> !a.equals("all")).toList();
    Map<String, Optional<IndexFile>> out = new LinkedHashMap<>();
    for (String component : source.components()) {
      for (String arch : architectures.isEmpty() ? List.of("all") : architectures) {
        String plain = component + "/binary-" + arch + "/Packages";
        out.put(plain, COMPRESSIONS.stream().map(c -> release.files().get(plain + c)).filter(f -> f != null).findFirst());
      }
    }
    return out;
  }

  /**
   * The {@code SHA256} a {@code Packages} index lists for {@code control}'s package and version,
   * if it lists them.
   *
   * @throws IllegalArgumentException when the index is no control file, or lists the version without a SHA256
   */
  public static Optional<String> sha256(String packages, DebControl control) {
    return ControlStanzas.first(packages, s -> s.field("Package").equals(Optional.of(control.name()))
            && s.field("Version").equals(Optional.of(control.version())))
        .map(s -> s.field("SHA256").orElseThrow(() -> new IllegalArgumentException("line " + s.line()
            + ": " + control.name() + " " + control.version() + " is listed without a SHA256")));
  }

  /** The signed text of a clear-signed file (RFC 4880 section 7), dash-escapes removed; other text as it is. */
  static String unsigned(String text) {
    if (!text.startsWith(SIGNED)) {
      return text;
    }
    List<String> lines = new ArrayList<>();
    boolean body = false;
    for (String line : text.split("\r?\n", -1)) {
      if (!body) {
        body = line.isEmpty(); // the armor headers (Hash: ...) end at the first empty line
      } else if (line.startsWith("-----BEGIN PGP SIGNATURE-----")) {
        break;
      } else {
        lines.add(line.startsWith("- ") ? line.substring(2) : line);
      }
    }
    return String.join("\n", lines) + "\n";
  }
}
