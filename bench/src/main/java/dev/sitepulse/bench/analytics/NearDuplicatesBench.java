package dev.sitepulse.bench.analytics;

import dev.sitepulse.analytics.AnalyticsBackend;
import dev.sitepulse.analytics.NearDuplicates;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * All near-duplicate pairs (distance <= 3) among 1M SimHashes with clusters: the time of one
 * call, bucketing and pair assembly included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class NearDuplicatesBench {

  static final int DOCUMENTS = 1_000_000;

  @Param({"java", "opencl"})
  public String backend;
  long[] fingerprints;
  AnalyticsBackend analytics;
  NearDuplicates last;

  @Setup(Level.Trial)
  public void setUp() {
    fingerprints = SyntheticData.fingerprints(DOCUMENTS, 1);
    analytics = Backends.open(backend);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (last != null) {
      System.out.printf("%n[last call] %d pairs in %d clusters; %s%n", last.pairCount(),
          last.clusters().count(), last.timings());
    }
    analytics.close();
  }

  @Benchmark
  public NearDuplicates simHash1M() {
    return last = analytics.nearDuplicates(fingerprints, 3);
  }
}
