package dev.sitepulse.cli.report;

import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.CheckRecord;
import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.history.StateChangeRecord;
import dev.sitepulse.pinger.watch.State;
import dev.sitepulse.pinger.watch.StateMachine;
import dev.sitepulse.pinger.watch.Thresholds;
import dev.sitepulse.pinger.watch.Transition;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * A day of plausible history for six sites, a check every two minutes: steady ones, a slow one,
 * an outage two hours ago, one down right now. States come from the real state machine.
 */
final class SampleHistory {

  private SampleHistory() {}

  private record Site(String name, String url, double baseMs, double jitterMs) {}

  private static final Site[] SITES = {
    new Site("shop", "https://shop.example.com/", 42, 18),
    new Site("api", "https://api.example.com/health", 85, 30),
    new Site("search", "https://search.example.com/?q=status", 180, 90),
    new Site("blog", "http://blog.example.com/", 25, 8),
    new Site("legacy-crm", "http://crm.internal.example:8080/login", 320, 60),
    new Site("cdn", "https://cdn.example.com/pixel.gif", 6, 2),
  };

  static void write(Path dir, Instant now) {
    Random random = new Random(42);
    Instant start = now.minus(Duration.ofHours(24));
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC))) {
      for (Site s : SITES) {
        StateMachine machine = new StateMachine();
        for (int i = 0; i < 720; i++) {
          Instant at = start.plus(Duration.ofMinutes(2L * i));
          double hours = i / 30.0;
          double ms = Math.max(1, s.baseMs * (1 + 0.3 * Math.sin(hours / 24 * 2 * Math.PI))
              + random.nextGaussian() * s.jitterMs);
          Verdict v = Verdict.UP;
          int status = 200;
          ErrorKind kind = null;
          if (s.name.equals("blog") && hours > 21.5 && hours < 22) {
            v = Verdict.DOWN;
            status = 502;
          } else if (s.name.equals("blog") && hours > 9 && hours < 9.2) {
            v = Verdict.DOWN;
            status = 503;
          } else if (s.name.equals("legacy-crm") && hours > 23.2) {
            v = Verdict.ERROR;
            status = 0;
            kind = ErrorKind.CONNECT_REFUSED;
          } else if (s.name.equals("search") && hours > 14 && hours < 16) {
            ms += 450;
            v = Verdict.DEGRADED;
          } else if (random.nextInt(1500) == 0) {
            v = Verdict.TIMEOUT;
            status = 0;
            ms = 10_000;
          }
          long nanos = (long) (ms * 1_000_000);
          Instant cert = s.url.startsWith("https") ? now.plus(Duration.ofDays(s.name.equals("api") ? 9 : 61)) : null;
          h.append(new CheckRecord(s.name, s.url, "web", at, v, kind, status,
              new Phases(0, nanos / 10, 0, nanos * 7 / 10, nanos / 5, nanos), 1024, 1,
              v == Verdict.UP ? null : "sample", cert));
          Transition t = machine.onResult(State.of(v), at, Thresholds.DEFAULT);
          if (t != null) {
            h.append(new StateChangeRecord(s.name, t.from().name(), t.to().name(), t.at(), t.since()));
          }
        }
      }
    }
  }
}
