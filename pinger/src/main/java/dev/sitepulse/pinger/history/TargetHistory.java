package dev.sitepulse.pinger.history;

import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a report needs of one target's checks in a window, gathered in one pass: counts per
 * verdict, status and error kind, every latency, and the same over time.
 *
 * @param latenciesMicros the total time of each check that got a response, in no order; checks
 *     without one (timeouts, refused connections) would only measure the timeout
 */
public record TargetHistory(
    String target,
    Map<Verdict, Long> verdicts,
    Map<Integer, Long> statuses,
    Map<ErrorKind, Long> errorKinds,
    int[] latenciesMicros,
    TimeSeries series) {

  public long checks() {
    return verdicts.values().stream().mapToLong(Long::longValue).sum();
  }

  public long count(Verdict v) {
    return verdicts.getOrDefault(v, 0L);
  }

  /**
   * Counts while scanning; one per target and scanning thread. Rows arrive in time order, so each
   * comes to a different target than the last: each row touches few cache lines, with the verdict
   * and error kind counters side by side and a bucket's six figures next to each other.
   */
  static final class Builder {
    private static final Verdict[] VERDICTS = Verdict.values();
    private static final ErrorKind[] KINDS = ErrorKind.values();
    private static final int FIELDS = 6;
    /** By error kind's ordinal plus one, 0 for none: whether a check that ended so {@linkplain ErrorKind#counts counts}. */
    private static final boolean[] COUNTS = new boolean[KINDS.length + 1];

    static {
      COUNTS[0] = true;
      for (ErrorKind k : KINDS) {
        COUNTS[k.ordinal() + 1] = k.counts();
      }
    }

    final String target;
    private final long[] counts = new long[VERDICTS.length + KINDS.length];
    private final int[] statuses = new int[1000];
    private int[] latencies = new int[64];
    private int n;
    private final Instant start;
    private final Duration width;
    private final long[] buckets;

    Builder(String target, Instant start, Duration width, int bucketCount) {
      this.target = target;
      this.start = start;
      this.width = width;
      this.buckets = new long[bucketCount * FIELDS];
    }

    /** @param kind the error kind's ordinal plus one, 0 for none */
    void add(int bucket, int verdict, int status, int kind, long totalMicros) {
      counts[verdict]++;
      if (kind > 0) {
        counts[VERDICTS.length + kind - 1]++;
      }
      boolean responded = status > 0;
      if (responded) {
        statuses[status]++;
        if (n == latencies.length) {
          latencies = Arrays.copyOf(latencies, n * 2);
        }
        latencies[n++] = (int) Math.min(totalMicros, Integer.MAX_VALUE);
      }
      int b = bucket * FIELDS;
      if (b >= 0 && b < buckets.length) {
        if (!COUNTS[kind]) { // apart, as the report's availability counts it
          buckets[b + 5]++;
        } else {
          buckets[b]++;
          if (verdict >= Verdict.DOWN.ordinal()) {
            buckets[b + 1]++;
          }
        }
        if (responded) {
          buckets[b + 2]++;
          buckets[b + 3] += totalMicros;
          buckets[b + 4] = Math.max(buckets[b + 4], totalMicros);
        }
      }
    }

    void addAll(Builder o) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += o.counts[i];
      }
      for (int i = 0; i < statuses.length; i++) {
        statuses[i] += o.statuses[i];
      }
      if (n + o.n > latencies.length) {
        latencies = Arrays.copyOf(latencies, n + o.n);
      }
      System.arraycopy(o.latencies, 0, latencies, n, o.n);
      n += o.n;
      for (int i = 0; i < buckets.length; i += FIELDS) {
        buckets[i] += o.buckets[i];
        buckets[i + 1] += o.buckets[i + 1];
        buckets[i + 2] += o.buckets[i + 2];
        buckets[i + 3] += o.buckets[i + 3];
        buckets[i + 4] = Math.max(buckets[i + 4], o.buckets[i + 4]);
        buckets[i + 5] += o.buckets[i + 5];
      }
    }

    TargetHistory build() {
      Map<Verdict, Long> v = new EnumMap<>(Verdict.class);
      for (int i = 0; i < VERDICTS.length; i++) {
        if (counts[i] > 0) {
          v.put(VERDICTS[i], counts[i]);
        }
      }
      Map<ErrorKind, Long> k = new EnumMap<>(ErrorKind.class);
      for (int i = 0; i < KINDS.length; i++) {
        if (counts[VERDICTS.length + i] > 0) {
          k.put(KINDS[i], counts[VERDICTS.length + i]);
        }
      }
      Map<Integer, Long> s = new TreeMap<>();
      for (int i = 1; i < statuses.length; i++) { // 0 is "no response": the error kinds say why
        if (statuses[i] > 0) {
          s.put(i, (long) statuses[i]);
        }
      }
      TimeSeries series = TimeSeries.empty(start, width, buckets.length / FIELDS);
      for (int i = 0; i < series.buckets(); i++) {
        series.checks()[i] = buckets[i * FIELDS];
        series.failures()[i] = buckets[i * FIELDS + 1];
        series.latencyCount()[i] = buckets[i * FIELDS + 2];
        series.latencySumMicros()[i] = buckets[i * FIELDS + 3];
        series.latencyMaxMicros()[i] = buckets[i * FIELDS + 4];
        series.notStarted()[i] = buckets[i * FIELDS + 5];
      }
      return new TargetHistory(target, v, s, k, Arrays.copyOf(latencies, n), series);
    }
  }
}
