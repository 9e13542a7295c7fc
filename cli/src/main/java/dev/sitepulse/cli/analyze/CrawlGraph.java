package dev.sitepulse.cli.analyze;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.CsrGraphBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The crawl as primitive arrays for the analytics: HTML pages numbered 0..n-1, the links between
 * them as a CSR graph by destination, and each page's SimHash. Read from crawl.db in two queries.
 */
final class CrawlGraph {

  /** As many redirects as the crawler follows from one URL. */
  private static final int MAX_REDIRECTS = 20;

  final List<String> urls = new ArrayList<>();
  final List<String> titles = new ArrayList<>();
  final long[] simHashes;
  final CsrGraph graph;

  private CrawlGraph(List<String> urls, List<String> titles, long[] simHashes, CsrGraph graph) {
    this.urls.addAll(urls);
    this.titles.addAll(titles);
    this.simHashes = simHashes;
    this.graph = graph;
  }

  static CrawlGraph load(Connection db) throws SQLException {
    List<String> urls = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    List<Long> hashes = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("""
            SELECT url, title, simhash FROM urls
            WHERE state='done' AND status=200 AND simhash IS NOT NULL ORDER BY id""")) {
      while (rs.next()) {
        ids.put(rs.getString(1), urls.size());
        urls.add(rs.getString(1));
        titles.add(rs.getString(2));
        hashes.add(rs.getLong(3));
      }
    }
    Map<String, String> redirects = new HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT url, redirect_to FROM urls WHERE redirect_to IS NOT NULL")) {
      while (rs.next()) {
        redirects.put(rs.getString(1), rs.getString(2));
      }
    }
    CsrGraphBuilder edges = new CsrGraphBuilder(urls.size());
    Set<Long> seen = new HashSet<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT from_url, to_url FROM page_links")) {
      while (rs.next()) {
        Integer from = ids.get(rs.getString(1));
        Integer to = ids.get(landing(rs.getString(2), redirects));
        // One edge per page pair; a page linking to itself says nothing about importance.
        if (from != null && to != null && !from.equals(to) && seen.add((long) from << 32 | to)) {
          edges.addEdge(from, to);
        }
      }
    }
    long[] simHashes = hashes.stream().mapToLong(Long::longValue).toArray();
    return new CrawlGraph(urls, titles, simHashes, edges.build());
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
   * Stores each page's rank in crawl.db's pagerank column, and clears it for the rest: a page that
   * has left the graph since the last analysis (a 404 after a refresh) must not keep its rank.
   */
  void storeRanks(Connection db, double[] ranks) throws SQLException {
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(false);
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
      db.commit();
    } finally {
      db.setAutoCommit(auto);
    }
  }

  /** Replaces the duplicate_clusters table: one row per page in a cluster of near-duplicates. */
  void storeClusters(Connection db, List<int[]> clusters) throws SQLException {
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(false);
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS duplicate_clusters(cluster INTEGER NOT NULL, url TEXT NOT NULL)");
      s.execute("DELETE FROM duplicate_clusters");
    }
    try (PreparedStatement s = db.prepareStatement("INSERT INTO duplicate_clusters(cluster, url) VALUES(?, ?)")) {
      for (int c = 0; c < clusters.size(); c++) {
        for (int member : clusters.get(c)) {
          s.setInt(1, c + 1);
          s.setString(2, urls.get(member));
          s.addBatch();
        }
      }
      s.executeBatch();
      db.commit();
    } finally {
      db.setAutoCommit(auto);
    }
  }
}
