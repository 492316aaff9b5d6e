package io.imagefactory.testing;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A real smart-HTTP git server (JGit's GitServlet on Jetty) with Basic auth, on 127.0.0.1 and a
 * free port: the way to test tokens, refused credentials and unreachable hosts.
 */
public final class GitServer implements AutoCloseable {
  private final Server server;

  private GitServer(Server server) {
    this.server = server;
  }

  /**
   * Serves the bare repositories under {@code root} as {@code /git/<name>} to clients that send
   * {@code token} as their Basic-auth password, whatever the user name, as GitHub and GitLab do.
   */
  public static GitServer start(Path root, String token) throws Exception {
    GitServlet git = new GitServlet();
    git.setRepositoryResolver((HttpServletRequest req, String name) -> {
      File dir = root.resolve(name).toFile();
      if (!dir.isDirectory()) {
        throw new RepositoryNotFoundException(name);
      }
      try {
        return new FileRepositoryBuilder().setGitDir(dir).setMustExist(true).build();
      } catch (IOException e) {
        throw new RepositoryNotFoundException(name, e);
      }
    });
    Filter basicAuth = (request, response, chain) -> {
      HttpServletRequest req = (HttpServletRequest) request;
      HttpServletResponse res = (HttpServletResponse) response;
      String user = user(req.getHeader("Authorization"), token);
      if (user == null) {
        res.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
        res.sendError(401);
        return;
      }
      // GitServlet lets only an authenticated user push.
      chain.doFilter(new HttpServletRequestWrapper(req) {
        @Override
        public String getRemoteUser() {
          return user;
        }
      }, res);
    };
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addFilter(new FilterHolder(basicAuth), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(git), "/git/*");
    server.setHandler(context);
    server.start();
    return new GitServer(server);
  }

  private static String user(String header, String token) {
    if (header == null || !header.startsWith("Basic ")) {
      return null;
    }
    String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    return colon > 0 && decoded.substring(colon + 1).equals(token) ? decoded.substring(0, colon) : null;
  }

  /** The URL of repository {@code name} (a directory under the root). */
  public String url(String name) {
    return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/git/" + name;
  }

  @Override
  public void close() throws IOException {
    try {
      server.stop();
    } catch (Exception e) { // Jetty's stop() declares Exception; an interrupt must not be swallowed
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("stopping the git server failed", e);
    }
  }
}
