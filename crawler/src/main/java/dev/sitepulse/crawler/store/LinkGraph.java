package dev.sitepulse.crawler.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The crawl's link graph as primitive arrays, for {@code analyze} to hand to the analytics: the
 * pages ({@link AnalyzedCrawl#PAGES}) numbered 0..n-1 in the order crawl.db learnt them, and the
 * followed links between them, edge {@code i} from page {@code sources[i]} to page {@code
 * targets[i]}, a link through a redirect counting for the page it lands on. No page links to
 * itself here; a page's link that repeats its last one to the same page is dropped as read, but
 * repeats further apart (a page fetched again) are left for the graph's builder to merge.
 *
 * @param urls each page's URL
 * @param titles each page's title, null when it has none
 * @param simHashes each page's SimHash
 * @param sources the edges' sources, in its first {@code edgeCount} entries: the arrays the links
 *     were read into, not trimmed, so that a caller can adopt them (millions of links) uncopied
 * @param targets the edges' targets, as {@code sources}
 * @param edgeCount how many edges there are
 * @param digest the digest of exactly what was read, which {@code analyze} records
 */
public record LinkGraph(List<String> urls, List<String> titles, long[] simHashes, int[] sources, int[] targets,
    int edgeCount, CrawlDigest digest) {

  /** The most edges read, as many as an array holds (gpu-analytics' CsrGraphBuilder takes as many). */
  public static final int MAX_EDGES = Integer.MAX_VALUE - 8;

  /** The pages have more links between them than {@link #MAX_EDGES}. */
  public static final class TooManyLinksException extends RuntimeException {
    TooManyLinksException() {
      super("more than " + MAX_EDGES + " links between the pages");
    }
  }

  /**
   * A page's row id in crawl.db holds no integer (text, a real number, a blob, NULL): a hand-made
   * or damaged file, named by table, column and row.
   */
  public static final class NotARowIdException extends RuntimeException {
    NotARowIdException(String message) {
      super(message);
    }
  }

  public LinkGraph {
    urls = List.copyOf(urls);
    titles = Collections.unmodifiableList(new ArrayList<>(titles)); // titles may be null
    if (edgeCount < 0 || sources.length < edgeCount || targets.length < edgeCount) {
      throw new IllegalArgumentException(edgeCount + " edges in arrays of " + sources.length + " sources and "
          + targets.length + " targets");
    }
  }

  /**
   * Reads the crawl in one read transaction: pages, redirects and links of one moment, and the
   * digest of exactly them, while a crawl may be writing.
   *
   * @throws TooManyLinksException when the pages have more than {@link #MAX_EDGES} links between them
   * @throws NotARowIdException when a page's id, or a link's, holds no integer
   */
  public static LinkGraph read(Connection db) throws SQLException {
    return OneRead.of(db, LinkGraphReader::read);
  }
}
