package dev.sitepulse.cli.analyze;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.CsrGraphBuilder;
import dev.sitepulse.cli.UnreadableException;
import dev.sitepulse.crawler.store.AnalyzedCrawl;
import dev.sitepulse.crawler.store.CrawlDigest;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.crawler.store.OneRead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The crawl as primitive arrays for the analytics: HTML pages numbered 0..n-1, the links between
 * them as a CSR graph by destination, and each page's SimHash, read from crawl.db.
 */
final class CrawlGraph {

  /** As many redirects as the crawler follows from one URL. */
  private static final int MAX_REDIRECTS = 20;

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
   * Reads the crawl in one read transaction: pages, redirects and links of one moment, and the
   * digest of exactly them, while a crawl may be writing.
   */
  static CrawlGraph load(Connection db) throws SQLException {
    return OneRead.of(db, CrawlGraph::read);
  }

  private static CrawlGraph read(Connection db) throws SQLException {
    CrawlDigest.Sums digest = new CrawlDigest.Sums();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(AnalyzedCrawl.WRITTEN)) {
      digest.recorded(rs.next() ? rs.getLong(1) : 0);
    }
    List<String> urls = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    List<Long> hashes = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    int[] pageOfRow = new int[maxId(db) + 1]; // urls.id -> page number + 1; 0: not a page
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, url, title, simhash FROM urls WHERE "
            + AnalyzedCrawl.PAGES + " ORDER BY id")) {
      while (rs.next()) {
        int row = rs.getInt(1);
        if (row >= pageOfRow.length) { // added by a crawl running meanwhile
          pageOfRow = Arrays.copyOf(pageOfRow, row + 1);
        }
        pageOfRow[row] = urls.size() + 1;
        ids.put(rs.getString(2), urls.size());
        urls.add(rs.getString(2));
        titles.add(rs.getString(3));
        hashes.add(rs.getLong(4));
        digest.page(row, rs.getLong(4));
      }
    }
    Map<String, String> redirects = new HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(AnalyzedCrawl.REDIRECTS)) {
      while (rs.next()) {
        digest.redirect(rs.getLong(1), rs.getString(3));
        redirects.put(rs.getString(2), rs.getString(3));
      }
    }
    CsrGraphBuilder edges = new CsrGraphBuilder(urls.size());
    // links by the page's row id: a join for the page's URL would cost a string per link. A
    // rel="nofollow" link passes no rank, as in Google's PageRank: the page vouches for none of them.
    // A page's links are rows next to each other, and a page links to the same page many times
    // (the Python docs: 163,108 link rows for 15,492 page pairs): a link that repeats the last one
    // this page made to that page is dropped here, as it is read. Repeats further apart (a page
    // fetched again) are merged when the graph is built. SELECT DISTINCT would hand over fewer
    // rows, but sorts them all: 6 s instead of 1 s in sqlite3 over 5M links.
    int[] lastFrom = new int[urls.size()];
    Arrays.fill(lastFrom, -1);
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(AnalyzedCrawl.links(s))) {
      while (rs.next()) {
        int fromRow = rs.getInt(1);
        String target = rs.getString(2);
        digest.link(fromRow, target);
        int from = fromRow < pageOfRow.length ? pageOfRow[fromRow] - 1 : -1;
        Integer to = from < 0 ? null : ids.get(landing(target, redirects));
        // A page linking to itself says nothing about importance.
        if (to != null && from != to && lastFrom[to] != from) {
          lastFrom[to] = from;
          addEdge(edges, from, to);
        }
      }
    }
    long[] simHashes = hashes.stream().mapToLong(Long::longValue).toArray();
    // One edge per page pair, however often the page links there.
    return new CrawlGraph(urls, titles, simHashes, edges.buildWithoutParallelEdges(), digest.digest());
  }

  private static void addEdge(CsrGraphBuilder edges, int from, int to) {
    try {
      edges.addEdge(from, to);
    } catch (IllegalStateException full) {
      throw new UnreadableException("too many links between the pages of this crawl: PageRank takes at most "
          + CsrGraphBuilder.MAX_EDGES);
    }
  }

  private static int maxId(Connection db) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT max(id) FROM urls")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /**
   * Where a link lands: a link to {@code dir} that redirects to {@code dir/} (or http to https)
   * votes for the page it ends on. Chains end at {@link #MAX_REDIRECTS} hops or a loop, as the
   * crawler's do.
   */
  private static String landing(String url, Map<String, String> redirects) {
    String at = url;
    for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
      String next = redirects.get(at);
      if (next == null || next.equals(url)) {
        return at;
      }
      at = next;
    }
    return at;
  }

  /**
   * Stores the ranks and the clusters in one transaction, all or nothing: a write that fails half
   * way (a full disk, a crawl holding the lock) must leave the last analysis as it was, not ranks
   * cleared for half the pages, nor new ranks next to old clusters. JDBC commits a transaction
   * under way when auto-commit is turned back on, so a failure is rolled back first.
   */
  void store(Connection db, double[] ranks, List<int[]> clusters, Instant at) throws SQLException {
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(false);
    try {
      storeRanks(db, ranks);
      storeClusters(db, clusters);
      CrawlDb.recordAnalysis(db, at, ranks.length, digest);
      db.commit();
    } catch (SQLException | RuntimeException e) {
      // SQLite ends the transaction itself on some errors (a full disk): then rolling back, and
      // the commit that restoring auto-commit makes, fail too, and must not hide the cause.
      try {
        db.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      try {
        db.setAutoCommit(auto);
      } catch (SQLException restore) {
        e.addSuppressed(restore);
      }
      throw e;
    }
    db.setAutoCommit(auto);
  }

  /**
   * Stores each page's rank in crawl.db's pagerank column, and clears it for the rest: a page that
   * has left the graph since the last analysis (a 404 after a refresh) must not keep its rank.
   */
  private void storeRanks(Connection db, double[] ranks) throws SQLException {
    try (Statement clear = db.createStatement()) {
      clear.executeUpdate("UPDATE urls SET pagerank=NULL WHERE pagerank IS NOT NULL");
    }
    try (PreparedStatement s = db.prepareStatement("UPDATE urls SET pagerank=? WHERE url=?")) {
      for (int i = 0; i < ranks.length; i++) {
        s.setDouble(1, ranks[i]);
        s.setString(2, urls.get(i));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** Replaces the clusters in crawl.db, where the crawler keeps them: the URLs of each cluster's pages. */
  private void storeClusters(Connection db, List<int[]> clusters) throws SQLException {
    List<List<String>> pages = new ArrayList<>();
    for (int[] cluster : clusters) {
      pages.add(Arrays.stream(cluster).mapToObj(urls::get).toList());
    }
    CrawlDb.replaceDuplicateClusters(db, pages);
  }
}
