package io.imagefactory.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies fixture directories from test resources (or the repository) into temporary checkouts. */
public final class Fixtures {
  private Fixtures() {}

  /** The test resource directory {@code resource} (a classpath path such as {@code io/imagefactory/x}). */
  public static Path resource(String resource) {
    try {
      var url = Fixtures.class.getClassLoader().getResource(resource);
      if (url == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies every file under {@code from} into {@code to}, replacing files that exist. */
  public static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of the repository's example fleet (image-factory/ and dist/) in {@code dir}. */
  public static Path exampleCheckout(Path dir) {
    copyTree(Path.of("image-factory"), dir.resolve("image-factory"));
    copyTree(Path.of("dist"), dir.resolve("dist"));
    return dir;
  }

  /** A copy of the repository's example catalog (catalog/) in {@code dir}. */
  public static Path exampleCatalog(Path dir) {
    copyTree(Path.of("catalog"), dir.resolve("catalog"));
    return dir;
  }
}
