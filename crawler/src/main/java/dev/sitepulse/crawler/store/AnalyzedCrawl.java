package dev.sitepulse.crawler.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * What {@code analyze} reads of a crawl, its pages and the links between them, and a digest of
 * that read: analyze records it with its ranks, and report computes it again to tell whether the
 * crawl changed since. Not the times of fetches: a refresh fetches unchanged pages anew, and a
 * crawl running while analyze computed fetched pages before analyze's time that it never read.
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
   * The links, as (page row id, target URL), without those marked nofollow. A crawl.db from before
   * links had page ids (which a crawl rewrites when it opens it) is read as it is, joined once.
   */
  public static String links(Statement s) throws SQLException {
    return CrawlDbVersions.linksKeyedByUrl(s)
        ? "SELECT u.id, l.to_url FROM links l JOIN urls u ON u.url = l.from_url WHERE l.nofollow=0"
        : "SELECT from_id, to_url FROM links WHERE nofollow=0";
  }

  /** The redirects, (URL, where to), by which a link counts for the page it ends on. */
  public static final String REDIRECTS = "SELECT url, redirect_to FROM urls WHERE redirect_to IS NOT NULL";

  /**
   * The digest of the crawl as it is now, as analyze's read makes it: the pages in id order, each
   * with the SHA-256 of its bytes, and how many links and redirects there are.
   */
  public static String digestNow(Statement s) throws SQLException {
    Digest d = new Digest();
    try (ResultSet rs = s.executeQuery("SELECT id, content_hash FROM urls WHERE " + PAGES + " ORDER BY id")) {
      while (rs.next()) {
        d.page(rs.getLong(1), rs.getString(2));
      }
    }
    d.links = count(s, links(s));
    d.redirects = count(s, REDIRECTS);
    return d.value();
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (" + sql + ")")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** The digest of a read, made as its rows come: pages in id order, then every link and redirect. */
  public static final class Digest {
    private final MessageDigest sha;
    private long links;
    private long redirects;

    public Digest() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) { // every JVM has it
        throw new IllegalStateException(e);
      }
    }

    public void page(long id, String contentHash) {
      sha.update((id + " " + contentHash + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void link() {
      links++;
    }

    public void redirect() {
      redirects++;
    }

    /** Hex; the digest is spent. */
    public String value() {
      sha.update(("links " + links + " redirects " + redirects).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    }
  }
}
