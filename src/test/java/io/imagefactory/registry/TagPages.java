package io.imagefactory.registry;

import com.sun.net.httpserver.HttpExchange;
import io.imagefactory.testing.FaultProxy;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tag listing as the distribution spec pages it ({@code ?n=} and {@code &last=}, the tags in lexical
 * order, {@code Link: <...>; rel="next"} while more remain), which distribution 2.8 ignores. The first
 * link is relative and later ones absolute, as registries write both.
 */
record TagPages(String repository, List<String> tags, int defaultPageSize) implements FaultProxy.Handler {
  @Override
  public void handle(HttpExchange exchange, FaultProxy proxy) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    int n = Integer.parseInt(query.getOrDefault("n", "" + defaultPageSize));
    String last = query.getOrDefault("last", "");
    List<String> page = tags.stream().sorted().filter(t -> t.compareTo(last) > 0).limit(n).toList();
    boolean more = !page.isEmpty() && tags.stream().anyMatch(t -> t.compareTo(page.get(page.size() - 1)) > 0);
    String path = "/v2/" + repository + "/tags/list?n=" + n + "&last=" + (page.isEmpty() ? "" : page.get(page.size() - 1));
    Map<String, String> headers = !more ? Map.of("Content-Type", "application/json")
        : Map.of("Content-Type", "application/json",
            "Link", "<" + (last.isEmpty() ? path : "http://" + proxy.hostPort() + path) + ">; rel=\"next\"");
    String body = "{\"name\":\"" + repository + "\",\"tags\":["
        + page.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",")) + "]}";
    FaultProxy.respond(200, headers, body).handle(exchange, proxy);
  }

  private static Map<String, String> query(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Map.of();
    }
    return List.of(raw.split("&")).stream().map(p -> p.split("=", 2)).collect(Collectors.toMap(
        kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
        kv -> kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
  }
}
