package dev.sitepulse.crawler.parse;

/**
 * Which shingle hashes one text has already shown, so that {@link SimHash} counts a shingle once
 * however often the text repeats it. Open addressing over the hashes' top 32 bits, in an int array
 * sized from the text: one allocation for most pages, half a long array's cache misses, where a
 * HashSet would box every shingle. Two shingles of a page that share those bits (about one pair in
 * a 100,000-shingle page) vote once between them, which moves no bit that matters.
 */
final class FirstSightings {
  private int[] slots;
  private boolean sawZero;
  private int size;

  /** Room for the shingles of about {@code chars} characters of text without growing. */
  FirstSightings(int chars) {
    int wanted = Math.max(64, Math.min(chars / 8, 1 << 20));
    slots = new int[Integer.highestOneBit(wanted - 1) << 1];
  }

  /** True the first time {@code hash} (an fmix64 output, random in every bit) is offered. */
  boolean first(long hash) {
    int print = (int) (hash >>> 32);
    if (print == 0) { // 0 marks an empty slot
      boolean first = !sawZero;
      sawZero = true;
      return first;
    }
    int mask = slots.length - 1;
    for (int i = print & mask; ; i = (i + 1) & mask) {
      if (slots[i] == print) {
        return false;
      }
      if (slots[i] == 0) {
        slots[i] = print;
        if (++size * 2 > slots.length) {
          grow();
        }
        return true;
      }
    }
  }

  private void grow() {
    int[] old = slots;
    slots = new int[old.length * 2];
    int mask = slots.length - 1;
    for (int print : old) {
      if (print != 0) {
        int i = print & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = print;
      }
    }
  }
}
