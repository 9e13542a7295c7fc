package dev.sitepulse.crawler.links;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A clock and a timer that move only when the test advances them: what falls due runs then, on the
 * test's thread, with the clock at the time it was due.
 */
final class ManualTimer implements HostPacing.Wakeups {

  private record Wake(long at, Runnable task) {}

  private final List<Wake> pending = new ArrayList<>();
  private final long start;
  private long now;

  ManualTimer() {
    this(1_000);
  }

  /** @param start where the clock starts: System.nanoTime() may be any long, near Long.MAX_VALUE too */
  ManualTimer(long start) {
    this.start = start;
    this.now = start;
  }

  long nanoTime() {
    return now;
  }

  /** The clock's time, as an offset from where it started. */
  Duration elapsed() {
    return Duration.ofNanos(now - start);
  }

  @Override
  public void after(long nanos, Runnable wake) {
    pending.add(new Wake(now + nanos, wake));
  }

  @Override
  public void close() {
    pending.clear();
  }

  /** Moves the clock on by {@code d}, running each wake-up due by then, the earliest first. */
  void advance(Duration d) {
    long until = now + d.toNanos();
    while (true) {
      // Times compare by their difference from now, as nanoTime values must.
      Wake next = pending.stream().filter(w -> w.at() - until <= 0)
          .min(Comparator.comparingLong(w -> w.at() - now)).orElse(null);
      if (next == null) {
        now = until;
        return;
      }
      pending.remove(next);
      if (next.at() - now > 0) {
        now = next.at();
      }
      next.task().run();
    }
  }
}
