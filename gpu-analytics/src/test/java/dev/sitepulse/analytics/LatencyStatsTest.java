package dev.sitepulse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sitepulse.analytics.internal.latency.HistogramLayout;
import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

  private static final JavaBackend JAVA = new JavaBackend();
  private static final double[] PERCENTILES = {0, 0.1, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100};

  @AfterAll
  static void close() {
    JAVA.close();
  }

  @Test
  void percentilesEqualHdrHistogramsOverTheSameMicroseconds() {
    assertEqualsHdrHistogram(Fixtures.latencies(300_000, 1));
  }

  @Test
  void aSeriesLongEnoughForFourSetsOfCountersCountsEveryValueOnce() {
    // Two workers make 8 even chunks, each past the threshold, each with a tail of 3 after the
    // 4-wide loop (FOUR_SETS_FROM is a multiple of 4).
    try (JavaBackend twoWorkers = new JavaBackend(2)) {
      assertEqualsHdrHistogram(twoWorkers, Fixtures.latencies(8 * (HistogramLayout.FOUR_SETS_FROM + 4 + 3), 4));
    }
  }

  private static void assertEqualsHdrHistogram(float[] values) {
    assertEqualsHdrHistogram(JAVA, values);
  }

  private static void assertEqualsHdrHistogram(JavaBackend backend, float[] values) {
    Histogram hdr = new Histogram(Integer.MAX_VALUE, 3);
    for (float v : values) {
      hdr.recordValue(HistogramLayout.quantize(v));
    }

    LatencyStats stats = backend.latencyStats(values);

    for (double p : PERCENTILES) {
      assertThat(stats.histogram().valueAtPercentile(p)).as("p%s", p)
          .isEqualTo(hdr.getValueAtPercentile(p) / 1000.0);
    }
    assertThat(stats.count()).isEqualTo(hdr.getTotalCount());
    assertThat(stats.minMs()).isEqualTo(hdr.getMinValue() / 1000.0);
    assertThat(stats.maxMs()).isEqualTo(hdr.getMaxValue() / 1000.0);
    assertThat(stats.meanMs()).isEqualTo(hdr.getMean() / 1000.0);
  }

  @Test
  void percentilesAreWithinHdrHistogramsPrecisionOfTheRawValues() {
    float[] values = Fixtures.latencies(200_000, 2);
    Histogram hdr = new Histogram(3);
    double sum = 0;
    for (float v : values) {
      double micros = v > 0 && v < 1e6f ? v * 1000.0 : 0; // the huge outlier is left out
      hdr.recordValue(Math.round(micros));
      sum += micros;
    }
    float[] same = values.clone();
    same[7] = 0;

    LatencyStats stats = JAVA.latencyStats(same);

    for (double p : new double[] {50, 90, 95, 99, 99.9}) {
      double expected = hdr.getValueAtPercentile(p);
      double slack = hdr.sizeOfEquivalentValueRange((long) expected) + 1;
      assertThat(stats.histogram().valueAtPercentile(p) * 1000).as("p%s", p)
          .isCloseTo(expected, within(slack));
    }
    assertThat(stats.meanMs()).isCloseTo(sum / values.length / 1000, within(stats.meanMs() / 1000));
  }

  @Test
  void theNamedPercentilesReadTheHistogram() {
    LatencyStats stats = JAVA.latencyStats(Fixtures.latencies(10_000, 3));

    assertThat(stats.p50()).isEqualTo(stats.histogram().valueAtPercentile(50));
    assertThat(stats.p90()).isLessThanOrEqualTo(stats.p95());
    assertThat(stats.p95()).isLessThanOrEqualTo(stats.p99());
    assertThat(stats.p99()).isLessThanOrEqualTo(stats.p999());
    assertThat(stats.p999()).isLessThanOrEqualTo(stats.maxMs() * 1.001);
  }

  @Test
  void valuesBelowTwoMillisecondsAreExactToTheMicrosecond() {
    LatencyStats stats = JAVA.latencyStats(new float[] {1.5f, 0.25f, 2.0f, 0.0015f});

    assertThat(stats.count()).isEqualTo(4);
    assertThat(stats.minMs()).isEqualTo(0.002);
    assertThat(stats.maxMs()).isEqualTo(2.0);
    assertThat(stats.meanMs()).isCloseTo((1500 + 250 + 2000 + 2) / 4.0 / 1000, within(1e-12));
    assertThat(stats.p50()).isEqualTo(0.25);
    assertThat(stats.histogram().valueAtPercentile(100)).isEqualTo(2.0);
  }

  @Test
  void largerValuesKeepThreeSignificantDigits() {
    LatencyStats stats = JAVA.latencyStats(new float[] {1234.5678f});

    assertThat(stats.maxMs()).isCloseTo(1234.5678, within(1234.5678 / 1024));
    assertThat(stats.minMs()).isLessThanOrEqualTo(1234.568).isGreaterThan(1234.5678 * (1 - 1.0 / 1024));
  }

  @Test
  void nanAndNegativeValuesCountAsZeroAndHugeOnesAreClamped() {
    LatencyStats stats = JAVA.latencyStats(new float[] {Float.NaN, -3f, 1e12f});

    assertThat(stats.count()).isEqualTo(3);
    assertThat(stats.minMs()).isZero();
    assertThat(stats.maxMs()).isEqualTo(Integer.MAX_VALUE / 1000.0);
  }

  @Test
  void anEmptySeriesHasZerosEverywhere() {
    LatencyStats stats = JAVA.latencyStats(new float[0]);

    assertThat(stats.count()).isZero();
    assertThat(stats.meanMs()).isZero();
    assertThat(stats.p99()).isZero();
    assertThat(stats.histogram().buckets()).isEmpty();
  }

  @Test
  void aSliceOfTheArrayIsMeasuredOnItsOwn() {
    float[] values = {100f, 0.1f, 0.2f, 0.3f, 100f};

    LatencyStats stats = JAVA.latencyStats(values, 1, 4);

    assertThat(stats.count()).isEqualTo(3);
    assertThat(stats.maxMs()).isEqualTo(0.3);
  }

  @Test
  void logBucketsDoubleInWidthAndHoldEveryValue() {
    LatencyStats stats = JAVA.latencyStats(Fixtures.latencies(50_000, 4));

    var buckets = stats.histogram().buckets();
    assertThat(buckets.stream().mapToLong(HistogramBucket::count).sum()).isEqualTo(50_000);
    for (int i = 1; i < buckets.size(); i++) {
      assertThat(buckets.get(i).fromMs()).isEqualTo(buckets.get(i - 1).toMs());
      if (buckets.get(i).fromMs() > 0) {
        assertThat(buckets.get(i).toMs()).isEqualTo(2 * buckets.get(i).fromMs());
      }
    }
  }

  @Test
  void logBucketsRunFromTheFirstBucketWithAValueToTheLast() {
    // 3 µs, 5 µs and 40 µs: [2, 4), [4, 8), an empty [8, 16) and [16, 32), then [32, 64).
    LatencyStats stats = JAVA.latencyStats(new float[] {0.003f, 0.005f, 0.005f, 0.040f});

    assertThat(stats.histogram().buckets()).containsExactly(
        new HistogramBucket(0.002, 0.004, 1), new HistogramBucket(0.004, 0.008, 2),
        new HistogramBucket(0.008, 0.016, 0), new HistogramBucket(0.016, 0.032, 0),
        new HistogramBucket(0.032, 0.064, 1));
  }

  @Test
  void theCountersHandedOutAreHdrHistogramsAndACopy() {
    float[] values = Fixtures.latencies(20_000, 6);
    Histogram hdr = new Histogram(Integer.MAX_VALUE, 3);
    for (float v : values) {
      hdr.recordValue(HistogramLayout.quantize(v));
    }
    LatencyHistogram histogram = JAVA.latencyStats(values).histogram();

    long[] counts = histogram.counts();
    for (int i = 0; i < counts.length; i++) {
      assertThat(counts[i]).as("counter %s", i)
          .isEqualTo(hdr.getCountAtValue(HistogramLayout.lowestValueAt(i)));
    }
    Arrays.fill(counts, 0);
    assertThat(histogram.counts()).isNotEqualTo(counts);
    assertThat(histogram.totalCount()).isEqualTo(20_000);
  }
}
