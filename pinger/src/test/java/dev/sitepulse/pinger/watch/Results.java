package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.Attempt;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Hop;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.Verdict;
import java.time.Instant;
import java.util.List;

/** Hand-made check results, for tests that need no server. */
final class Results {
  private Results() {}

  static CheckResult of(Target target, Verdict verdict, int status, Instant at, long totalMillis) {
    List<Hop> hops = status == 0 ? List.of()
        : List.of(new Hop(target.url(), status, null, new Phases(0, 0, 0, 0, 0, totalMillis * 1_000_000)));
    Attempt a = new Attempt(1, at, verdict, verdict == Verdict.ERROR ? ErrorKind.CONNECT_REFUSED : null,
        verdict == Verdict.UP ? status + " OK" : "condition failed: [STATUS] (" + status + ") < 400",
        hops, new Phases(0, 0, 0, 0, 0, totalMillis * 1_000_000), 2, false, null, "127.0.0.1",
        List.of(), null);
    return new CheckResult(target, List.of(a));
  }

  static CheckResult up(Target target, Instant at) {
    return of(target, Verdict.UP, 200, at, 12);
  }

  static CheckResult down(Target target, Instant at) {
    return of(target, Verdict.DOWN, 500, at, 15);
  }

  /** A check that found nothing listening, as one to 127.0.0.1:9 does. */
  static CheckResult refused(Target target, Instant at) {
    return error(target, at, ErrorKind.CONNECT_REFUSED, "connection refused by 127.0.0.1:9");
  }

  /** A check its host's open circuit held back, with the words the breaker gives it. */
  static CheckResult heldBack(Target target, Instant at) {
    return error(target, at, ErrorKind.CIRCUIT_OPEN, "not sent: the last check of 127.0.0.1:9 could not reach it"
        + " (connection refused by 127.0.0.1:9); circuit open: the next check of the target that opened it, or any after 30s, tries again");
  }

  /** A check sitepulse could not start, with the words it gives it: the host was never asked. */
  static CheckResult notStarted(Target target, Instant at) {
    return error(target, at, ErrorKind.NOT_STARTED, "not sent: sitepulse could not start the attempt:"
        + " its checks were being stopped");
  }

  private static CheckResult error(Target target, Instant at, ErrorKind kind, String message) {
    Attempt a = new Attempt(1, at, Verdict.ERROR, kind, message, List.of(), Phases.NONE, 0, false, null, null,
        List.of(), null);
    return new CheckResult(target, List.of(a));
  }
}
