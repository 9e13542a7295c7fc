package dev.sitepulse.crawler.store;

import java.util.Arrays;

/**
 * The pages' row ids ({@code urls.id}: any 64-bit value, in a hand-edited crawl.db negative, past
 * an int or far above the row count) mapped to page numbers 0..n-1 in the order of the ids. They
 * come sorted, so a page's number is found by binary search, not in an array as long as the
 * largest id.
 */
final class PageRows {
  private long[] ids = new long[1024];
  private int size;
  /** The last id looked up and its page: a page's links are rows next to each other. */
  private boolean looked;
  private long lastId;
  private int lastPage;

  /** Numbers the next page's row id, larger than any before ({@code ORDER BY id}). */
  void add(long id) {
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, 2 * size);
    }
    ids[size++] = id;
    looked = false;
  }

  /** The page number of row {@code id}, or -1 when that row is no page. */
  int pageOf(long id) {
    if (!looked || id != lastId) {
      int at = Arrays.binarySearch(ids, 0, size, id);
      looked = true;
      lastId = id;
      lastPage = Math.max(at, -1);
    }
    return lastPage;
  }
}
