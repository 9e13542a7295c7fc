package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.index.IndexedPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Pages that deferred to their canonical, kept parsed until it settles: should it end without a
 * document (most often a redirect back to the page, as {@code /dN} answers 301 to {@code /dN/}, the
 * folder that names {@code /dN} canonical, on python's http.server and many static servers), the
 * page is indexed from here instead of being fetched again. Within a budget of text; a page past
 * it is fetched again, as before. Thread-safe: parse workers keep, the loop settles.
 */
final class KeptDeferrals {

  /** Characters of text held at most: 32 M, some 64 MB with the pages' other fields. */
  static final long MAX_CHARS = 32L << 20;

  /** A page's document, and its record as an indexed page. */
  record Kept(String url, IndexedPage doc, LongConsumer record) {}

  private final Map<String, List<Kept>> byCanonical = new ConcurrentHashMap<>();
  private final AtomicLong chars = new AtomicLong();

  /** Keeps {@code page} for {@code canonical}, unless the budget is spent; false then. */
  boolean keep(String canonical, Kept page) {
    long size = size(page);
    if (chars.addAndGet(size) > MAX_CHARS) {
      chars.addAndGet(-size);
      return false;
    }
    byCanonical.compute(canonical, (c, list) -> {
      List<Kept> pages = list == null ? new ArrayList<>(1) : list;
      pages.add(page);
      return pages;
    });
    return true;
  }

  /** The page did not defer after all. */
  void drop(String canonical, Kept page) {
    boolean[] removed = new boolean[1];
    byCanonical.computeIfPresent(canonical, (c, list) -> {
      removed[0] = list.remove(page);
      return list.isEmpty() ? null : list;
    });
    if (removed[0]) {
      chars.addAndGet(-size(page));
    }
  }

  /** {@code canonical} settled: the pages kept for it, by URL, which are no longer held. */
  Map<String, Kept> settled(String canonical) {
    List<Kept> pages = byCanonical.remove(canonical);
    if (pages == null) {
      return Map.of();
    }
    Map<String, Kept> byUrl = new HashMap<>();
    for (Kept k : pages) {
      chars.addAndGet(-size(k));
      byUrl.put(k.url(), k);
    }
    return byUrl;
  }

  private static long size(Kept page) {
    return page.doc().body().length() + 256L;
  }
}
