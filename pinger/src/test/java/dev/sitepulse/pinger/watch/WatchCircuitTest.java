package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sitepulse.pinger.CircuitBreakerSettings;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.history.SqliteHistory;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watch, check by check, of two targets on one host and port whose server is not yet listening,
 * its circuit open for minutes, then started: the other target, held back, goes DOWN with its host,
 * which refused the checks before; the target whose failures opened the circuit sees the server
 * back at its next check, which closes the circuit, and the other follows at its next.
 */
class WatchCircuitTest {

  @TempDir Path dir;

  private static WatchedTarget target(String name, int port) {
    return new WatchedTarget(new Target(name, null, "http://127.0.0.1:" + port + "/" + name, null, null, null,
        Duration.ofSeconds(5), 0, null), Duration.ofHours(1));
  }

  @Test
  void aHeldBackTargetGoesDownWithItsHostAndBothAreSeenBackAtTheirNextChecks() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    PingSettings settings = PingSettings.DEFAULTS.withCircuitBreaker(new CircuitBreakerSettings(2, Duration.ofMinutes(5)));
    Vertx vertx = Vertx.vertx();
    HttpServer server = null;
    try (SqliteHistory history = SqliteHistory.open(dir, Duration.ofDays(1), Clock.systemUTC());
        Alerter alerter = new Alerter(List.of(), Alerter.Listener.NONE, Duration.ofMillis(1));
        PingerSource source = new PingerSource(settings)) {
      WatchPlan plan = new WatchPlan(List.of(target("api", port), target("shop", port)), settings,
          new Thresholds(2, 1), null, List.of());
      Watch w = Watch.start(vertx, plan, source, history, alerter, FirstTicks.at(i -> i));
      w.checkNow("api").join();
      assertThat(w.checkNow("api").join().state()).isEqualTo(State.DOWN);
      w.checkNow("shop").join();
      TargetStatus shopHeld = w.checkNow("shop").join();

      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      server.createContext("/", exchange -> {
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.start();
      TargetStatus api = w.checkNow("api").join();
      TargetStatus shop = w.checkNow("shop").join();

      assertThat(shopHeld.last().errorKind()).as("the host's other target is spared").isEqualTo(ErrorKind.CIRCUIT_OPEN);
      assertThat(shopHeld.state()).as("its host refused the checks before").isEqualTo(State.DOWN);
      assertThat(api.state()).as("not five minutes later").isEqualTo(State.UP);
      assertThat(shop.last().errorKind()).as("sent: the trial closed the circuit").isNull();
      assertThat(shop.state()).isEqualTo(State.UP);
      w.stop().join();
    } finally {
      if (server != null) {
        server.stop(0);
      }
      vertx.close().await();
    }
  }
}
