package io.imagefactory.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/**
 * A real apt repository for tests: packages in {@code pool/}, indexes made by {@code
 * dpkg-scanpackages} (from dpkg-dev), a {@code Release} with their SHA256 list written here (as
 * {@code apt-ftparchive release} would; no signature, no InRelease), all served over HTTP on
 * 127.0.0.1 by the JDK's server.
 */
public final class AptArchive implements AutoCloseable {
  private final Path root;
  private final Path scanner;
  private final HttpServer server;

  private AptArchive(Path root, Path scanner, HttpServer server) {
    this.root = root;
    this.scanner = scanner;
    this.server = server;
  }

  /** An empty repository in {@code root}, served at {@link #url()}. */
  public static AptArchive start(Path root) {
    Path scanner = RealComponents.require("dpkg-scanpackages", "apt-get install dpkg-dev (.ci/run does)");
    try {
      Files.createDirectories(root.resolve("pool"));
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/debian/", exchange -> {
        Path file = root.resolve(exchange.getRequestURI().getPath().substring("/debian/".length())).normalize();
        boolean found = file.startsWith(root) && Files.isRegularFile(file);
        byte[] body = found ? Files.readAllBytes(file) : new byte[0];
        exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
      return new AptArchive(root, scanner, server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's URL, as a sources.list line starts. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/debian";
  }

  /** Puts {@code deb} in the pool, in place of a file of its name. */
  public void add(Path deb) {
    try {
      Files.copy(deb, root.resolve("pool").resolve(deb.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Takes {@code fileName} out of the pool (publish again to drop it from the indexes). */
  public void remove(String fileName) {
    try {
      Files.delete(root.resolve("pool").resolve(fileName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code dists/SUITE/}: for each architecture, {@code COMPONENT/binary-ARCH/Packages} of
   * the pool (its packages of that architecture and of {@code all}), compressed with xz for the
   * first architecture and with gzip for the others so that both are read; then the Release.
   */
  public void publish(String suite, String component, List<String> architectures) {
    Path dist = root.resolve("dists").resolve(suite);
    StringBuilder sha256 = new StringBuilder();
    for (String arch : architectures) {
      String dir = component + "/binary-" + arch + "/";
      byte[] packages = scan(arch);
      boolean xz = arch.equals(architectures.get(0));
      sha256.append(entry(dist, dir + "Packages", packages));
      sha256.append(entry(dist, dir + "Packages" + (xz ? ".xz" : ".gz"), xz ? xz(packages) : SeedImage.gzip(packages)));
    }
    write(dist, "Release", ("Origin: image-factory tests\nSuite: " + suite + "\nCodename: " + suite
        + "\nArchitectures: " + String.join(" ", architectures) + "\nComponents: " + component + "\nSHA256:\n"
        + sha256).getBytes(StandardCharsets.UTF_8));
  }

  private byte[] scan(String arch) {
    return DebianPackages.run(new ProcessBuilder(scanner.toString(), "--arch", arch, "pool", "/dev/null")
        .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD));
  }

  /** Writes {@code content} at {@code path} below {@code dist} and returns its line of the Release's SHA256 list. */
  private static String entry(Path dist, String path, byte[] content) {
    write(dist, path, content);
    return " " + Digests.sha256(content).substring("sha256:".length()) + " " + content.length + " " + path + "\n";
  }

  private static void write(Path dist, String path, byte[] content) {
    try {
      Files.createDirectories(dist.resolve(path).getParent());
      Files.write(dist.resolve(path), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] xz(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XZCompressorOutputStream xz = new XZCompressorOutputStream(out)) {
      xz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Stops serving: the repository is then unreachable. */
  @Override
  public void close() {
    server.stop(0);
  }
}
