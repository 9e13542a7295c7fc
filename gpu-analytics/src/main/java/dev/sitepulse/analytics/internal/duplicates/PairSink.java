package dev.sitepulse.analytics.internal.duplicates;

import dev.sitepulse.analytics.NearDuplicates;
import dev.sitepulse.analytics.Timings;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Takes the pairs of groups a scan finds, in any order and from any thread, straight into the
 * clusters and the pair count; the document pairs themselves are kept only while there are at
 * most {@link NearDuplicates#MAX_LISTED_PAIRS}, so memory does not grow with the pairs found.
 */
final class PairSink {

  private final FingerprintGroups groups;
  private final UnionFind sets;
  private long count;
  private LongList kept = new LongList(); // group pairs; null once the document pairs pass the cap

  PairSink(FingerprintGroups groups, int documents) {
    this.groups = groups;
    this.sets = new UnionFind(documents);
    for (int g = 0; g < groups.count(); g++) { // copies are one cluster at distance 0
      int size = groups.size(g);
      for (int i = 1; i < size; i++) {
        sets.union(groups.first(g), groups.member(g, i));
      }
      count += (long) size * (size - 1) / 2;
    }
    keepWhileUnderCap();
  }

  /** Packed pairs of group numbers {@code pairs[0, length)}, left < right. */
  synchronized void accept(long[] pairs, int length) {
    for (int i = 0; i < length; i++) {
      int left = (int) (pairs[i] >>> 32);
      int right = (int) pairs[i];
      sets.union(groups.first(left), groups.first(right));
      count += (long) groups.size(left) * groups.size(right);
      if (kept != null) {
        kept.add(pairs[i]);
      }
    }
    keepWhileUnderCap();
  }

  private void keepWhileUnderCap() {
    if (count > NearDuplicates.MAX_LISTED_PAIRS) {
      kept = null;
    }
  }

  /** @param timings called last, so that the assembly counts in the step's total */
  synchronized NearDuplicates finish(int maxDistance, long[] fingerprints, Supplier<Timings> timings) {
    long[] pairs = kept == null ? new long[0] : documentPairs();
    Arrays.sort(pairs);
    byte[] distances = new byte[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      distances[i] = (byte) Long.bitCount(fingerprints[(int) (pairs[i] >>> 32)] ^ fingerprints[(int) pairs[i]]);
    }
    return new NearDuplicates(maxDistance, count, pairs, distances, sets.clusters(), timings.get());
  }

  private long[] documentPairs() {
    long[] pairs = new long[(int) count];
    int at = 0;
    for (int g = 0; g < groups.count(); g++) {
      for (int i = 0; i < groups.size(g); i++) {
        for (int j = i + 1; j < groups.size(g); j++) {
          pairs[at++] = (long) groups.member(g, i) << 32 | groups.member(g, j);
        }
      }
    }
    for (int p = 0; p < kept.size(); p++) {
      int left = (int) (kept.get(p) >>> 32);
      int right = (int) kept.get(p);
      for (int i = 0; i < groups.size(left); i++) {
        for (int j = 0; j < groups.size(right); j++) {
          int a = groups.member(left, i);
          int b = groups.member(right, j);
          pairs[at++] = (long) Math.min(a, b) << 32 | Math.max(a, b);
        }
      }
    }
    return pairs;
  }
}
