package dev.sitepulse.analytics;

/**
 * All pairs of documents whose 64-bit SimHashes differ in at most {@code maxDistance} bits, and the
 * clusters they form. Pairs are packed as {@code (long) left << 32 | right} with {@code left <
 * right} and sorted ascending, so two results hold the same pairs exactly when their {@code pairs}
 * arrays are equal.
 *
 * @param maxDistance the largest Hamming distance that counts as a near-duplicate
 * @param pairs       the packed pairs, ascending
 * @param distances   the Hamming distance of each pair, aligned with {@code pairs}
 * @param clusters    the connected components of two or more documents
 * @param timings     where the time went and which device ran it
 */
public record NearDuplicates(int maxDistance, long[] pairs, byte[] distances, Clusters clusters,
    Timings timings) {

  public NearDuplicates {
    if (pairs.length != distances.length) {
      throw new IllegalArgumentException("pairs and distances must align, were "
          + pairs.length + " and " + distances.length);
    }
  }

  public int pairCount() {
    return pairs.length;
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
