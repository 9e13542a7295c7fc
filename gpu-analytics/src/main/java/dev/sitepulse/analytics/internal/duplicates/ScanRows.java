package dev.sitepulse.analytics.internal.duplicates;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of the pair scan's work-items, numbered {@code block * n + position} as the host splits
 * them, as the rectangles of a 2-D launch: positions across, blocks down. The kernel reads its
 * block and position from its two global ids, so it needs no 64-bit division, which GPUs emulate
 * in dozens of instructions. A run that starts or ends inside a block's row takes up to three
 * rectangles: the end of the first row, the whole rows, the start of the last.
 */
record ScanRows(int firstBlock, int blocks, int fromPosition, int toPosition) {

  /** The rectangles of work-items {@code first .. first + count - 1} for rows of {@code n}. */
  static List<ScanRows> cover(long first, long count, int n) {
    List<ScanRows> rows = new ArrayList<>(3);
    if (count <= 0) {
      return rows;
    }
    long last = first + count - 1;
    int block = (int) (first / n);
    int from = (int) (first % n);
    int lastBlock = (int) (last / n);
    int to = (int) (last % n) + 1;
    if (from > 0) {
      if (block == lastBlock) {
        rows.add(new ScanRows(block, 1, from, to));
        return rows;
      }
      rows.add(new ScanRows(block, 1, from, n));
      block++;
    }
    int wholeRowsEnd = to == n ? lastBlock + 1 : lastBlock;
    if (wholeRowsEnd > block) {
      rows.add(new ScanRows(block, wholeRowsEnd - block, 0, n));
    }
    if (to < n) {
      rows.add(new ScanRows(lastBlock, 1, 0, to));
    }
    return rows;
  }
}
