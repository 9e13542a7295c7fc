package dev.sitepulse.crawler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The writer's statements, prepared once per connection rather than again for every page. Only
 * the writer thread uses them: resume() and the other start-up methods of {@link CrawlDb} run
 * before anything is submitted, with statements of their own.
 */
record WriteStatements(PreparedStatement queue, PreparedStatement queueFromSitemap, PreparedStatement fetching, PreparedStatement queuedAgain,
    PreparedStatement skipped,
    PreparedStatement unchanged, PreparedStatement page, PreparedStatement deleteLinks,
    PreparedStatement link, PreparedStatement deleteEmbeds, PreparedStatement embed) implements AutoCloseable {

  static WriteStatements prepare(Connection c) throws SQLException {
    return new WriteStatements(
        c.prepareStatement("INSERT OR IGNORE INTO urls(url, depth, state) VALUES(?, ?, " + UrlState.QUEUED.sql() + ")"),
        c.prepareStatement(
            "INSERT OR IGNORE INTO urls(url, depth, state, sitemap) VALUES(?, ?, " + UrlState.QUEUED.sql() + ", ?)"),
        c.prepareStatement("UPDATE urls SET state=" + UrlState.FETCHING.sql() + ", attempts=attempts+1 WHERE url=?"),
        c.prepareStatement("UPDATE urls SET state=" + UrlState.QUEUED.sql() + " WHERE url=?"),
        // A page an earlier crawl indexed has no document now: numbered like any page recorded, so
        // that a resume after a kill before the next commit removes it again, and without the
        // validators a 304 would answer for a document it no longer has.
        c.prepareStatement(
            "UPDATE urls SET state=?, message=?, seq=?, indexed=0, etag=NULL, last_modified=NULL WHERE url=?"),
        // A 304: fetched_at stays the time of the content on record, as the index's document does
        // and as a WARC revisit record refers to it.
        c.prepareStatement("UPDATE urls SET state=" + UrlState.DONE.sql() + ", fetch_ms=? WHERE url=?"),
        // RETURNING gives the page's id for its links without looking the URL up a second time
        c.prepareStatement("""
            UPDATE urls SET state=?, status=?, error_kind=?, message=?, content_type=?, bytes=?,
              fetch_ms=?, fetched_at=?, content_hash=?, simhash=?, title=?, duplicate_of=?,
              canonical=?, redirect_to=?, seq=?, indexed=?, anchors=?, non_http_links=?, etag=?,
              last_modified=?, unavailable_after=? WHERE url=? RETURNING id"""),
        c.prepareStatement("DELETE FROM links WHERE from_id=?"),
        c.prepareStatement(
            "INSERT INTO links(from_id, to_url, fragment, anchor, line, nofollow) VALUES(?, ?, ?, ?, ?, ?)"),
        c.prepareStatement("DELETE FROM embeds WHERE from_id=?"),
        c.prepareStatement("INSERT INTO embeds(from_id, to_url, element, alt, line) VALUES(?, ?, ?, ?, ?)"));
  }

  /** After a failed transaction: a batch left half-built must not run in the next one. */
  void clearBatches() throws SQLException {
    queue.clearBatch();
    queueFromSitemap.clearBatch();
    link.clearBatch();
    embed.clearBatch();
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement s : List.of(queue, queueFromSitemap, fetching, queuedAgain, skipped, unchanged, page, deleteLinks, link, deleteEmbeds,
        embed)) {
      s.close();
    }
  }
}
