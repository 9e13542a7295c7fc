package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pages that left their text to their rel=canonical URL, waiting to see that URL indexed. A
 * canonical is a hint: when it ends without a document of its own (an error, a redirect, noindex,
 * not HTML, a canonical elsewhere again), the pages that deferred to it are fetched again and
 * index their own text. A canonical that is an exact duplicate of an indexed page counts as indexed.
 *
 * <p>Thread-safe: parse workers wait, the event loop settles. Both are rare next to pages, so
 * one lock is enough.
 */
final class CanonicalWaits {

  /**
   * URLs remembered as ended without a document, for pages that name one after it ended. A
   * bound, not a cache: past it such pages defer as before and the text is found only by a later
   * crawl's resume.
   */
  private static final int MAX_REMEMBERED = 100_000;

  private final Map<String, List<QueuedUrl>> waiting = new HashMap<>();
  private final Set<String> withoutDocument = new HashSet<>();

  /**
   * Records that {@code page} defers to {@code canonical}; false when the canonical is already known
   * to have no document, and the page must index its own text.
   */
  synchronized boolean await(String canonical, QueuedUrl page) {
    if (withoutDocument.contains(canonical)) {
      return false;
    }
    waiting.computeIfAbsent(canonical, c -> new ArrayList<>(1)).add(page);
    return true;
  }

  /** Known, before a crawl starts, to have no document (an earlier run fetched it). */
  synchronized void knownWithoutDocument(String url) {
    remember(url);
  }

  /**
   * {@code url} was fetched and handled. Returns the pages to fetch again because it has no
   * document, or none. A duplicate's document is its original's, unless the original is one of
   * the pages that deferred to it (a variant with the same bytes, fetched first): then no page
   * holds the text.
   *
   * @param duplicateOf the page {@code url} has the same bytes as, or null
   */
  synchronized List<QueuedUrl> settled(String url, boolean hasDocument, String duplicateOf) {
    List<QueuedUrl> pages = waiting.remove(url);
    boolean originalDeferred = duplicateOf != null && pages != null
        && pages.stream().anyMatch(p -> p.url().equals(duplicateOf));
    if (hasDocument && !originalDeferred) {
      return List.of();
    }
    remember(url);
    return pages == null ? List.of() : pages;
  }

  private void remember(String url) {
    if (withoutDocument.size() < MAX_REMEMBERED) {
      withoutDocument.add(url);
    }
  }
}
