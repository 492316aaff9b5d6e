package io.imagefactory.retention;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.Layout;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The digests a checkout names in the files that drive deployments: images.yaml, the state files
 * and dist/. Every {@code sha256:<hex>} counts, whether written as {@code image@sha256:...} or as
 * a state file's {@code currentDigest}: retention must not delete what git may still deploy.
 * Symbolic links are not followed; long lines are read in pieces.
 */
public final class GitPins {
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final int MAX_LINE = 1 << 20;
  private static final int OVERLAP = 70;

  private GitPins() {}

  /** The digests under {@code root}'s images.yaml, {@code image-factory/state/} and {@code dist/}. */
  public static Set<String> read(Path root) {
    Set<String> digests = new TreeSet<>();
    for (String place : List.of(Layout.IMAGES_FILE, Layout.CONFIG_DIR + "/state", "dist")) {
      Path path = root.resolve(place);
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> files = Files.walk(path)) {
          files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted()
              .forEach(f -> scan(f, digests));
        } catch (IOException e) {
          throw failure(path, e);
        }
      } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        scan(path, digests);
      }
    }
    return digests;
  }

  private static void scan(Path file, Set<String> digests) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      char[] buffer = new char[64 * 1024];
      StringBuilder line = new StringBuilder();
      for (int n; (n = reader.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            find(line, digests);
            line.setLength(0);
          } else if (line.length() >= MAX_LINE) {
            // a very long line is read in pieces that overlap by a digest's length
            find(line, digests);
            line.delete(0, line.length() - OVERLAP);
            line.append(buffer[i]);
          } else {
            line.append(buffer[i]);
          }
        }
      }
      find(line, digests);
    } catch (java.nio.charset.MalformedInputException e) {
      // not text: no digest a deployment reads
    } catch (IOException e) {
      throw failure(file, e);
    }
  }

  private static void find(CharSequence line, Set<String> digests) {
    Matcher m = DIGEST.matcher(line);
    while (m.find()) {
      digests.add(m.group());
    }
  }

  private static ExternalFailureException failure(Path path, IOException e) {
    return new ExternalFailureException("Tried to read " + path + " for pinned digests but failed: " + e.getMessage(),
        "check that the checkout is readable", e);
  }
}
