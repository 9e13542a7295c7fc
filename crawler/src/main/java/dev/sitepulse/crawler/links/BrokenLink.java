package dev.sitepulse.crawler.links;

import java.util.List;

/**
 * A link target that does not work, with every page that links to it.
 *
 * @param url the target as linked (normalized), with its #fragment when the anchor is the problem
 * @param status the final HTTP status, 0 when there was no response
 * @param problem what is wrong, e.g. {@code 404 Not Found}, {@code TIMEOUT}, {@code missing anchor #intro}
 * @param chain the redirect chain from the linked URL to where it ended, empty when there was none
 * @param external whether the target is outside the crawl's scope
 */
public record BrokenLink(
    String url,
    int status,
    String errorKind,
    String problem,
    List<String> chain,
    boolean external,
    List<Referrer> referrers) {

  /** The error kind of a link whose #fragment is on no element of a working page. */
  public static final String MISSING_ANCHOR = "MISSING_ANCHOR";

  public BrokenLink {
    chain = List.copyOf(chain);
    referrers = List.copyOf(referrers);
  }

  /** A redirect chain that ends in an error, as opposed to a link that fails at once. */
  public boolean redirectsToError() {
    return chain.size() > 1;
  }
}
