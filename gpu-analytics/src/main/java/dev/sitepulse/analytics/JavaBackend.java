package dev.sitepulse.analytics;

import dev.sitepulse.analytics.internal.duplicates.JavaPairScan;
import dev.sitepulse.analytics.internal.latency.JavaLatency;
import dev.sitepulse.analytics.internal.pagerank.JavaPageRank;
import dev.sitepulse.analytics.internal.parallel.ForkJoinRunner;
import java.util.Objects;

/**
 * The pure-Java backend: exact, parallel on its own fork/join pool, over primitive arrays only.
 * Always available; the reference the OpenCL backend is tested against.
 */
public final class JavaBackend implements AnalyticsBackend {

  private final ForkJoinRunner runner;
  private final DeviceInfo device;

  /** A backend with one worker per available processor. */
  public JavaBackend() {
    this(Runtime.getRuntime().availableProcessors());
  }

  public JavaBackend(int parallelism) {
    this.runner = new ForkJoinRunner(parallelism);
    this.device = describe(parallelism);
  }

  /** How the Java backend shows up in a device listing. */
  static DeviceInfo describe(int parallelism) {
    return new DeviceInfo("cpu", "Java " + Runtime.version().feature() + " fork/join, "
        + DeviceInfo.count(parallelism, "thread"), "Java", DeviceInfo.Kind.JAVA, parallelism,
        Runtime.getRuntime().maxMemory(), 0, true);
  }

  @Override
  public DeviceInfo device() {
    return device;
  }

  @Override
  public PageRankResult pageRank(CsrGraph graph, PageRankConfig config) {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(config, "config");
    return JavaPageRank.run(graph, config, runner, device.id());
  }

  @Override
  public NearDuplicates nearDuplicates(long[] simHashes, int maxDistance) {
    Objects.requireNonNull(simHashes, "simHashes");
    return JavaPairScan.run(simHashes, maxDistance, runner, device.id());
  }

  @Override
  public LatencyStats latencyStats(float[] latenciesMs, int from, int to) {
    Objects.checkFromToIndex(from, to, latenciesMs.length);
    return JavaLatency.run(latenciesMs, from, to, runner, device.id());
  }

  @Override
  public void close() {
    runner.close();
  }
}
