package dev.sitepulse.crawler.frontier;

/**
 * A set of non-zero longs by open addressing: 16 bytes per entry at most, where a HashSet of
 * Strings would cost a hundred. The frontier keeps 64-bit URL hashes in it.
 */
final class LongHashSet {

  private long[] slots = new long[1024];
  private int size;

  /** Adds the value; returns false when it was already present. */
  boolean add(long value) {
    long v = value == 0 ? 1 : value; // 0 marks an empty slot
    if (size * 2 >= slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
      if (slots[i] == v) {
        return false;
      }
      if (slots[i] == 0) {
        slots[i] = v;
        size++;
        return true;
      }
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    for (long v : old) {
      if (v != 0) {
        add(v);
      }
    }
  }

  private static int mix(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
