package dev.sitepulse.crawler.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What {@code analyze} reads of a crawl, its pages and the links between them, and whether the
 * crawl changed since a read ({@link CrawlDigest}): analyze records the digest with its ranks, and
 * report asks. Not the times of fetches: a refresh fetches unchanged pages anew, and a crawl
 * running while analyze computed fetched pages before analyze's time that it never read.
 */
public final class AnalyzedCrawl {

  /**
   * The pages, as a condition on {@code urls}: fetched with status 200 and parsed as HTML, done or
   * queued again by a refresh under way or stopped early, which leaves what the last fetch found
   * until the page is fetched anew; not a URL that failed or that robots.txt took out since.
   */
  public static final String PAGES = "status = 200 AND simhash IS NOT NULL AND state NOT IN ("
      + UrlState.FAILED.sql() + ", " + UrlState.SKIPPED_ROBOTS.sql() + ")";

  private AnalyzedCrawl() {}

  /**
   * The links, as (page row id, target URL), without those marked nofollow; the id NULL where it
   * holds no integer ({@link RowIds#read}). A crawl.db from before links had page ids (which a
   * crawl rewrites when it opens it) is read as it is, joined once.
   */
  public static String links(Statement s) throws SQLException {
    return CrawlDbVersions.linksKeyedByUrl(s)
        ? "SELECT " + RowIds.read("u.id") + ", l.to_url FROM links l JOIN urls u ON u.url = l.from_url WHERE l.nofollow=0"
        : "SELECT " + RowIds.read("from_id") + ", to_url FROM links WHERE nofollow=0";
  }

  /**
   * The redirects, (row id, URL, where to), by which a link counts for the page it ends on. A
   * redirect's own link, anchored {@link PageRecord#REDIRECT_ANCHOR}, is one of the links as well.
   */
  public static final String REDIRECTS = "SELECT id, url, redirect_to FROM urls WHERE redirect_to IS NOT NULL";

  /** How far the crawl had recorded fetches, {@link CrawlDigest#written}, read with the rest. */
  public static final String WRITTEN = "SELECT coalesce(sum(seq), 0) FROM urls";

  /**
   * Whether what analyze would read now is not what it read, as {@code then} digests it: in one
   * read transaction (the caller's, if it has one open), so that a crawl writing meanwhile is seen
   * whole or not at all. The links, most of a crawl.db, are read only when a fetch was recorded
   * since.
   */
  public static boolean changedSince(Connection c, CrawlDigest then) throws SQLException {
    return OneRead.of(c, db -> {
      try (Statement s = db.createStatement()) {
        return changedSince(s, then);
      }
    });
  }

  private static boolean changedSince(Statement s, CrawlDigest then) throws SQLException {
    CrawlDigest.Sums now = new CrawlDigest.Sums();
    // The pages, the redirects and the fetches recorded in one pass over urls.
    try (ResultSet rs = s.executeQuery("SELECT id, (" + PAGES + "), simhash, redirect_to, seq FROM urls"
        + " WHERE seq IS NOT NULL OR redirect_to IS NOT NULL OR (" + PAGES + ")")) {
      while (rs.next()) {
        now.recorded(rs.getLong(5));
        if (rs.getBoolean(2)) {
          now.page(rs.getLong(1), rs.getLong(3));
        }
        String target = rs.getString(4);
        if (target != null) {
          now.redirect(rs.getLong(1), target);
        }
      }
    }
    if (now.urls() != then.urls()) {
      return true;
    }
    if (now.written() == then.written()) {
      return false;
    }
    try (ResultSet rs = s.executeQuery(links(s))) {
      while (rs.next()) {
        now.link(rs.getLong(1), rs.getString(2));
      }
    }
    return now.links() != then.links();
  }
}
