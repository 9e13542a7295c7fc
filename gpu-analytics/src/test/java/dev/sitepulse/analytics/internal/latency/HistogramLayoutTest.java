package dev.sitepulse.analytics.internal.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramLayoutTest {

  @Test
  void theBitRouteGivesTheSameCounterAsRoundingThenIndexing() {
    SplittableRandom random = new SplittableRandom(11);
    float[] edges = {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0f, 0f,
        Float.MIN_VALUE, 0.0005f, 0.00049999f, 0.0015f, 2.0475f, 2.0474999f, 2.048f, 4.0955f,
        2147483.5f, 2147483.75f, 2147484f, 3e9f, -1e-3f, Float.MAX_VALUE};
    for (float v : edges) {
      assertThat(HistogramLayout.indexOfMillis(v)).as("%s", v)
          .isEqualTo(HistogramLayout.indexOf(HistogramLayout.quantize(v)));
    }
    for (int i = 0; i < 2_000_000; i++) {
      float v = i % 2 == 0
          ? Float.intBitsToFloat(random.nextInt())
          : (float) (random.nextDouble() * Math.pow(10, random.nextInt(-4, 8)));
      assertThat(HistogramLayout.indexOfMillis(v)).isEqualTo(HistogramLayout.indexOf(HistogramLayout.quantize(v)));
    }
  }

  @Test
  void countersAndValueRangesAreHdrHistogramsOwn() {
    Histogram hdr = new Histogram(Integer.MAX_VALUE, 3);
    SplittableRandom random = new SplittableRandom(12);
    for (int i = 0; i < 100_000; i++) {
      int micros = random.nextInt(Integer.MAX_VALUE) >>> random.nextInt(31);
      int index = HistogramLayout.indexOf(micros);
      assertThat(HistogramLayout.lowestValueAt(index)).isEqualTo(hdr.lowestEquivalentValue(micros));
      assertThat(HistogramLayout.highestValueAt(index)).isEqualTo(hdr.highestEquivalentValue(micros));
      assertThat(HistogramLayout.medianValueAt(index)).isEqualTo(hdr.medianEquivalentValue(micros));
    }
    assertThat(HistogramLayout.indexOf(Integer.MAX_VALUE)).isEqualTo(HistogramLayout.LENGTH - 1);
  }
}
