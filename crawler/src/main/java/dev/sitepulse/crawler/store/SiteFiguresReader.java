package dev.sitepulse.crawler.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@link SiteFigures} from crawl.db: about twenty aggregate queries over one snapshot. */
final class SiteFiguresReader {

  /** The fetches that got an answer, as {@link SiteFigures#fetchMillis} counts them. */
  private static final String ANSWERED = "fetch_ms IS NOT NULL AND status > 0";

  private SiteFiguresReader() {}

  static SiteFigures read(Path file, int shown) throws SQLException {
    try (Connection c = CrawlDbSchema.readOnly(file);
        Statement s = c.createStatement()) {
      // One read transaction: every count below is of the same snapshot, though a crawl writes on.
      c.setAutoCommit(false);
      if (one(s, "SELECT count(*) FROM sqlite_master") == 0) { // a crawl killed before it made its tables
        return null;
      }
      Map<String, Long> byState = counts(s, "SELECT state, count(*) FROM urls GROUP BY state ORDER BY 2 DESC",
          rs -> rs.getString(1));
      Map<Integer, Long> statuses = counts(s,
          "SELECT status, count(*) FROM urls WHERE status > 0 GROUP BY status ORDER BY status", rs -> rs.getInt(1));
      Map<String, Long> errors = counts(s,
          "SELECT error_kind, count(*) FROM urls WHERE error_kind IS NOT NULL GROUP BY error_kind ORDER BY 2 DESC, 1",
          rs -> rs.getString(1));
      List<String> seeds = urls(s, "SELECT url FROM urls WHERE depth = 0 ORDER BY id");
      // Left queued or in flight: the latest run did not fetch it, whatever an earlier run did (a
      // refresh whose host never answered queued every seed again and fetched none). crawl.db
      // records no run's start, and needs none: each fetch a run records takes its URL out of the
      // queue, and one to no avail (a 503 at --max-pages) is left as if never fetched.
      List<String> notReached = urls(s, "SELECT url FROM urls WHERE depth = 0 AND state IN ("
          + UrlState.QUEUED.sql() + ", " + UrlState.FETCHING.sql() + ") ORDER BY id");
      long lastFetched = one(s, "SELECT coalesce(max(fetched_at), 0) FROM urls");
      long linkTargets = linkTargets(c);
      return new SiteFigures(byState,
          one(s, "SELECT count(*) FROM urls WHERE indexed = 1"),
          one(s, "SELECT count(*) FROM urls WHERE duplicate_of IS NOT NULL"),
          statuses, errors,
          one(s, "SELECT coalesce(sum(bytes), 0) FROM urls"),
          fetchMillis(s),
          figures(s, "SELECT url, fetch_ms FROM urls WHERE " + ANSWERED + " AND " + AnalyzedCrawl.PAGES
              + " ORDER BY fetch_ms DESC, url", shown),
          figures(s, "SELECT url, bytes FROM urls WHERE bytes > 0 AND " + AnalyzedCrawl.PAGES
              + " ORDER BY bytes DESC, url", shown),
          seeds, notReached, linkTargets,
          ranked(s, shown),
          StoredAnalysis.read(s),
          lastFetched == 0 ? null : Instant.ofEpochMilli(lastFetched));
    }
  }

  /** The first column of a row, as a key. */
  private interface Key<K> {
    K of(ResultSet row) throws SQLException;
  }

  /** {@code sql}'s rows of (key, count), in its order. */
  private static <K> Map<K, Long> counts(Statement s, String sql, Key<K> key) throws SQLException {
    Map<K, Long> out = new LinkedHashMap<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.put(key.of(rs), rs.getLong(2));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static List<String> urls(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return List.copyOf(out);
  }

  static long one(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /**
   * What the links lead to, as the link check takes them: redirects are hops, not links. Not its
   * count of targets, which has the seeds and sitemap pages no link leads to too.
   */
  private static long linkTargets(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT count(DISTINCT to_url) FROM links WHERE anchor IS NULL OR anchor != ?")) {
      p.setString(1, PageRecord.REDIRECT_ANCHOR);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static float[] fetchMillis(Statement s) throws SQLException {
    float[] millis = new float[(int) one(s, "SELECT count(*) FROM urls WHERE " + ANSWERED)];
    int n = 0;
    try (ResultSet rs = s.executeQuery("SELECT fetch_ms FROM urls WHERE " + ANSWERED)) {
      while (rs.next() && n < millis.length) { // a crawl writing meanwhile may add rows
        millis[n++] = rs.getFloat(1);
      }
    }
    return n == millis.length ? millis : Arrays.copyOf(millis, n);
  }

  private static List<SiteFigures.PageFigure> figures(Statement s, String sql, int shown) throws SQLException {
    List<SiteFigures.PageFigure> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql + " LIMIT " + shown)) {
      while (rs.next()) {
        out.add(new SiteFigures.PageFigure(rs.getString(1), rs.getDouble(2)));
      }
    }
    return List.copyOf(out);
  }

  private static List<SiteFigures.RankedPage> ranked(Statement s, int shown) throws SQLException {
    List<SiteFigures.RankedPage> out = new ArrayList<>();
    // Ties by row id, as analyze numbers its nodes (LinkGraph), so both list the same pages.
    // A page that is no page now (a 404 since, or failed) keeps the rank of an earlier analysis
    // until the next: shown, it would read as a page of the site. One a refresh queued again is
    // still the page it was, as analyze takes it.
    try (ResultSet rs = s.executeQuery("SELECT coalesce(title, ''), url, pagerank FROM urls"
        + " WHERE pagerank IS NOT NULL AND " + AnalyzedCrawl.PAGES
        + " ORDER BY pagerank DESC, id LIMIT " + shown)) {
      while (rs.next()) {
        out.add(new SiteFigures.RankedPage(rs.getString(1), rs.getString(2), rs.getDouble(3)));
      }
    }
    return List.copyOf(out);
  }
}
