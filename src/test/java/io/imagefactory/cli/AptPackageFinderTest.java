package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.imagefactory.catalog.DebControl;
import io.imagefactory.catalog.OnlineCheck.Observed;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An apt repository's files are read as apt reads them, and a server's mistakes are not the catalog's. */
class AptPackageFinderTest {
  private static final DebControl AGENT = new DebControl("agent", "1.0-1", "amd64", "");
  private static final String PACKAGES = "Package: agent\nVersion: 1.0-1\nSHA256: " + "a".repeat(64) + "\n";

  @Test
  void anIndexThatIsNotWhatTheReleaseListsIsUnreadable() throws Exception {
    Observed o = findIn(Map.of("/d/dists/s/Release", "SHA256:\n " + "0".repeat(64) + " 12 main/binary-amd64/Packages\n",
        "/d/dists/s/main/binary-amd64/Packages", PACKAGES));
    assertThat(o).isInstanceOf(Observed.Unreadable.class).asString()
        .contains("/d/dists/s/main/binary-amd64/Packages has sha256 ", "not the " + "0".repeat(64) + " the Release lists");
  }

  @Test
  void aReleaseThatIsNoControlFileIsUnreadable() throws Exception {
    Observed o = findIn(Map.of("/d/dists/s/InRelease", "<html>\n<body>gateway</body>\n"));
    assertThat(o).asString().contains("/d/dists/s/InRelease: line 1: \"<html>\" is not a Field: value line");
  }

  private static Observed findIn(Map<String, String> files) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", x -> {
      byte[] body = files.getOrDefault(x.getRequestURI().getPath(), "").getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(files.containsKey(x.getRequestURI().getPath()) ? 200 : 404, body.length == 0 ? -1 : body.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/d";
      return new AptPackageFinder(Duration.ofSeconds(10)).find(url + " s main", AGENT);
    } finally {
      server.stop(0);
    }
  }
}
