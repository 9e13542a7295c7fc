package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.Verdict;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What closing the alerter gives back. */
class AlerterCloseTest {

  /** Reads one request's head and body (of the Content-Length it gives), or fails. */
  private static void readRequest(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      assertThat(c).as("a whole request head").isNotEqualTo(-1);
      head.append((char) c);
    }
    int length = Integer.parseInt(head.toString().replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
    assertThat(in.readNBytes(length)).hasSize(length);
  }

  @Test
  void closingTheAlerterClosesTheConnectionItKeptAliveToAWebhook() throws Exception {
    try (ServerSocket webhook = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Webhook hook = new Webhook("http://127.0.0.1:" + webhook.getLocalPort() + "/hook", Webhook.Format.JSON,
          Duration.ofSeconds(10), 0, Map.of());
      Alerter alerter = new Alerter(List.of(hook), Alerter.Listener.NONE, Duration.ofMillis(1));
      Instant now = Instant.now();
      alerter.alert(new Alert(Alert.Kind.CHANGE, "shop", "http://shop.example/", "", State.UP, State.DOWN, now,
          now, null, Verdict.DOWN, 500, "condition failed"));
      try (Socket connection = webhook.accept()) {
        connection.setSoTimeout(10_000);
        readRequest(connection.getInputStream());
        connection.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        alerter.idle().join(); // the answer is read, and the connection back in the pool, kept alive

        alerter.close();

        int read;
        try {
          read = connection.getInputStream().read();
        } catch (SocketTimeoutException e) {
          read = -2; // still open 10 s on: kept alive in a pool nothing will use again
        }
        assertThat(read).as("the alerter's end of the connection closed").isEqualTo(-1);
      }
    }
  }
}
