package dev.sitepulse.pinger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that reads a request head, answers with the same bytes every time and hangs
 * up: for answers that no well-behaved server (WireMock included) can be made to give.
 */
final class RawServer implements AutoCloseable {

  private final ServerSocket server;
  private final byte[] reply;
  private final boolean stalls;
  /** Counted down to let answers go; at zero from the start unless the server holds them. */
  private final CountDownLatch released;
  private final AtomicInteger requests = new AtomicInteger();
  private final CompletableFuture<Void> firstRequest = new CompletableFuture<>();

  private RawServer(ServerSocket server, byte[] reply, boolean stalls) {
    this(server, reply, stalls, new CountDownLatch(0));
  }

  private RawServer(ServerSocket server, byte[] reply, boolean stalls, CountDownLatch released) {
    this.server = server;
    this.reply = reply;
    this.stalls = stalls;
    this.released = released;
  }

  /** @param reply one char per byte, so {@code \u0080}–{@code \u00ff} stand for raw bytes */
  static RawServer answering(String reply) throws IOException {
    return answering(reply, 0);
  }

  /** On a given loopback port, 0 for any free one. */
  static RawServer answering(String reply, int port) throws IOException {
    return start(new RawServer(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()),
        reply.getBytes(StandardCharsets.ISO_8859_1), false));
  }

  /** Answers, then sends nothing more and keeps the connection until the client hangs up. */
  static RawServer answeringThenStalling(String reply) throws IOException {
    return start(new RawServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
        reply.getBytes(StandardCharsets.ISO_8859_1), true));
  }

  /**
   * Reads each request head and then holds its answer until {@link #release}: a request is
   * under way for exactly as long as a test needs, however slowly the machine runs.
   */
  static RawServer answeringWhenReleased(String reply) throws IOException {
    return start(new RawServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
        reply.getBytes(StandardCharsets.ISO_8859_1), false, new CountDownLatch(1)));
  }

  /** Waits until a request head has arrived. */
  void awaitRequest(Duration limit) throws Exception {
    firstRequest.get(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Lets the held answer, and every later one, go. */
  void release() {
    released.countDown();
  }

  /** Request heads read so far. */
  int requests() {
    return requests.get();
  }

  private static RawServer start(RawServer raw) {
    Thread serving = new Thread(raw::serve, "raw-server");
    serving.setDaemon(true);
    serving.start();
    return raw;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getLocalPort() + path;
  }

  String hostAndPort() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        skipRequestHead(socket.getInputStream());
        requests.incrementAndGet();
        firstRequest.complete(null);
        released.await();
        OutputStream out = socket.getOutputStream();
        out.write(reply);
        out.flush();
        if (stalls) {
          socket.getInputStream().transferTo(OutputStream.nullOutputStream()); // until the client hangs up
        }
      } catch (IOException e) {
        // The client hung up first (it may stop reading a reply it cannot use), or we closed.
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void skipRequestHead(InputStream in) throws IOException {
    int last4 = 0;
    while (last4 != 0x0d0a0d0a) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      last4 = (last4 << 8) | b;
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
