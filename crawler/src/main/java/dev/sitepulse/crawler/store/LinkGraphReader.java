package dev.sitepulse.crawler.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@link LinkGraph} from crawl.db, in the caller's read transaction. */
final class LinkGraphReader {

  /** As many redirects as the crawler follows from one URL. */
  private static final int MAX_REDIRECTS = 20;

  private LinkGraphReader() {}

  static LinkGraph read(Connection db) throws SQLException {
    CrawlDigest.Sums digest = new CrawlDigest.Sums();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(AnalyzedCrawl.WRITTEN)) {
      digest.recorded(rs.next() ? rs.getLong(1) : 0);
    }
    List<String> urls = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    List<Long> hashes = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    PageRows pages = new PageRows();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + RowIds.read("id") + ", url, title, simhash FROM urls WHERE "
            + AnalyzedCrawl.PAGES + " ORDER BY id")) {
      while (rs.next()) {
        long row = rs.getLong(1);
        if (rs.wasNull()) {
          throw RowIds.notARowId(db, "urls", "id");
        }
        pages.add(row);
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
    Edges edges = new Edges();
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
        long fromRow = rs.getLong(1);
        if (rs.wasNull()) {
          throw RowIds.notALinksPageId(db);
        }
        String target = rs.getString(2);
        digest.link(fromRow, target);
        int from = pages.pageOf(fromRow);
        Integer to = from < 0 ? null : ids.get(landing(target, redirects));
        // A page linking to itself says nothing about importance.
        if (to != null && from != to && lastFrom[to] != from) {
          lastFrom[to] = from;
          edges.add(from, to);
        }
      }
    }
    long[] simHashes = hashes.stream().mapToLong(Long::longValue).toArray();
    return new LinkGraph(urls, titles, simHashes, edges.sources, edges.targets, edges.size, digest.digest());
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

  /** Edges as two growing int arrays: millions of links, no boxed pair each, handed over untrimmed. */
  private static final class Edges {
    private int[] sources = new int[1024];
    private int[] targets = new int[1024];
    private int size;

    void add(int from, int to) {
      if (size == sources.length) {
        int grown = (int) Math.min(LinkGraph.MAX_EDGES, 2L * size);
        if (grown == size) {
          throw new LinkGraph.TooManyLinksException();
        }
        sources = Arrays.copyOf(sources, grown);
        targets = Arrays.copyOf(targets, grown);
      }
      sources[size] = from;
      targets[size] = to;
      size++;
    }
  }
}
