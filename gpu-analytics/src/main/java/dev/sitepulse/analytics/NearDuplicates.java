package dev.sitepulse.analytics;

/**
 * All pairs of documents whose 64-bit SimHashes differ in at most {@code maxDistance} bits, and the
 * clusters they form. Pairs are packed as {@code (long) left << 32 | right} with {@code left <
 * right} and sorted ascending, so two results hold the same pairs exactly when their {@code pairs}
 * arrays are equal. They are listed only when there are at most {@link #MAX_LISTED_PAIRS} (k
 * copies of one page alone are k(k-1)/2 pairs); beyond that they are counted, and the clusters
 * are complete either way.
 *
 * @param maxDistance the largest Hamming distance that counts as a near-duplicate
 * @param pairCount   how many pairs there are, listed or not
 * @param pairs       the packed pairs, ascending: all of them, or none when there are more than
 *                    {@link #MAX_LISTED_PAIRS}
 * @param distances   the Hamming distance of each pair, aligned with {@code pairs}
 * @param clusters    the connected components of two or more documents
 * @param timings     where the time went and which device ran it
 */
public record NearDuplicates(int maxDistance, long pairCount, long[] pairs, byte[] distances,
    Clusters clusters, Timings timings) {

  /** The most pairs listed in {@link #pairs()}: 8 MiB of them. */
  public static final int MAX_LISTED_PAIRS = 1 << 20;

  public NearDuplicates {
    if (pairs.length != distances.length) {
      throw new IllegalArgumentException("pairs and distances must align, were "
          + pairs.length + " and " + distances.length);
    }
    if (pairs.length != (pairCount <= MAX_LISTED_PAIRS ? pairCount : 0)) {
      throw new IllegalArgumentException("pairs must list all " + pairCount
          + " pairs, or none past " + MAX_LISTED_PAIRS + ", listed " + pairs.length);
    }
  }

  /** Whether {@link #pairs()} holds every pair, which it does up to {@link #MAX_LISTED_PAIRS}. */
  public boolean pairsListed() {
    return pairs.length == pairCount;
  }

  public int left(int pair) {
    return (int) (pairs[pair] >>> 32);
  }

  public int right(int pair) {
    return (int) pairs[pair];
  }

  public int distance(int pair) {
    return distances[pair];
  }
}
