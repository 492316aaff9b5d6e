package io.imagefactory.git;

import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * JGit's own HTTP connections, whose response bodies are read through {@link LimitedResponse}.
 *
 * <p>A gzip body is decompressed here, and JGit is told it is plain, so that the limits count
 * what the server's bytes expand to (a small gzip body can expand to gigabytes). An info/refs
 * answer that is not git's smart protocol is refused: JGit would walk the repository with the
 * dumb protocol instead, reading whole pack indexes into memory.
 */
final class LimitedHttpConnections extends JDKHttpConnectionFactory {
  private static final String CONTENT_ENCODING = "Content-Encoding";

  private final FetchLimits limits;
  private final LimitedResponse.Budget budget = new LimitedResponse.Budget();

  LimitedHttpConnections(FetchLimits limits) {
    this.limits = limits;
  }

  @Override
  public HttpConnection create(URL url) throws IOException {
    return new Connection(url, null);
  }

  @Override
  public HttpConnection create(URL url, Proxy proxy) throws IOException {
    return new Connection(url, proxy);
  }

  private final class Connection extends JDKHttpConnection {
    private boolean decompressed;

    Connection(URL url, Proxy proxy) throws IOException {
      super(url, proxy == null ? Proxy.NO_PROXY : proxy);
    }

    @Override
    public InputStream getInputStream() throws IOException {
      InputStream in = super.getInputStream();
      String type = getContentType();
      if (isAdvertisement() && (type == null || !type.startsWith("application/x-git-"))) {
        in.close();
        limits.exceeded("does not speak git's smart HTTP protocol (it answered info/refs as "
            + type + "), and image-factory reads no other");
        throw new IOException("not a smart HTTP server");
      }
      String encoding = super.getHeaderField(CONTENT_ENCODING);
      if (encoding != null && encoding.toLowerCase(Locale.ROOT).matches("(x-)?gzip")) {
        in = new GZIPInputStream(in);
        decompressed = true;
      }
      return new LimitedResponse(in, budget, limits);
    }

    @Override
    public String getHeaderField(String name) {
      return decompressed && CONTENT_ENCODING.equalsIgnoreCase(name) ? null : super.getHeaderField(name);
    }

    @Override
    public List<String> getHeaderFields(String name) {
      return decompressed && CONTENT_ENCODING.equalsIgnoreCase(name) ? List.of() : super.getHeaderFields(name);
    }

    @Override
    public Map<String, List<String>> getHeaderFields() {
      Map<String, List<String>> all = super.getHeaderFields();
      if (!decompressed) {
        return all;
      }
      Map<String, List<String>> plain = new LinkedHashMap<>(all);
      plain.keySet().removeIf(k -> k != null && k.equalsIgnoreCase(CONTENT_ENCODING));
      return plain;
    }

    private boolean isAdvertisement() throws IOException {
      String query = getURL().getQuery();
      return getResponseCode() == 200 && getURL().getPath().endsWith("/info/refs") && query != null
          && query.contains("service=git-upload-pack");
    }
  }
}
