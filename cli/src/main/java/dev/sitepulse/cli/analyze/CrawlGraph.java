package dev.sitepulse.cli.analyze;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.CsrGraphBuilder;
import dev.sitepulse.analytics.PageRankResult;
import dev.sitepulse.cli.UnreadableException;
import dev.sitepulse.crawler.store.AnalysisStore;
import dev.sitepulse.crawler.store.CrawlDigest;
import dev.sitepulse.crawler.store.LinkGraph;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The crawl as primitive arrays for the analytics: HTML pages numbered 0..n-1, the links between
 * them as a CSR graph by destination, and each page's SimHash, read from crawl.db.
 */
final class CrawlGraph {

  final List<String> urls = new ArrayList<>();
  final List<String> titles = new ArrayList<>();
  final long[] simHashes;
  final CsrGraph graph;
  /** The digest of what was read, for report to tell whether the crawl changed since. */
  final CrawlDigest digest;

  private CrawlGraph(List<String> urls, List<String> titles, long[] simHashes, CsrGraph graph, CrawlDigest digest) {
    this.urls.addAll(urls);
    this.titles.addAll(titles);
    this.simHashes = simHashes;
    this.graph = graph;
    this.digest = digest;
  }

  /**
   * Reads the crawl in one read transaction ({@link AnalysisStore#read}): pages, redirects and
   * links of one moment, and the digest of exactly them, while a crawl may be writing.
   */
  static CrawlGraph load(AnalysisStore db) throws SQLException {
    LinkGraph read;
    try {
      read = db.read();
    } catch (LinkGraph.TooManyLinksException full) {
      throw new UnreadableException("too many links between the pages of this crawl: PageRank takes at most "
          + LinkGraph.MAX_EDGES);
    }
    return of(read);
  }

  /** The graph by destination of what {@code read} holds, with each linked pair once. */
  static CrawlGraph of(LinkGraph read) {
    CsrGraphBuilder edges = CsrGraphBuilder.adopting(read.urls().size(), read.sources(), read.targets(),
        read.edgeCount());
    // One edge per page pair, however often the page links there.
    return new CrawlGraph(read.urls(), read.titles(), read.simHashes(), edges.buildWithoutParallelEdges(),
        read.digest());
  }

  /**
   * Stores the ranks and the clusters, all or nothing ({@link AnalysisStore#store}), with the
   * digest of what was read. The ranks {@linkplain PageRankResult#rounded rounded}, as the top list
   * compares them: report sorts by the stored rank, then by row id (the page's number here), and
   * would list pages of equal rank in the order of the device's rounding.
   */
  void store(AnalysisStore db, double[] ranks, List<int[]> clusters, Instant at) throws SQLException {
    List<List<String>> pages = new ArrayList<>();
    for (int[] cluster : clusters) {
      pages.add(Arrays.stream(cluster).mapToObj(urls::get).toList());
    }
    db.store(urls, Arrays.stream(ranks).map(PageRankResult::rounded).toArray(), pages, at, digest);
  }
}
