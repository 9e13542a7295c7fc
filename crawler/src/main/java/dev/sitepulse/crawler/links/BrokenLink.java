package dev.sitepulse.crawler.links;

import java.util.Collection;
import java.util.List;

/**
 * A link target that does not work, with every page that links to it.
 *
 * @param url the target as linked (normalized), with its #fragment when the anchor is the problem
 * @param status the final HTTP status, 0 when there was no response
 * @param problem what is wrong, e.g. {@code 404 Not Found}, {@code TIMEOUT}, {@code missing anchor #intro}
 * @param chain the redirect chain from the linked URL to where it ended, empty when there was none
 * @param external whether the target is outside the crawl's scope
 * @param start how the crawl came to a target that no page links to or embeds: a seed, or an entry of
 *     a sitemap; null for one that pages lead to, which {@code referrers} name
 */
public record BrokenLink(
    String url,
    int status,
    String errorKind,
    String problem,
    List<String> chain,
    boolean external,
    List<Referrer> referrers,
    Start start) {

  /** The error kind of a link whose #fragment is on no element of a working page. */
  public static final String MISSING_ANCHOR = "MISSING_ANCHOR";

  /**
   * Where the crawl found a URL that no page leads to, as crawl.db records it; and how {@code links}
   * and {@code report} word one that failed, alike.
   */
  public enum Start {
    SEED("seed", "seeds"),
    SITEMAP("sitemap entry", "sitemap entries");

    private final String words;
    private final String plural;

    Start(String words, String plural) {
      this.words = words;
      this.plural = plural;
    }

    /** "seed", "sitemap entry". */
    public String words() {
      return words;
    }

    /** "seeds", "sitemap entries". */
    public String plural() {
      return plural;
    }

    /** "a seed that no page links to": what a failed start is, where a broken link's pages would be. */
    public String unled() {
      return "a " + words + " that no page links to";
    }

    /**
     * "1 failed seed, 2 failed sitemap entries": how many of {@code starts} failed of each kind, in
     * this enum's order; nulls (targets that pages lead to) are left out; "" when none failed.
     */
    public static String failedCounts(Collection<Start> starts) {
      StringBuilder out = new StringBuilder();
      for (Start start : values()) {
        long n = starts.stream().filter(s -> s == start).count();
        if (n > 0) {
          out.append(out.isEmpty() ? "" : ", ").append(n).append(" failed ").append(n == 1 ? start.words : start.plural);
        }
      }
      return out.toString();
    }
  }

  public BrokenLink {
    chain = List.copyOf(chain);
    referrers = List.copyOf(referrers);
  }

  /** A target that pages lead to, or one whose start is not known yet. */
  public BrokenLink(String url, int status, String errorKind, String problem, List<String> chain,
      boolean external, List<Referrer> referrers) {
    this(url, status, errorKind, problem, chain, external, referrers, null);
  }

  /** This broken target, found as {@code s} rather than by a link. */
  BrokenLink startedAs(Start s) {
    return new BrokenLink(url, status, errorKind, problem, chain, external, referrers, s);
  }

  /** A seed or a sitemap entry that failed, which no page leads to: no broken link on a page. */
  public boolean failedStart() {
    return start != null;
  }

  /** A redirect chain that ends in an error, as opposed to a link that fails at once. */
  public boolean redirectsToError() {
    return chain.size() > 1;
  }
}
