package dev.sitepulse.bench.analytics;

import java.util.SplittableRandom;

/** Seeded inputs for the analytics benchmarks. */
final class SyntheticData {

  private SyntheticData() {}

  /**
   * SimHashes of which about a third copy an earlier one with 0..5 bits flipped, so that there
   * are near-duplicates at every distance up to 3 and misses just beyond.
   */
  static long[] fingerprints(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] fp = new long[n];
    for (int i = 0; i < n; i++) {
      if (i > 0 && random.nextInt(3) == 0) {
        long copy = fp[random.nextInt(i)];
        int flips = random.nextInt(6);
        for (int f = 0; f < flips; f++) {
          copy ^= 1L << random.nextInt(64);
        }
        fp[i] = copy;
      } else {
        fp[i] = random.nextLong();
      }
    }
    return fp;
  }

  /** Log-normal latencies in ms: median 40 ms, sigma 1.2 (most between 4 and 400 ms). */
  static float[] latencies(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
          * Math.cos(2 * Math.PI * random.nextDouble());
      values[i] = (float) Math.exp(Math.log(40) + 1.2 * gaussian);
    }
    return values;
  }
}
