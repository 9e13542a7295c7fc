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
}
