package dev.sitepulse.analytics.internal.duplicates;

/**
 * How 64-bit fingerprints are cut for the pigeonhole search: into {@code maxDistance + 1} blocks
 * of nearly equal width. Two fingerprints within {@code maxDistance} bits differ in at most that
 * many blocks, so at least one block is equal in both. Each block's value is turned into a bucket
 * number: the value itself when it is narrow, else a multiplicative hash of it (collisions cost
 * only extra comparisons, as every candidate pair is checked in full).
 *
 * <p>A pair is reported by the first block in which it agrees and by no other, which removes
 * duplicates without a global sort.
 */
public final class BlockPlan {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  /** The longest int[] every JVM allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final int maxDistance;
  private final int[] shifts;
  private final long[] masks;
  private final boolean hashed;
  private final int bucketBits;

  private BlockPlan(int maxDistance, int documents) {
    this.maxDistance = maxDistance;
    int blocks = maxDistance + 1;
    this.shifts = new int[blocks];
    this.masks = new long[blocks];
    int shift = 0;
    int widest = 0;
    for (int b = 0; b < blocks; b++) {
      int width = 64 / blocks + (b < 64 % blocks ? 1 : 0);
      shifts[b] = shift;
      masks[b] = width == 64 ? -1L : (1L << width) - 1;
      shift += width;
      widest = Math.max(widest, width);
    }
    int wanted = Math.max(8, Math.min(20, 33 - Integer.numberOfLeadingZeros(Math.max(documents, 1))));
    this.hashed = widest > wanted;
    this.bucketBits = hashed ? wanted : widest;
  }

  /**
   * @throws IllegalArgumentException unless 0 <= maxDistance <= 63, and unless {@link Buckets}'
   *     one sorted copy of the documents per block fits in a Java array
   */
  public static BlockPlan of(int maxDistance, int documents) {
    if (maxDistance < 0 || maxDistance > 63) {
      throw new IllegalArgumentException("maxDistance must be in 0..63, was " + maxDistance);
    }
    int blocks = maxDistance + 1;
    if ((long) blocks * documents > MAX_ARRAY) {
      throw new IllegalArgumentException(documents + " fingerprints are too many for maxDistance "
          + maxDistance + ": at most " + MAX_ARRAY / blocks + " (one sorted copy per block, "
          + blocks + " blocks)");
    }
    return new BlockPlan(maxDistance, documents);
  }

  public int maxDistance() {
    return maxDistance;
  }

  public int blocks() {
    return shifts.length;
  }

  public int bucketCount() {
    return 1 << bucketBits;
  }

  public boolean hashed() {
    return hashed;
  }

  public int bucketBits() {
    return bucketBits;
  }

  public int shift(int block) {
    return shifts[block];
  }

  public long mask(int block) {
    return masks[block];
  }

  /** The bucket of a fingerprint in one block. */
  public int bucketOf(long fingerprint, int block) {
    long value = (fingerprint >>> shifts[block]) & masks[block];
    return hashed ? (int) ((value * GOLDEN) >>> (64 - bucketBits)) : (int) value;
  }

  /**
   * Whether the pair with XOR {@code x} is within distance, equal in {@code block} and in no
   * earlier block, i.e. whether {@code block} is the one that reports it.
   */
  public boolean reports(long x, int block) {
    if (Long.bitCount(x) > maxDistance || ((x >>> shifts[block]) & masks[block]) != 0) {
      return false;
    }
    for (int b = 0; b < block; b++) {
      if (((x >>> shifts[b]) & masks[b]) == 0) {
        return false;
      }
    }
    return true;
  }
}
