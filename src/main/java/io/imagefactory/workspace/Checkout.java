package io.imagefactory.workspace;

import io.imagefactory.InvalidInputException;
import io.imagefactory.Layout;
import io.imagefactory.Problem;
import io.imagefactory.config.DnsLabel;
import io.imagefactory.config.EnrollmentReader;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Settings;
import io.imagefactory.config.SettingsReader;
import io.imagefactory.config.SourceHosts;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.StateReader;
import io.imagefactory.yaml.YamlLimits;
import io.imagefactory.yaml.YamlSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A checkout on disk holding image-factory/ and dist/: reads the fleet's files, writes dist/.
 *
 * <p>The shell around the pure readers: it lists and reads files (state files in parallel, since
 * a large fleet has thousands) and hands their text to the readers, which report problems.
 */
public final class Checkout {
  private final Path root;
  private final boolean clone;

  /** The checkout at {@code root}, which the user named: messages show its paths as they can open them. */
  public Checkout(Path root) {
    this(root, false);
  }

  private Checkout(Path root, boolean clone) {
    this.root = root.toAbsolutePath().normalize();
    this.clone = clone;
  }

  /**
   * A clone of the state repository in a temporary directory, gone when the job ends: messages
   * show paths inside the repository ({@code image-factory/images.yaml}).
   */
  public static Checkout ofClone(Path root) {
    return new Checkout(root, true);
  }

  public Path root() {
    return root;
  }

  /** The absolute path of a {@link Layout} path. */
  public Path resolve(String layoutPath) {
    return root.resolve(layoutPath);
  }

  /**
   * A {@link Layout} path as messages show it: openable from the current directory (see {@link
   * PathDisplay}), or as it is in the repository for a clone.
   */
  public String display(String layoutPath) {
    return clone ? layoutPath : PathDisplay.of(resolve(layoutPath));
  }

  /** {@code problem} with its file, a {@link Layout} path, as {@link #display} shows it. */
  public Problem display(Problem problem) {
    return clone ? problem : problem.withFile(display(problem.file()));
  }

  /** Everything read, and every problem found while reading. */
  public record Loaded(FleetInputs inputs, List<Problem> problems) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }
  }

  /**
   * Reads settings, images.yaml and all state files.
   *
   * @throws InvalidInputException when images.yaml or settings.yaml is missing
   */
  public Loaded load() {
    requireRoot();
    SymlinkCheck.requireNone(root, Layout.CONFIG_DIR, this::display);
    SymlinkCheck.requireNone(root, Layout.DIST_DIR, this::display);
    List<Problem> problems = new ArrayList<>();
    String imagesText = readRequired(Layout.IMAGES_FILE,
        "create it (see README.md, 'Enrolling an image'), or pass --root with the checkout that has it");
    String settingsText = readRequired(Layout.SETTINGS_FILE,
        "create it with stateRepository and analysis.image (see README.md, 'Settings')");
    List<ImageEnrollment> enrollments =
        parseOrReport(() -> EnrollmentReader.read(imagesText, Layout.IMAGES_FILE, problems), List.of(), problems);
    Settings settings =
        parseOrReport(() -> SettingsReader.read(settingsText, Layout.SETTINGS_FILE, problems), null, problems);
    problems.addAll(SourceHosts.check(enrollments, settings));
    Map<String, ImageState> images = new TreeMap<>();
    Map<String, BaseImageState> bases = new TreeMap<>();
    for (Parsed<ImageState> p : readStateDir(Layout.IMAGE_STATE_DIR, StateReader::readImage)) {
      problems.addAll(p.problems());
      if (p.value() != null) {
        images.put(p.value().name(), p.value());
      }
    }
    for (Parsed<BaseImageState> p : readStateDir(Layout.BASE_STATE_DIR, StateReader::readBase)) {
      problems.addAll(p.problems());
      if (p.value() != null) {
        bases.put(p.value().name(), p.value());
      }
    }
    problems.sort(Problem.BY_POSITION);
    return new Loaded(FleetInputs.of(settings, enrollments, images, bases), problems);
  }

  /** The current dist/ file, if there is one. */
  public Optional<String> readDist() {
    Path dist = resolve(Layout.DIST_FILE);
    if (!Files.exists(dist, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    SymlinkCheck.requireNone(root, Layout.DIST_DIR, this::display);
    // Not bounded as input files are: generate writes it, and it grows with the fleet (36 MB for 10,000 images).
    return Optional.of(read(dist, display(Layout.DIST_FILE), Integer.MAX_VALUE - 8));
  }

  /**
   * Replaces dist/ atomically, unless the new content would remove more than half of the
   * resources the current file holds.
   *
   * @throws InvalidInputException naming the count and --allow-mass-removal, for such a removal
   */
  public void writeDist(String content) {
    writeDist(content, false);
  }

  /**
   * Replaces dist/ atomically; {@code allowMassRemoval} lets it remove more than half of the
   * resources the current file holds (generate's --allow-mass-removal).
   */
  public void writeDist(String content, boolean allowMassRemoval) {
    requireRoot();
    Optional<String> current = readDist();
    SymlinkCheck.requireNone(root, Layout.DIST_DIR, this::display);
    if (!allowMassRemoval) {
      current.ifPresent(text -> MassRemoval.check(text, content, display(Layout.DIST_FILE)));
    }
    AtomicFiles.removeLeftovers(resolve(Layout.DIST_DIR));
    AtomicFiles.write(resolve(Layout.DIST_FILE), content, display(Layout.DIST_FILE));
  }

  private interface StateParser<T> {
    T parse(String text, String file, String expectedName, List<Problem> problems);
  }

  private record Parsed<T>(T value, List<Problem> problems) {}

  private <T> List<Parsed<T>> readStateDir(String dir, StateParser<T> parser) {
    List<Path> files = list(dir);
    // Parsing is CPU-bound and independent per file; results are re-ordered by file name.
    return files.parallelStream().map(f -> {
      String file = dir + "/" + f.getFileName(); // a Layout path: FleetPipeline shows it with display()
      String fileName = f.getFileName().toString();
      String name = fileName.substring(0, fileName.length() - ".yaml".length()); // list() keeps *.yaml only
      List<Problem> problems = new ArrayList<>();
      if (!DnsLabel.isValid(name)) {
        problems.add(Problem.error(file, 0, 0, "\"" + name + "\" is not an image name",
            "state files are named {name}.yaml with a DNS-1123 name; rename or delete it"));
        return new Parsed<T>(null, problems);
      }
      try {
        return new Parsed<>(parser.parse(read(f, display(file), YamlLimits.MAX_STATE_FILE_BYTES), file, name, problems),
            problems);
      } catch (YamlSyntaxException e) {
        problems.add(e.toProblem());
        return new Parsed<T>(null, problems);
      }
    }).toList();
  }

  private static <T> T parseOrReport(java.util.function.Supplier<T> parse, T fallback, List<Problem> problems) {
    try {
      return parse.get();
    } catch (YamlSyntaxException e) {
      problems.add(e.toProblem());
      return fallback;
    }
  }

  private List<Path> list(String dir) {
    Path path = resolve(dir);
    if (!Files.isDirectory(path)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(path)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw FileErrors.cannot("list", display(dir), e);
    }
  }

  private String readRequired(String layoutPath, String hint) {
    Path path = resolve(layoutPath);
    if (!Files.exists(path)) {
      throw new InvalidInputException(display(layoutPath), "no such file", hint);
    }
    return read(path, display(layoutPath), YamlLimits.MAX_FILE_BYTES);
  }

  /** A --root that is missing or a file says so, rather than that images.yaml is missing. */
  private void requireRoot() {
    if (!Files.isDirectory(root)) {
      String shown = PathDisplay.of(root);
      throw new InvalidInputException("--root " + shown, Files.exists(root) ? "is not a directory" : "no such directory",
          "pass --root the checkout that holds image-factory/ and dist/ (the default is the current directory)");
    }
  }

  /** The file's text; a file over {@code maxBytes} is a {@link YamlSyntaxException}, without reading all of it. */
  private static String read(Path path, String display, int maxBytes) {
    // Opening a FIFO blocks until someone writes to it, and a device may never end: regular files only.
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidInputException(display, Files.isSymbolicLink(path) ? "is a symbolic link"
          : "is not a regular file (a directory, a device, a pipe or a socket)",
          "replace it with the file itself, and commit that");
    }
    try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw YamlLimits.tooLarge(display, maxBytes);
      }
      if (isAscii(bytes)) {
        return new String(bytes, StandardCharsets.US_ASCII); // what the strict decoder gives, without its buffers
      }
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(display, "is not UTF-8 text", "save the file as UTF-8", e);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(display, "no such file", "check the path", e);
    } catch (IOException e) {
      throw FileErrors.cannot("read", display, e);
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }
}
