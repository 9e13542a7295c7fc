package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectTimeoutTest {

  /**
   * A listening socket that never accepts: once its backlog is full, Linux drops further SYNs, so
   * a connect hangs exactly as it does toward a firewalled host.
   */
  @Test
  void aHostThatNeverCompletesTheConnectIsAConnectTimeout() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket server = new ServerSocket(0, 1, loopback)) {
      List<SocketChannel> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          SocketChannel c = SocketChannel.open();
          c.configureBlocking(false);
          c.connect(new InetSocketAddress(loopback, server.getLocalPort()));
          fillers.add(c);
        }
        Target t = Target.of("http://127.0.0.1:" + server.getLocalPort() + "/")
            .withTimeout(Duration.ofMillis(800));
        CheckResult r = Checks.check(t);
        assertThat(r.errorKind()).as(r.message()).isEqualTo(ErrorKind.CONNECT_TIMEOUT);
        assertThat(r.message()).isEqualTo("connect to 127.0.0.1:" + server.getLocalPort() + " timed out after 800ms");
      } finally {
        for (SocketChannel c : fillers) {
          c.close();
        }
      }
    }
  }
}
