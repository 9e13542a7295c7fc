package dev.sitepulse.crawler.store;

import static dev.sitepulse.crawler.store.UrlState.QUEUED;
import static dev.sitepulse.crawler.store.UrlState.UNFETCHED;

import dev.sitepulse.pinger.CacheValidators;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What a starting crawl reads of the crawls before it: every URL known, what a seed was, the
 * resources a link check left queued, the last seq, and what was left unfinished.
 */
final class StartReads {

  private StartReads() {}

  /** As {@link CrawlDb#knownUrls}. */
  static List<CrawlDb.KnownUrl> knownUrls(Connection db, boolean indexes) throws SQLException {
    List<CrawlDb.KnownUrl> all = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("""
            SELECT url, depth, state, etag, last_modified, content_hash, duplicate_of, indexed, fetched_at,
              unavailable_after, canonical
            FROM urls ORDER BY id""")) {
      while (rs.next()) {
        UrlState state = UrlState.fromColumn(rs.getString(3));
        CacheValidators validators = new CacheValidators(rs.getString(4), rs.getString(5));
        boolean indexed = rs.getInt(8) == 1;
        boolean duplicate = rs.getString(7) != null;
        // A duplicate's too, validators or not: should it have changed, it stays its original's
        // duplicate while that page may turn out to have changed alike (PageWork).
        PriorFetch prior = state == UrlState.QUEUED && (validators.any() || indexed || duplicate)
            ? new PriorFetch(validators, rs.getString(6), duplicate, indexed, rs.getLong(9), rs.getLong(10))
            : null;
        boolean holdsBytes = !indexes || indexed || rs.getString(11) != null;
        String firstCopy = state == UrlState.DONE && rs.getString(7) == null && holdsBytes ? rs.getString(6) : null;
        all.add(new CrawlDb.KnownUrl(rs.getString(1), rs.getInt(2), state, prior, firstCopy));
      }
    }
    return all;
  }

  /** As {@link CrawlDb#seedContentType}. */
  static String seedContentType(Connection db, String url) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(
        "SELECT content_type FROM urls WHERE url = ? AND depth = 0 AND status = 200 AND state NOT IN " + UNFETCHED)) {
      s.setString(1, url);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** As {@link CrawlDb#queuedResources}. */
  static List<String> queuedResources(Connection db, Set<String> frames) throws SQLException {
    List<String> out = new ArrayList<>();
    String placeholders = String.join(", ", Collections.nCopies(frames.size(), "?"));
    try (PreparedStatement s = db.prepareStatement("""
        SELECT DISTINCT e.to_url FROM embeds e JOIN urls u ON u.url = e.to_url
        WHERE u.state = %s AND e.element NOT IN (%s)
          AND e.to_url NOT IN (SELECT to_url FROM links)""".formatted(QUEUED.sql(), placeholders))) {
      int i = 1;
      for (String frame : frames) {
        s.setString(i++, frame);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  static long maxSeq(Connection db) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM urls")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** As {@link CrawlDb#unfinished}: on a read-only connection, so nothing is brought up to date. */
  static CrawlDb.Unfinished unfinished(Path file, List<String> seeds) throws SQLException {
    try (Connection c = CrawlDbSchema.readOnly(file)) {
      long queued;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM urls WHERE state IN " + UNFETCHED)) {
        queued = rs.next() ? rs.getLong(1) : 0;
      }
      try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM urls WHERE url=?")) {
        for (String seed : seeds) {
          s.setString(1, seed);
          try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
              return new CrawlDb.Unfinished(queued, seed);
            }
          }
        }
      }
      return new CrawlDb.Unfinished(queued, null);
    }
  }
}
