package io.imagefactory.workspace;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.InvalidInputException;
import io.imagefactory.Layout;
import io.imagefactory.Problem;
import io.imagefactory.ValidationException;
import io.imagefactory.catalog.CatalogFiles;
import io.imagefactory.config.CatalogSettings;
import io.imagefactory.config.Settings;
import io.imagefactory.config.SettingsReader;
import io.imagefactory.yaml.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A catalog's folder on disk (settings.yaml's {@code catalog.path}, default {@code catalog/}):
 * reads all its files for the pure core, and writes the files it decides on atomically.
 */
public final class CatalogFolder {
  private final Path checkout;
  private final String path;
  private final CatalogSettings settings;

  private CatalogFolder(Path checkout, String path, CatalogSettings settings) {
    this.checkout = checkout.toAbsolutePath().normalize();
    this.path = path;
    this.settings = settings;
  }

  /**
   * The catalog of the checkout at {@code root}: at {@code override} when given (relative to the
   * checkout), else where settings.yaml's catalog section says, else {@code catalog/}.
   *
   * @throws ValidationException when settings.yaml has errors
   */
  public static CatalogFolder of(Path root, Optional<String> override) {
    CatalogSettings settings = settings(root);
    String path = override.orElse(settings.path()).replaceAll("/+$", "");
    return new CatalogFolder(root, path.isEmpty() ? "." : path, settings);
  }

  private static CatalogSettings settings(Path root) {
    Path file = root.resolve(Layout.SETTINGS_FILE);
    if (!Files.isRegularFile(file)) {
      return CatalogSettings.DEFAULT;
    }
    List<Problem> problems = new ArrayList<>();
    Settings s = SettingsReader.read(read(file, Layout.SETTINGS_FILE), Layout.SETTINGS_FILE, problems);
    if (problems.stream().anyMatch(Problem::isError)) {
      throw new ValidationException(problems);
    }
    return s == null ? CatalogSettings.DEFAULT : s.catalog();
  }

  /** The catalog section in effect. */
  public CatalogSettings settings() {
    return settings;
  }

  /** The catalog's folder on disk. */
  public Path dir() {
    return checkout.resolve(path).normalize();
  }

  /**
   * Every file under the folder: the text of each {@code .yaml} file, the names of the others.
   * Hidden files and folders ({@code .git}, {@code .gitkeep}) are not the catalog's.
   *
   * @throws InvalidInputException when the folder does not exist
   */
  public CatalogFiles read() {
    Path dir = dir();
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(path + "/", "not found under " + checkout,
          "create it with components/ and index/ (see README.md, 'The artifact catalog'), or pass --catalog");
    }
    List<String> all = list(dir);
    TreeMap<String, String> yaml = new TreeMap<>();
    // Reading is I/O-bound and independent per file: a large catalog has tens of thousands.
    all.parallelStream().filter(p -> p.endsWith(".yaml"))
        .map(p -> Map.entry(p, read(dir.resolve(p), prefix() + p)))
        .toList().forEach(e -> yaml.put(e.getKey(), e.getValue()));
    TreeSet<String> others = new TreeSet<>(all);
    others.removeAll(yaml.keySet());
    return new CatalogFiles(prefix(), yaml, others);
  }

  /** Writes each file (by catalog path) atomically; a reader sees the old file or the new one. */
  public void write(Map<String, String> files) {
    files.forEach((p, text) -> AtomicFiles.write(dir().resolve(p), text));
  }

  /** The current text of a catalog file, if it exists. */
  public Optional<String> readFile(String catalogPath) {
    Path file = dir().resolve(catalogPath);
    return Files.isRegularFile(file) ? Optional.of(read(file, prefix() + catalogPath)) : Optional.empty();
  }

  private String prefix() {
    return path.equals(".") ? "" : path + "/";
  }

  private static List<String> list(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(dir::relativize)
          .filter(p -> Stream.of(p.toString().split("/")).noneMatch(seg -> seg.startsWith(".")))
          .map(p -> p.toString().replace('\\', '/')).sorted().toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ExternalFailureException("Tried to list " + dir + " but failed: " + e,
          "check that the folder is readable", e);
    }
  }

  private static String read(Path file, String display) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(YamlLimits.MAX_FILE_BYTES + 1);
      if (bytes.length > YamlLimits.MAX_FILE_BYTES) {
        throw YamlLimits.tooLarge(display, YamlLimits.MAX_FILE_BYTES);
      }
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(display, "is not UTF-8 text", "save the file as UTF-8", e);
    } catch (IOException e) {
      throw new ExternalFailureException("Tried to read " + display + " but failed: " + e,
          "check that the file is readable", e);
    }
  }
}
