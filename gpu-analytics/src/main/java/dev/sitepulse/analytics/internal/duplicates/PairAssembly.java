package dev.sitepulse.analytics.internal.duplicates;

import dev.sitepulse.analytics.NearDuplicates;
import dev.sitepulse.analytics.Timings;
import java.util.Arrays;
import java.util.function.Supplier;

/** Turns the pairs a backend found (in any order) into the sorted result with clusters. */
public final class PairAssembly {

  private PairAssembly() {}

  /**
   * @param pairs   packed pairs, left < right, no pair twice; sorted in place
   * @param timings called last, so that the assembly counts in the step's total
   */
  public static NearDuplicates assemble(int maxDistance, long[] fingerprints, long[] pairs,
      Supplier<Timings> timings) {
    Arrays.sort(pairs);
    byte[] distances = new byte[pairs.length];
    UnionFind sets = new UnionFind(fingerprints.length);
    for (int i = 0; i < pairs.length; i++) {
      int left = (int) (pairs[i] >>> 32);
      int right = (int) pairs[i];
      distances[i] = (byte) Long.bitCount(fingerprints[left] ^ fingerprints[right]);
      sets.union(left, right);
    }
    return new NearDuplicates(maxDistance, pairs, distances, sets.clusters(), timings.get());
  }
}
