package dev.sitepulse.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that goes away in the middle of a crawl: after some of its pages in a row could not
 * reach it, the crawl gives up on the host and leaves the rest queued for a later run, instead of
 * trying and failing every one of them.
 */
class HostThatStopsAnsweringTest {

  private static final int LINKS = 30;

  @TempDir Path data;

  @Test
  void afterFivePagesInARowCouldNotReachTheHostItsOtherUrlsAreLeftQueued() throws Exception {
    CrawlStats stats = crawlTheHostThatGoesAway(CrawlPurpose.SEARCH, 2);

    assertThat(stats.unreachableHosts()).isEqualTo(1);
    long failed = stats.errors().getOrDefault("CONNECT_REFUSED", 0L);
    assertThat(failed).as("five in a row, and those already under way").isBetween(5L, 7L);
    assertThat(stats.leftOnUnreachableHosts()).isEqualTo(LINKS - failed);
    assertThat(stats.queued()).isEqualTo(LINKS - failed);
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"),
        "SELECT count(*) FROM urls WHERE state IN ('queued', 'fetching')"))
        .as("left in crawl.db for a later run").containsExactly(Long.toString(LINKS - failed));
  }

  @Test
  void aLinkCheckTriesEveryUrlOfAHostThatStoppedAnswering() throws Exception {
    CrawlStats stats = crawlTheHostThatGoesAway(CrawlPurpose.LINK_CHECK, 8);

    assertThat(stats.unreachableHosts()).isZero();
    assertThat(stats.errors()).containsEntry("CONNECT_REFUSED", (long) LINKS);
  }

  private CrawlStats crawlTheHostThatGoesAway(CrawlPurpose purpose, int perHost) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(() -> serveUntilTheIndexIsSent(server), "goes-away");
      serving.setDaemon(true);
      serving.start();
      String seed = "http://127.0.0.1:" + server.getLocalPort() + "/index.html";
      return Crawler.run(CrawlConfig.builder(List.of(seed), data).concurrency(8).perHost(perHost).delay(Duration.ZERO)
          .timeout(AnsweredFetches.TIMEOUT).start(CrawlStart.FRESH).purpose(purpose).build(), CrawlListener.NONE);
    }
  }

  /** Answers robots.txt, a missing sitemap and the index page, then stops listening. */
  private static void serveUntilTheIndexIsSent(ServerSocket server) {
    String links = IntStream.range(0, LINKS).mapToObj(i -> "<a href=\"/p" + i + ".html\">page " + i + "</a>")
        .collect(Collectors.joining("\n"));
    try {
      while (true) {
        try (Socket s = server.accept()) {
          String path = requestPath(s.getInputStream());
          OutputStream out = s.getOutputStream();
          if (path.equals("/robots.txt")) {
            out.write(response(200, "text/plain", "User-agent: *\nAllow: /\n"));
          } else if (path.equals("/index.html")) {
            out.write(response(200, "text/html", "<html><head><title>index</title></head><body>" + links + "</body></html>"));
            out.flush();
            server.close(); // gone: every later connect is refused
            return;
          } else {
            out.write(response(404, "text/plain", "not here"));
          }
        }
      }
    } catch (IOException e) {
      // closed
    }
  }

  private static String requestPath(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int last4 = 0;
    int b;
    boolean firstLine = true;
    while ((b = in.read()) >= 0 && last4 != 0x0d0a0d0a) {
      last4 = (last4 << 8) | b;
      if (firstLine && b != '\r' && b != '\n') {
        line.append((char) b);
      } else if (b == '\n') {
        firstLine = false;
      }
      if (last4 == 0x0d0a0d0a) {
        break;
      }
    }
    String[] parts = line.toString().split(" ");
    return parts.length > 1 ? parts[1] : "";
  }

  private static byte[] response(int status, String type, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
        + "\r\nConnection: close\r\n\r\n";
    byte[] out = new byte[head.length() + bytes.length];
    System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, out, 0, head.length());
    System.arraycopy(bytes, 0, out, head.length(), bytes.length);
    return out;
  }
}
