package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.lang.ref.Reference;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpSelectorThreadsTest {
  @Test
  void aClientThatStillExistsNoLongerHoldsItsSelectorThreadOnceStopped() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build(),
          BodyHandlers.discarding());
      List<Thread> selectors = selectorThreads();
      assertThat(selectors).as("the JDK's selector thread, by the name this class looks for").isNotEmpty();

      HttpSelectorThreads.stop();

      for (Thread t : selectors) {
        t.join(2_000);
        assertThat(t.isAlive()).as(t.getName()).isFalse();
      }
      // the client is still reachable here: its thread ended because it was stopped, not collected
      Reference.reachabilityFence(client);
    } finally {
      server.stop(0);
    }
  }

  private static List<Thread> selectorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")).toList();
  }
}
