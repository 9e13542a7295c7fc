package dev.sitepulse.crawler.parse;

/**
 * Counts, for each of 64 bit positions, how many added hashes had that bit set.
 *
 * <p>The counters are packed four to a long in 16-bit lanes, so a hash costs 16 additions instead
 * of 64; lanes are drained into ints before they can overflow.
 */
final class BitVotes {
  private static final int LANE_MAX = 0xFFFF;

  /** SPREAD[nibble] puts bit k of the nibble at the bottom of 16-bit lane k. */
  private static final long[] SPREAD = new long[16];

  static {
    for (int nibble = 0; nibble < 16; nibble++) {
      for (int k = 0; k < 4; k++) {
        SPREAD[nibble] |= (long) ((nibble >>> k) & 1) << (16 * k);
      }
    }
  }

  private final long[] lanes = new long[16];
  private final int[] drained = new int[64];
  private int added;
  private int sinceDrain;

  void add(long hash) {
    for (int group = 0; group < 16; group++) {
      lanes[group] += SPREAD[(int) (hash >>> (4 * group)) & 0xF];
    }
    added++;
    if (++sinceDrain == LANE_MAX) {
      drain();
    }
  }

  /** Bit b is set when more than half of the added hashes had bit b set. */
  long majority() {
    drain();
    long result = 0;
    for (int bit = 0; bit < 64; bit++) {
      if (2L * drained[bit] > added) {
        result |= 1L << bit;
      }
    }
    return result;
  }

  private void drain() {
    for (int group = 0; group < 16; group++) {
      for (int k = 0; k < 4; k++) {
        drained[4 * group + k] += (int) (lanes[group] >>> (16 * k)) & LANE_MAX;
      }
      lanes[group] = 0;
    }
    sinceDrain = 0;
  }
}
