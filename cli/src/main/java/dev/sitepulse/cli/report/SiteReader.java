package dev.sitepulse.cli.report;

import dev.sitepulse.cli.UnreadableException;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.crawler.links.BrokenLink;
import dev.sitepulse.crawler.links.LinkChecker;
import dev.sitepulse.crawler.links.LinkReport;
import dev.sitepulse.crawler.store.AnalyzedCrawl;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.crawler.store.CrawlDigest;
import dev.sitepulse.crawler.store.CrawlDbVersions;
import dev.sitepulse.crawler.store.PageRecord;
import dev.sitepulse.crawler.store.UrlState;
import dev.sitepulse.pinger.IoErrors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link SiteReport} from crawl.db, read-only: a crawl may be writing it meanwhile. A file
 * that is no crawl.db is a {@link UsageException}, one SQLite cannot read an {@link
 * UnreadableException}, as analyze tells them.
 */
final class SiteReader {

  /** Pages and links shown per list. */
  static final int SHOWN = 10;
  /**
   * The fetches that got an answer, a status at least: the fetch times counted, as the history's
   * latency counts checks. A failure has no time to speak of, or none measured at all (0 for a
   * URL whose host did not answer for robots.txt), and counted in made a crawl with a host down
   * look fast.
   */
  private static final String ANSWERED = "fetch_ms IS NOT NULL AND status > 0";

  private SiteReader() {}

  static SiteReport read(Path dataDir, LatencyStatistics stats) {
    Path file = dataDir.resolve(CrawlDb.FILE_NAME);
    if (CrawlDb.makerOf(file) == CrawlDb.Maker.ANOTHER_PROGRAM) {
      throw new UsageException(file + ": " + CrawlDb.ANOTHER_PROGRAMS);
    }
    try (Connection c = CrawlDb.readOnly(file);
        Statement s = c.createStatement()) {
      // One read transaction: every count below is of the same snapshot, though a crawl writes on.
      c.setAutoCommit(false);
      if (one(s, "SELECT count(*) FROM sqlite_master") == 0) { // a crawl killed before it made its tables
        throw new UsageException(file + ": no crawl here (sitepulse crawl writes it)");
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
      // What the links lead to, as the check below takes them: redirects are hops, not links. Not
      // its count of targets, which has the seeds and sitemap pages no link leads to too.
      long linkTargets = one(s, "SELECT count(DISTINCT to_url) FROM links WHERE anchor IS NULL OR anchor != '"
          + PageRecord.REDIRECT_ANCHOR + "'");
      return new SiteReport(file, byState.values().stream().mapToLong(Long::longValue).sum(), byState,
          one(s, "SELECT count(*) FROM urls WHERE indexed = 1"),
          one(s, "SELECT count(*) FROM urls WHERE duplicate_of IS NOT NULL"),
          statuses, errors,
          one(s, "SELECT coalesce(sum(bytes), 0) FROM urls"),
          fetchLatency(s, stats),
          figures(s, "SELECT url, fetch_ms FROM urls WHERE " + ANSWERED + " AND " + AnalyzedCrawl.PAGES
              + " ORDER BY fetch_ms DESC, url"),
          figures(s, "SELECT url, bytes FROM urls WHERE bytes > 0 AND " + AnalyzedCrawl.PAGES + " ORDER BY bytes DESC, url"),
          links(dataDir, seeds, notReached, linkTargets),
          ranked(s),
          analysis(s),
          lastFetched == 0 ? null : Instant.ofEpochMilli(lastFetched));
    } catch (SQLException e) { // another kind of file is the user's to fix; one SQLite cannot read fails the run
      String why = file + ": " + IoErrors.why(e, file);
      throw IoErrors.notADatabase(e) ? new UsageException(why) : new UnreadableException(why);
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
    return out;
  }

  private static List<String> urls(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static long one(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static Latency fetchLatency(Statement s, LatencyStatistics stats) throws SQLException {
    float[] millis = new float[(int) one(s, "SELECT count(*) FROM urls WHERE " + ANSWERED)];
    int n = 0;
    try (ResultSet rs = s.executeQuery("SELECT fetch_ms FROM urls WHERE " + ANSWERED)) {
      while (rs.next() && n < millis.length) { // a crawl writing meanwhile may add rows
        millis[n++] = rs.getFloat(1);
      }
    }
    return stats.of(millis, 0, n);
  }

  private static List<SiteReport.PageFigure> figures(Statement s, String sql) throws SQLException {
    List<SiteReport.PageFigure> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql + " LIMIT " + SHOWN)) {
      while (rs.next()) {
        out.add(new SiteReport.PageFigure(rs.getString(1), rs.getDouble(2)));
      }
    }
    return out;
  }

  private static List<SiteReport.RankedPage> ranked(Statement s) throws SQLException {
    List<SiteReport.RankedPage> out = new ArrayList<>();
    // Ties by row id, as analyze numbers its nodes (CrawlGraph), so both list the same pages.
    // A page that is no page now (a 404 since, or failed) keeps the rank of an earlier analysis
    // until the next: shown, it would read as a page of the site. One a refresh queued again is
    // still the page it was, as analyze takes it.
    try (ResultSet rs = s.executeQuery("SELECT coalesce(title, ''), url, pagerank FROM urls"
        + " WHERE pagerank IS NOT NULL AND " + AnalyzedCrawl.PAGES
        + " ORDER BY pagerank DESC, id LIMIT " + SHOWN)) {
      while (rs.next()) {
        out.add(new SiteReport.RankedPage(rs.getString(1), rs.getString(2), rs.getDouble(3)));
      }
    }
    return out;
  }

  /**
   * What analyze stored, null when it never ran: no record of a run, no rank and no cluster (an
   * analyze before runs were recorded left ranks, but no time). The crawl changed since when what
   * analyze would read now is not what it read then: pages come, go or have other text, links or
   * redirects were added, lost or point elsewhere. Not the time of the latest fetch: a refresh of unchanged pages
   * changes nothing, and a crawl running while analyze computed fetched pages it never read.
   */
  private static SiteReport.Analysis analysis(Statement s) throws SQLException {
    // A crawl.db from before every crawl made the table has none until it is analyzed.
    long clusters = CrawlDbVersions.hasTable(s, "duplicate_clusters") ? one(s, "SELECT count(DISTINCT cluster) FROM duplicate_clusters") : 0;
    if (CrawlDbVersions.hasTable(s, "analysis") && !CrawlDbVersions.hasColumn(s, "analysis", "seq_sum")) {
      // An earlier build's record, whose digest this one cannot compare: its ranks may be stale.
      try (ResultSet rs = s.executeQuery("SELECT analyzed_at, pages FROM analysis")) {
        if (rs.next()) {
          return new SiteReport.Analysis(Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2), clusters, true);
        }
      }
    } else if (CrawlDbVersions.hasTable(s, "analysis")) {
      try (ResultSet rs = s.executeQuery("SELECT analyzed_at, pages, urls_digest, links_digest, seq_sum FROM analysis")) {
        if (rs.next()) {
          Instant at = Instant.ofEpochMilli(rs.getLong(1));
          long pages = rs.getLong(2);
          CrawlDigest then = new CrawlDigest(rs.getLong(3), rs.getLong(4), rs.getLong(5));
          rs.close();
          return new SiteReport.Analysis(at, pages, clusters, AnalyzedCrawl.changedSince(s.getConnection(), then));
        }
      }
    }
    long ranked = one(s, "SELECT count(*) FROM urls WHERE pagerank IS NOT NULL");
    return ranked == 0 && clusters == 0 ? null : new SiteReport.Analysis(null, ranked, clusters, false);
  }

  /** The links of the crawl, checked offline; not the resources pages embed, which are no links. */
  private static SiteReport.Links links(Path dataDir, List<String> seeds, List<String> notReached, long linkTargets) {
    if (seeds.isEmpty()) {
      return new SiteReport.Links(0, 0, 0, List.of(), List.of(), List.of());
    }
    LinkReport r;
    try {
      r = LinkChecker.checkLinksOffline(CrawlConfig.defaults(seeds, dataDir));
    } catch (CrawlException e) { // crawl.db could not be read for its links
      throw new UnreadableException(e.getMessage());
    }
    List<SiteReport.Broken> broken = r.broken().stream().filter(b -> !b.failedStart())
        .sorted(Comparator.comparingInt((BrokenLink b) -> -b.referrers().size()).thenComparing(BrokenLink::url))
        .limit(SHOWN)
        .map(b -> new SiteReport.Broken(b.url(), b.problem(), b.referrers().size()))
        .toList();
    List<SiteReport.FailedStart> failedStarts = r.broken().stream().filter(BrokenLink::failedStart)
        .map(b -> new SiteReport.FailedStart(b.url(), b.start(), b.problem())).toList();
    return new SiteReport.Links(r.links(), linkTargets, r.broken().size() - failedStarts.size(), broken, failedStarts,
        notReached);
  }
}
