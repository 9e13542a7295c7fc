package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop's side of {@link CanonicalWaits}: as each URL's fetch is over, the pages that deferred
 * to it as their canonical go back to the frontier if it has no document, to index their own
 * text; such a page counts once, as the page it was when first fetched. A link check indexes
 * nothing, so waits for none. Touched only on the event loop.
 */
final class CanonicalRefetches {

  private static final Logger LOG = LoggerFactory.getLogger(CanonicalRefetches.class);

  private final CrawlPurpose purpose;
  private final CanonicalWaits canonicals;
  private final Frontier frontier;
  /** Pages queued again because their canonical, or their original, ended without a document. */
  private final Set<String> queuedAgain = new HashSet<>();
  /** Pages an earlier run fetched and left deferring: their fetch again is this run's first of them. */
  private final Set<String> countedByAnEarlierRun = new HashSet<>();

  CanonicalRefetches(CrawlPurpose purpose, CanonicalWaits canonicals, Frontier frontier) {
    this.purpose = purpose;
    this.canonicals = canonicals;
    this.frontier = frontier;
  }

  /**
   * A URL's fetch is over. Pages that deferred to it as their canonical are fetched again when it
   * has no document, to index their own text (a link check indexes nothing, so waits for none).
   */
  void settled(String url, boolean hasDocument) {
    settled(url, hasDocument, null);
  }

  /** @param duplicateOf the page {@code url} has the same bytes as, or null */
  void settled(String url, boolean hasDocument, String duplicateOf) {
    if (purpose != CrawlPurpose.SEARCH) {
      return;
    }
    for (QueuedUrl page : canonicals.settled(url, hasDocument, duplicateOf)) {
      LOG.debug("fetching {} again: its canonical {} has no document", page.url(), url);
      fetchAgain(page);
    }
  }

  /** Copies of {@code original}'s old bytes, which it no longer holds: they index their own text. */
  void copiesFetchedAgain(String original, List<QueuedUrl> copies) {
    for (QueuedUrl page : copies) {
      LOG.debug("fetching {} again: {}, whose copy it was, no longer has its bytes", page.url(), original);
      fetchAgain(page);
    }
  }

  /**
   * {@code url} was fetched by an earlier run, which left it deferring to its canonical; called
   * before the loop starts.
   */
  void deferredByAnEarlierRun(String url) {
    countedByAnEarlierRun.add(url);
  }

  private void fetchAgain(QueuedUrl page) {
    if (!countedByAnEarlierRun.remove(page.url())) {
      queuedAgain.add(page.url());
    }
    frontier.requeue(page.url(), page.depth());
  }

  /**
   * Whether {@link #settled} queued this page again, which it then forgets: true once, for the
   * fetch that follows; the page counted when this run first fetched it (a page an earlier run
   * fetched counts at its fetch again, this run's first).
   */
  boolean takeRequeued(String url) {
    return queuedAgain.remove(url);
  }
}
