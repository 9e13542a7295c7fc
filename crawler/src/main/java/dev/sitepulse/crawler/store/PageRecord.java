package dev.sitepulse.crawler.store;

import dev.sitepulse.pinger.Validators;
import java.util.List;

/**
 * Everything crawl.db keeps about one fetched URL, written in one transaction with the links it
 * found and the URLs it queued, so a crash leaves all of it or none.
 *
 * @param seq the page's place in the crawl; the index commit records the last seq it holds
 * @param indexed whether the page went into the search index
 * @param validators the response's ETag and Last-Modified, for the conditional fetch of a refresh
 * @param anchors the page's ids and a[name]s separated by spaces, for #fragment checks; null if none
 * @param nonHttpLinks links on the page that cannot be crawled (mailto:, javascript:, …): counted
 *     here, since they are not kept as links, so that a resumed crawl's count covers every page
 */
public record PageRecord(
    String url,
    UrlState state,
    int status,
    String errorKind,
    String message,
    String contentType,
    long bytes,
    double fetchMillis,
    long fetchedAtMillis,
    String contentHash,
    Long simhash,
    String title,
    String duplicateOf,
    String canonical,
    String redirectTo,
    long seq,
    boolean indexed,
    Validators validators,
    String anchors,
    List<LinkRecord> links,
    List<QueuedUrl> discovered,
    int nonHttpLinks) {

  public PageRecord {
    validators = validators == null ? Validators.NONE : validators;
    links = List.copyOf(links);
    discovered = List.copyOf(discovered);
  }

  /** A URL that was not parsed as a page (failed, redirected, not HTML): no non-http links. */
  public PageRecord(String url, UrlState state, int status, String errorKind, String message,
      String contentType, long bytes, double fetchMillis, long fetchedAtMillis, String contentHash,
      Long simhash, String title, String duplicateOf, String canonical, String redirectTo, long seq,
      boolean indexed, Validators validators, String anchors, List<LinkRecord> links,
      List<QueuedUrl> discovered) {
    this(url, state, status, errorKind, message, contentType, bytes, fetchMillis, fetchedAtMillis,
        contentHash, simhash, title, duplicateOf, canonical, redirectTo, seq, indexed, validators,
        anchors, links, discovered, 0);
  }

  /** A link from this page, kept whether or not it was followed. */
  public record LinkRecord(String to, String fragment, String anchor, int line, boolean nofollow) {}

  /** A URL the page led to that the crawl had not seen. */
  public record QueuedUrl(String url, int depth) {}
}
