package dev.sitepulse.crawler.store;

import dev.sitepulse.pinger.CacheValidators;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.FetchResult;
import java.util.List;

/**
 * Everything crawl.db keeps about one fetched URL, written in one transaction with the links it
 * found and the URLs it queued, so a crash leaves all of it or none.
 *
 * @param seq the page's place in the crawl; the index commit records the last seq it holds
 * @param indexed whether the page went into the search index
 * @param validators the response's ETag and Last-Modified, for the conditional fetch of a refresh
 * @param anchors the page's ids and a[name]s as {@link AnchorList#join} writes them, for #fragment
 *     checks; null if none
 * @param embeds the resources the page embeds, kept by a link check only (see {@link EmbedRecord})
 * @param nonHttpLinks links on the page that cannot be crawled (mailto:, javascript:, …), and in a
 *     link check resources that cannot be checked (data:, blob:, …): counted here, since they are
 *     not kept as rows, so that a resumed crawl's count covers every page
 * @param unavailableAfterMillis when the page's {@code unavailable_after} date, still to come when
 *     it was fetched, passes (epoch ms), for a refresh whose 304 comes after it; 0 for none
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
    CacheValidators validators,
    String anchors,
    List<LinkRecord> links,
    List<EmbedRecord> embeds,
    List<QueuedUrl> discovered,
    int nonHttpLinks,
    long unavailableAfterMillis) {

  /** The anchor text of the link a redirect is kept as, which readers of links tell hops by. */
  public static final String REDIRECT_ANCHOR = "[redirect]";

  /**
   * What the message of a page cut at --max-body says after its status line, before how much was
   * read: links tells such pages by it, whose links and ids past the cut were never seen.
   */
  public static final String CUT_AT_MAX_BODY = "; cut at --max-body, ";

  /** Ends the message of a page whose links past --max-links-per-page were not read: "; links cut: 150 past 6000". */
  public static final String LINKS_CUT = "; links cut: ";

  public PageRecord {
    validators = validators == null ? CacheValidators.NONE : validators;
    links = List.copyOf(links);
    embeds = List.copyOf(embeds);
    discovered = List.copyOf(discovered);
  }

  /**
   * A URL that could not be fetched: no response, only why.
   *
   * @param keepsDocument whether a document an earlier crawl indexed stays: the failure may pass
   */
  public static PageRecord failed(String url, String errorKind, String message, double fetchMillis,
      long fetchedAtMillis, long seq, boolean keepsDocument) {
    return new PageRecord(url, UrlState.FAILED, 0, errorKind, message, null, 0, fetchMillis,
        fetchedAtMillis, null, null, null, null, null, null, seq, keepsDocument, CacheValidators.NONE,
        null, List.of(), List.of(), List.of(), 0, 0);
  }

  /**
   * A 3xx. Its target is kept as a link too, anchored {@link #REDIRECT_ANCHOR} so that readers of the
   * links can tell a hop from a link on a page.
   *
   * @param target the resolved Location, or null if it was no usable URL
   * @param discovered the target, if the crawl had not seen it
   * @param tooMany whether it closes a redirect loop or is past the longest chain the crawl
   *     follows: recorded as the error TOO_MANY_REDIRECTS of its chain, which the response's
   *     message words, and still as the redirect it is
   */
  public static PageRecord redirect(String url, Response response, String target,
      List<QueuedUrl> discovered, boolean tooMany, long seq) {
    List<LinkRecord> link =
        target == null ? List.of() : List.of(new LinkRecord(target, null, REDIRECT_ANCHOR, 0, false));
    String error = tooMany ? ErrorKind.TOO_MANY_REDIRECTS.name() : null;
    return unparsed(url, response, error, target, seq, false, link, discovered);
  }

  /**
   * A response recorded without parsing: not HTML, or not a 2xx.
   *
   * @param keepsDocument whether a document an earlier crawl indexed stays (a 5xx may pass)
   */
  public static PageRecord unparsed(String url, Response response, long seq, boolean keepsDocument) {
    return unparsed(url, response, null, null, seq, keepsDocument, List.of(), List.of());
  }

  /**
   * A parsed HTML page.
   *
   * @param contentHash the body's SHA-256, for exact duplicates
   * @param duplicateOf the first URL with the same body, or null
   * @param canonical the page's canonical URL if it is another one, or null
   * @param embeds empty but in a link check
   */
  public static PageRecord parsed(String url, Response response, long seq, boolean indexed,
      String contentHash, Long simhash, String title, String duplicateOf, String canonical,
      String anchors, List<LinkRecord> links, List<EmbedRecord> embeds, List<QueuedUrl> discovered,
      int nonHttpLinks, long unavailableAfterMillis) {
    Response r = response;
    return new PageRecord(url, UrlState.DONE, r.status(), null, r.message(), r.contentType(),
        r.bytes(), r.fetchMillis(), r.fetchedAtMillis(), contentHash, simhash, title, duplicateOf,
        canonical, null, seq, indexed, r.validators(), anchors, links, embeds, discovered, nonHttpLinks,
        unavailableAfterMillis);
  }

  private static PageRecord unparsed(String url, Response r, String errorKind, String redirectTo, long seq,
      boolean indexed, List<LinkRecord> links, List<QueuedUrl> discovered) {
    return new PageRecord(url, UrlState.DONE, r.status(), errorKind, r.message(), r.contentType(),
        r.bytes(), r.fetchMillis(), r.fetchedAtMillis(), null, null, null, null, null, redirectTo,
        seq, indexed, r.validators(), null, links, List.of(), discovered, 0, 0);
  }

  /**
   * What the server answered, as kept for every page that got a response; one value so the
   * factories above need not each take seven.
   *
   * @param message what a person reads about the fetch, or null
   * @param validators ETag and Last-Modified for a refresh's conditional fetch; NONE to ask afresh
   */
  public record Response(int status, String message, String contentType, long bytes,
      double fetchMillis, long fetchedAtMillis, CacheValidators validators) {

    /** The response of {@code r}, with the message and validators the caller chose to keep. */
    public static Response of(FetchResult r, String message, long fetchedAtMillis,
        CacheValidators validators) {
      return new Response(r.status(), message, r.contentType(), r.body().length,
          r.phases().totalNanos() / 1e6, fetchedAtMillis, validators);
    }
  }

  /** A link from this page, kept whether or not it was followed. */
  public record LinkRecord(String to, String fragment, String anchor, int line, boolean nofollow) {}

  /**
   * A resource the page embeds: checked by {@code links} (the site's own fetched by its crawl),
   * and no edge of the link graph.
   *
   * @param to the normalized URL without its #fragment, which is not checked; as written when it
   *     is no URL, so that {@code links} can report it
   * @param element how the page embeds it, e.g. {@code img}, {@code link rel=stylesheet}
   * @param alt the image's alt text, or ""
   */
  public record EmbedRecord(String to, String element, String alt, int line) {}

  /** A URL the page led to that the crawl had not seen. */
  public record QueuedUrl(String url, int depth) {}
}
