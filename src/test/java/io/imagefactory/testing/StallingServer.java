package io.imagefactory.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server on 127.0.0.1 that answers every request with headers and then a body that
 * drips one byte every {@link #DRIP_MILLIS} ms, for ever: a git server that never times out a
 * read and never finishes, the case a per-read timeout does not catch.
 */
public final class StallingServer implements AutoCloseable {
  static final long DRIP_MILLIS = 200;

  private final ServerSocket socket;
  private final List<Socket> clients = new CopyOnWriteArrayList<>();

  private StallingServer(ServerSocket socket) {
    this.socket = socket;
  }

  /** Starts the server on a free port. */
  public static StallingServer start() throws IOException {
    StallingServer server = new StallingServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    Thread accept = new Thread(server::accept, "stalling-server");
    accept.setDaemon(true);
    accept.start();
    return server;
  }

  /** The URL of a repository {@code name} on this server. */
  public String url(String name) {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/git/" + name;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        clients.add(client);
        Thread drip = new Thread(() -> drip(client), "stalling-server-client");
        drip.setDaemon(true);
        drip.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void drip(Socket client) {
    try (client; OutputStream out = client.getOutputStream()) {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-git-upload-pack-advertisement\r\n"
          + "Content-Length: 100000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      while (!client.isClosed()) {
        out.write('0');
        out.flush();
        Thread.sleep(DRIP_MILLIS);
      }
    } catch (IOException | InterruptedException e) {
      // the client went away, or the server closed
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket c : clients) {
      c.close();
    }
  }
}
