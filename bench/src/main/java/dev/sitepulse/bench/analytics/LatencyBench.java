package dev.sitepulse.bench.analytics;

import dev.sitepulse.analytics.AnalyticsBackend;
import dev.sitepulse.analytics.LatencyStats;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency statistics of 50M values (ms, as floats) in values per second: our histogram path on
 * each backend, and HdrHistogram recording the same values (rounded to µs the same way) on one
 * thread and on two threads with one histogram each, added up at the end.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class LatencyBench {

  static final int VALUES = 50_000_000;

  /** The 50M values, shared by every benchmark here. */
  @State(Scope.Benchmark)
  public static class Values {
    float[] latencies;

    @Setup(Level.Trial)
    public void setUp() {
      latencies = SyntheticData.latencies(VALUES, 3);
    }
  }

  /** A backend of ours. */
  @State(Scope.Benchmark)
  public static class Ours {
    @Param({"java", "opencl"})
    public String backend;
    AnalyticsBackend analytics;
    LatencyStats last;

    @Setup(Level.Trial)
    public void setUp() {
      analytics = Backends.open(backend);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      if (last != null) {
        System.out.printf("%n[last call] p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms; %s%n",
            last.p50(), last.p99(), last.p999(), last.timings());
      }
      analytics.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(VALUES)
  public LatencyStats histogramPath(Values values, Ours ours) {
    return ours.last = ours.analytics.latencyStats(values.latencies);
  }

  @Benchmark
  @OperationsPerInvocation(VALUES)
  public double hdrHistogramOneThread(Values values) {
    Histogram histogram = record(values.latencies, 0, VALUES);
    return histogram.getValueAtPercentile(99);
  }

  @Benchmark
  @OperationsPerInvocation(VALUES)
  public double hdrHistogramTwoThreads(Values values) {
    int half = VALUES / 2;
    var other = ForkJoinPool.commonPool().submit(() -> record(values.latencies, half, VALUES));
    Histogram histogram = record(values.latencies, 0, half);
    histogram.add(other.join());
    return histogram.getValueAtPercentile(99);
  }

  private static Histogram record(float[] values, int from, int to) {
    Histogram histogram = new Histogram(Integer.MAX_VALUE, 3);
    for (int i = from; i < to; i++) {
      histogram.recordValue(Math.max((int) (values[i] * 1000f + 0.5f), 0));
    }
    return histogram;
  }
}
