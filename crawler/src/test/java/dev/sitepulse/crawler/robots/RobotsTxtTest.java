package dev.sitepulse.crawler.robots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Fetcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A robots.txt read that the crawl abandons ends its request, redirects followed or not; one that
 * cannot go on ends too, so that the crawl waiting for it does not wait for ever.
 */
class RobotsTxtTest {

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aReadCancelledOnItsRedirectsNextHopHangsUpThatHopInsteadOfWaitingOutItsTimeout() throws Exception {
    // One server redirects robots.txt to the other, which reads the request and never answers.
    try (ServerSocket redirecting = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Fetcher fetcher = Fetcher.create(2, Duration.ofHours(1), 1024, "sitepulse-test", Map.of())) {
      CompletableFuture<FetchResult> read = RobotsTxt.fetch(fetcher, "http://127.0.0.1:" + redirecting.getLocalPort());
      try (Socket first = redirecting.accept()) {
        readRequestHead(first); // a close with the request unread would reset the connection
        PrintStream out = new PrintStream(first.getOutputStream(), true, StandardCharsets.US_ASCII);
        out.print("HTTP/1.1 301 Moved Permanently\r\nLocation: http://127.0.0.1:" + silent.getLocalPort()
            + "/robots.txt\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      }
      try (Socket second = silent.accept()) {
        read.cancel(false);

        // Returns when the client hangs up; before, it would have been in an hour.
        second.getInputStream().transferTo(OutputStream.nullOutputStream());
      }
      assertThat(read).isCancelled();
    }
  }

  @Test
  void aReadOnAClosedFetcherCompletesExceptionallyInsteadOfThrowing() {
    Fetcher fetcher = Fetcher.create(1, Duration.ofSeconds(5), 1024, "sitepulse-test", Map.of());
    fetcher.close();

    CompletableFuture<FetchResult> read = RobotsTxt.fetch(fetcher, "http://127.0.0.1:9");

    assertThat(read).isCompletedExceptionally();
    assertThatThrownBy(read::join).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void aRedirectWhoseNextHopTheFetcherRefusesEndsTheReadInsteadOfLeavingItForEver() {
    // As a fetcher closed between the hops refuses the next one.
    CompletableFuture<FetchResult> read = RobotsTxt.fetch(url -> {
      if (url.startsWith("https:")) {
        throw new RejectedExecutionException("fetcher closed");
      }
      return CompletableFuture.completedFuture(redirect(url, "https://docs.example/robots.txt"));
    }, "http://docs.example");

    assertThat(read).isCompletedExceptionally();
    assertThatThrownBy(read::join).hasCauseInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void aHopThatFailsEndsTheReadWithItsFailure() {
    IllegalStateException bug = new IllegalStateException("a bug in a fetch");

    CompletableFuture<FetchResult> read = RobotsTxt.fetch(url -> CompletableFuture.failedFuture(bug),
        "http://docs.example");

    assertThat(read).isCompletedExceptionally();
    assertThatThrownBy(read::join).hasCause(bug);
  }

  private static FetchResult redirect(String url, String location) {
    return new FetchResult(url, 301, null, location, new byte[0], false, null, null, null, null, false,
        "301 Moved Permanently");
  }

  private static void readRequestHead(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    for (int last4 = 0, b; last4 != 0x0d0a0d0a && (b = in.read()) >= 0; ) {
      last4 = last4 << 8 | b;
    }
  }
}
