package dev.sitepulse.crawler.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.sitepulse.pinger.FetchResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A host's robots.txt as the crawl obeys it, read with crawler-commons. A missing robots.txt
 * (4xx) allows everything; a server error, a 429 or an unreachable host disallows everything for
 * this crawl, as Google does, rather than crawling a site that may be in trouble or that asks us
 * to slow down. Such a host's URLs are not robots.txt's choice: {@link #unreachable} says why.
 */
public final class RobotsRules {

  private static final RobotsRules ALLOW_ALL =
      new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL));

  /**
   * What is read of a robots.txt: the least RFC 9309 lets a crawler read, and what Google reads.
   * Every URL is checked against every rule, so a 10 MB robots.txt of 235,000 rules took 7 ms per URL.
   */
  public static final int MAX_BYTES = 500 * 1024;

  /**
   * Why the host gave no robots.txt to obey (it could not be fetched, or answered a server
   * error or a 429): a link check's URLs of the host fail with this error kind and message.
   */
  public record Unreachable(String errorKind, String message) {}

  private final BaseRobotRules rules;
  private final Unreachable unreachable;
  private final boolean cutOff;
  private final int linesNotUnderstood;
  private final boolean servedHtml;
  private final boolean noLineWithinLimit;

  private RobotsRules(BaseRobotRules rules) {
    this(rules, null, false, 0, false, false);
  }

  private RobotsRules(BaseRobotRules rules, Unreachable unreachable, boolean cutOff,
      int linesNotUnderstood, boolean servedHtml, boolean noLineWithinLimit) {
    this.rules = rules;
    this.unreachable = unreachable;
    this.cutOff = cutOff;
    this.linesNotUnderstood = linesNotUnderstood;
    this.servedHtml = servedHtml;
    this.noLineWithinLimit = noLineWithinLimit;
  }

  public static RobotsRules allowAll() {
    return ALLOW_ALL;
  }

  /**
   * Reads a fetched robots.txt; {@code agent} is the product token of our User-Agent. The caller
   * follows up to five redirects first.
   */
  public static RobotsRules from(FetchResult fetched, String agent) {
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    // Its default turns a Crawl-delay over 300 s into "allow nothing", silently: the crawl caps
    // any delay at 30 s itself, with a warning.
    parser.setMaxCrawlDelay(Long.MAX_VALUE);
    if (fetched.failed()) {
      return unavailable(fetched.failureKind(), fetched.message());
    }
    if (fetched.status() >= 200 && fetched.status() < 300 && fetched.body().length == 0) {
      return ALLOW_ALL; // 204 and the like: no rules at all
    }
    if (fetched.status() >= 500 || fetched.status() == 429) {
      // The site is in trouble, or asks us to slow down (crawler-commons would take a 429 as "no
      // robots.txt", allowing all): nothing is crawled, and its URLs do not count as robots.txt's
      // choice, so a link check of a site that answers 503 everywhere is not green.
      return unavailable("ROBOTS_TXT",
          "robots.txt answered " + fetched.message() + ", so the host was not crawled");
    }
    if (fetched.status() >= 300 && fetched.status() < 400) {
      // Still a redirect after the caller's five hops, or one to nowhere: RFC 9309 lets a
      // crawler take robots.txt as unavailable then, which, like a 404, allows everything.
      return ALLOW_ALL;
    }
    if (fetched.status() < 200 || fetched.status() >= 300) {
      return new RobotsRules(parser.failedFetch(fetched.status()));
    }
    String token = productToken(agent);
    try {
      byte[] read = withinLimit(fetched.body());
      SimpleRobotRules rules = parser.parseContent(fetched.url(), CrawlDelayNumbers.withPoints(read),
          fetched.contentType(), List.of(token));
      Integer notUnderstood = linesNotUnderstood(parser);
      // Nothing within the limit is no HTML page, though the parser counts nothing for it either.
      boolean noLine = read.length == 0;
      return new RobotsRules(rules, null, read.length < fetched.body().length,
          notUnderstood == null ? 0 : notUnderstood, notUnderstood == null && !noLine, noLine);
    } catch (RuntimeException unparseable) {
      return ALLOW_ALL; // a robots.txt crawler-commons cannot read states no rules we can obey
    }
  }

  /** The name robots.txt and X-Robots-Tag address us by: our User-Agent's product, lower case. */
  static String productToken(String userAgent) {
    return userAgent.split("[/ ]")[0].toLowerCase(Locale.ROOT);
  }

  /**
   * What the parser counted on this thread, which has just parsed, or null for an HTML page served
   * as robots.txt: with no User-agent line it returns before counting starts and leaves the count
   * unset, which {@code getNumWarnings()} then fails to unbox.
   */
  private static Integer linesNotUnderstood(SimpleRobotRulesParser parser) {
    try {
      return parser.getNumWarnings();
    } catch (NullPointerException notCounted) {
      return null;
    }
  }

  /**
   * The first {@link #MAX_BYTES}, up to the last line that ends within them: a rule cut short
   * would say something else ("Disallow: /pri" of "Disallow: /private-area" disallows /print).
   */
  private static byte[] withinLimit(byte[] body) {
    if (body.length <= MAX_BYTES) {
      return body;
    }
    int end = MAX_BYTES;
    while (end > 0 && body[end - 1] != '\n' && body[end - 1] != '\r') {
      end--;
    }
    return Arrays.copyOf(body, end);
  }

  /** Whether only the first {@link #MAX_BYTES} of this robots.txt are obeyed. */
  public boolean cutOff() {
    return cutOff;
  }

  /**
   * Whether no line ends within the first {@link #MAX_BYTES} of this robots.txt (10 MB of NUL
   * bytes, as a gzip bomb inflates to): no rule of it is read, so everything is allowed.
   */
  public boolean noLineWithinLimit() {
    return noLineWithinLimit;
  }

  /**
   * How many lines crawler-commons could not use (an unknown directive, a Crawl-delay or Sitemap
   * that is no number or URL, a line that is no directive at all); the other lines are obeyed.
   */
  public int linesNotUnderstood() {
    return linesNotUnderstood;
  }

  /**
   * Whether what came as robots.txt was an HTML page with no User-agent line (a site's "not
   * found" page answered with 200): no rules, so everything is allowed.
   */
  public boolean servedHtml() {
    return servedHtml;
  }

  /** Nothing of the host is crawled, and its URLs fail with this kind and message. */
  private static RobotsRules unavailable(String kind, String message) {
    return new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE),
        new Unreachable(kind, message), false, 0, false, false);
  }

  public boolean allows(String url) {
    return rules.isAllowed(url);
  }

  /**
   * Why the host's robots.txt could not be fetched or answered a server error or a 429 (then
   * {@link #allows} is false for every URL), or null when it was answered otherwise.
   */
  public Unreachable unreachable() {
    return unreachable;
  }

  /** The Crawl-delay the site asks for, or null when it gives none. */
  public Duration crawlDelay() {
    long ms = rules.getCrawlDelay();
    return ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms < 0 ? null : Duration.ofMillis(ms);
  }

  /** Sitemap URLs the robots.txt lists. */
  public List<String> sitemaps() {
    return rules.getSitemaps();
  }
}
