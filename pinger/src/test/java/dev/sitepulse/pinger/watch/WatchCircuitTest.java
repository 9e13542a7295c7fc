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
 * The reviewer's watch, check by check: a server not yet listening, its circuit open for minutes,
 * and the server started. The target whose failures opened the circuit sees it back at its next
 * check; another target of the host, held back meanwhile, is not made DOWN by it.
 */
class WatchCircuitTest {

  @TempDir Path dir;

  private static WatchedTarget target(String name, int port) {
    return new WatchedTarget(new Target(name, null, "http://127.0.0.1:" + port + "/" + name, null, null, null,
        Duration.ofSeconds(5), 0, null), Duration.ofHours(1));
  }

  @Test
  void aServerBackIsSeenAtTheNextCheckAndAHeldBackTargetKeepsItsState() throws Exception {
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

      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      server.createContext("/", exchange -> {
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.start();
      TargetStatus shop = w.checkNow("shop").join();
      TargetStatus api = w.checkNow("api").join();

      assertThat(shop.last().errorKind()).as("the host's other target is still spared").isEqualTo(ErrorKind.CIRCUIT_OPEN);
      assertThat(shop.state()).as("a check not sent is no evidence").isEqualTo(State.UNKNOWN);
      assertThat(api.state()).as("not five minutes later").isEqualTo(State.UP);
      w.stop().join();
    } finally {
      if (server != null) {
        server.stop(0);
      }
      vertx.close().await();
    }
  }
}
