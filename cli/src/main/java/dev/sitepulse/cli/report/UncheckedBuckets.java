package dev.sitepulse.cli.report;

import dev.sitepulse.pinger.history.CheckGap;
import dev.sitepulse.pinger.history.TimeSeries;
import java.time.Instant;
import java.util.List;

/**
 * Whether a target's time buckets show it unchecked where no stop of the watch explains it: a
 * bucket without a check between two with some, not inside one of its gaps across a stop. It was
 * then taken out of the config and put back, or its checks were held up, while other targets were
 * checked, and its gaps are worth reading from every check time. A gap shorter than two buckets
 * may leave none empty; a target checked less often than a bucket's width is read anyway, and has
 * few checks to read.
 */
final class UncheckedBuckets {

  private UncheckedBuckets() {}

  static boolean unexplained(TimeSeries s, List<CheckGap> stopGaps) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < s.buckets(); i++) {
      if (checked(s, i)) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    for (int i = first + 1; i < last; i++) {
      if (!checked(s, i) && !acrossAStop(s.bucketStart(i), s.bucketStart(i + 1), stopGaps)) {
        return true;
      }
    }
    return false;
  }

  private static boolean checked(TimeSeries s, int i) {
    return s.checks()[i] + s.notStarted()[i] > 0;
  }

  private static boolean acrossAStop(Instant from, Instant to, List<CheckGap> stopGaps) {
    return stopGaps.stream().anyMatch(g -> !g.last().isAfter(from) && !g.next().isBefore(to));
  }
}
