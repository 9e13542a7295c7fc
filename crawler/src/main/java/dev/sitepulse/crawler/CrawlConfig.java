package dev.sitepulse.crawler;

import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.crawler.urls.LinkRules;
import dev.sitepulse.crawler.urls.StrippedParameters;
import dev.sitepulse.pinger.OriginHeaders;
import dev.sitepulse.pinger.config.Durations;
import dev.sitepulse.pinger.config.HeaderLines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One crawl, validated when built: a bad value fails before anything is fetched.
 *
 * @param scopeRegex required when scope is REGEX, ignored otherwise
 * @param include when set, only URLs matching it are followed
 * @param exclude when set, URLs matching it are not followed
 * @param maxPages most page fetches this run starts, a retry or a redirect's target each one more
 *     (robots.txt and sitemaps aside); 0 means no limit
 * @param maxDepth links followed from a seed; 0 fetches only the seeds
 * @param perHost connections per host at once
 * @param delay between fetches to one host; a robots.txt Crawl-delay takes precedence
 * @param start what to do with the crawl dataDir already holds
 * @param commitEveryPages and commitEvery: how often the index is committed, whichever first;
 *     pages parsed (or whose document was removed) count, as only they are fetched again on resume
 * @param purpose what the crawl keeps besides crawl.db: a search index, or links' source lines
 * @param maxBackoff how long 429 and 503 answers may hold one host back in all, its Retry-After
 *     waits added up, before the crawl gives up on the host's other URLs (left queued for a later
 *     run); 0 gives up at the first
 * @param stripParams the parameters every URL the crawl queues is stripped of (session ids)
 * @param headers added to every request ({@link CrawlHeaders}); credentials among them go to the
 *     seeds' origins only ({@link #requestHeaders}), as a seed's user:password@ does
 * @param maxLinksPerPage the links of a page read, in the page's order; those past it are neither
 *     followed nor recorded, only counted; 0 reads them all
 */
public record CrawlConfig(
    List<String> seeds,
    Path dataDir,
    int maxPages,
    int maxDepth,
    Scope scope,
    Pattern scopeRegex,
    Pattern include,
    Pattern exclude,
    int concurrency,
    int perHost,
    Duration delay,
    Duration timeout,
    long maxBodyBytes,
    String userAgent,
    boolean warc,
    CrawlStart start,
    boolean ignoreRobots,
    int commitEveryPages,
    Duration commitEvery,
    CrawlPurpose purpose,
    Duration maxBackoff,
    StrippedParameters stripParams,
    Map<String, String> headers,
    int maxLinksPerPage) {

  /**
   * No cap, as wget, LinkChecker and StormCrawler read a page: a link check must see every link,
   * and a docs site's indexes are long (the Python docs' genindex-all.html has about 22,000, where
   * Heritrix's web-archiving cap of 6000 cut 19,200 links of two pages). --max-body bounds a page,
   * and so its links, in any case.
   */
  public static final int DEFAULT_MAX_LINKS_PER_PAGE = 0;

  public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);

  /** The Accept header of page fetches: HTML first, anything else taken (and recorded) as it comes. */
  public static final String ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.5";

  /**
   * The longest --delay: far past any polite pace (24 pages an hour), and far enough from the
   * 292 years at which a delay added to System.nanoTime() would wrap past the present.
   */
  public static final Duration MAX_DELAY = Duration.ofHours(1);

  /**
   * The time between two requests to a host whose robots.txt asks for {@code crawlDelay} (null
   * when it asks for none): the Crawl-delay, at most {@link #MAX_CRAWL_DELAY}, in place of
   * --delay.
   */
  public Duration delayFor(Duration crawlDelay) {
    if (crawlDelay == null) {
      return delay;
    }
    return crawlDelay.compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : crawlDelay;
  }

  public CrawlConfig {
    seeds = List.copyOf(seeds);
    require(!seeds.isEmpty(), "give at least one seed URL");
    require(dataDir != null, "a crawl needs a data folder");
    require(maxPages >= 0, "max-pages must be 0 (no limit) or more, got " + maxPages);
    require(maxDepth >= 0, "max-depth must be 0 or more, got " + maxDepth);
    require(concurrency >= 1, "concurrency must be at least 1, got " + concurrency);
    require(perHost >= 1, "per-host must be at least 1, got " + perHost);
    require(delay != null && !delay.isNegative(), "delay cannot be negative");
    require(delay.compareTo(MAX_DELAY) <= 0, tooLongDelay(delay));
    require(timeout != null && !timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
    require(maxBodyBytes > 0, "max-body must be positive");
    require(scope != Scope.REGEX || scopeRegex != null, "scope regex needs --scope-regex");
    require(userAgent != null && !userAgent.isBlank(), "user-agent must not be empty");
    require(commitEveryPages >= 1, "commit-every-pages must be at least 1");
    // A Vert.x timer's period: under 1 ms it would fail on the event loop, as the crawl starts.
    require(commitEvery != null && commitEvery.toMillis() >= 1,
        "commit-every must be at least 1ms, got " + (commitEvery == null ? "none" : Durations.format(commitEvery)));
    require(purpose != null, "a crawl needs a purpose");
    require(maxBackoff != null && !maxBackoff.isNegative(), "max-backoff cannot be negative");
    require(start != null, "a crawl needs to know how to start");
    require(stripParams != null, "a crawl needs the parameters it strips, or none");
    require(headers != null, "headers cannot be null; give none as an empty map");
    require(maxLinksPerPage >= 0, "max-links-per-page must be 0 (no cap) or more, got " + maxLinksPerPage);
    headers.forEach((name, value) -> CrawlHeaders.check("headers." + name, name, value));
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** How this crawl turns an href into the URL it queues. */
  public LinkRules linkRules() {
    return new LinkRules(stripParams);
  }

  /** The defaults of the command line, for the given seeds and data directory. */
  public static CrawlConfig defaults(List<String> seeds, Path dataDir) {
    return builder(seeds, dataDir).build();
  }

  /** A crawl of {@code seeds} into {@code dataDir}, the command line's defaults for the rest. */
  public static Builder builder(List<String> seeds, Path dataDir) {
    return new Builder(seeds, dataDir);
  }

  /** This crawl's settings, to change some of them. */
  public Builder toBuilder() {
    return new Builder(seeds, dataDir).maxPages(maxPages).maxDepth(maxDepth).scope(scope, scopeRegex)
        .include(include).exclude(exclude).concurrency(concurrency).perHost(perHost).delay(delay)
        .timeout(timeout).maxBodyBytes(maxBodyBytes).userAgent(userAgent).warc(warc).start(start)
        .ignoreRobots(ignoreRobots).commitEvery(commitEveryPages, commitEvery).purpose(purpose)
        .maxBackoff(maxBackoff).stripParams(stripParams).headers(headers).maxLinksPerPage(maxLinksPerPage);
  }

  public CrawlConfig withPurpose(CrawlPurpose p) {
    return toBuilder().purpose(p).build();
  }

  /**
   * What every request of this crawl carries besides its User-Agent: {@code defaults} (an
   * {@code Accept}) under the user's headers, whose credentials go only to the seeds' origins, as
   * curl keeps them from another host: a site's token must not reach every site it links to.
   */
  public OriginHeaders requestHeaders(Map<String, String> defaults) {
    return OriginHeaders.credentialsFor(seeds, HeaderLines.merged(defaults, headers));
  }

  /**
   * The origins ({@code http://host:port}, as normalized) that a seed's {@code user:password@}
   * goes to as Basic authorization ({@link #requestHeaders}); none when the headers name an
   * Authorization, which is sent in its place.
   */
  public List<String> basicAuthOrigins() {
    if (headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase)) {
      return List.of();
    }
    LinkRules rules = linkRules();
    return seeds.stream().filter(OriginHeaders::hasUserInfo).map(rules::normalize).filter(Objects::nonNull)
        .map(Frontier::originOf).distinct().toList();
  }

  public Path crawlDb() {
    return dataDir.resolve(CrawlDb.FILE_NAME);
  }

  public Path indexDir() {
    return dataDir.resolve("index");
  }

  public Path warcDir() {
    return dataDir.resolve("warc");
  }

  /** The error for a --delay past {@link #MAX_DELAY}. */
  static String tooLongDelay(Duration delay) {
    return "delay can be at most " + Durations.format(MAX_DELAY) + ", got " + Durations.format(delay);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Collects settings; {@link #build} validates them. The defaults are the command line's. */
  public static final class Builder {
    private final List<String> seeds;
    private final Path dataDir;
    private int maxPages;
    private int maxDepth = 10;
    private Scope scope = Scope.HOST;
    private Pattern scopeRegex;
    private Pattern include;
    private Pattern exclude;
    private int concurrency = 32;
    private int perHost = 2;
    private Duration delay = Duration.ofMillis(250);
    private Duration timeout = Duration.ofSeconds(30);
    private long maxBodyBytes = 10L << 20;
    private String userAgent = "sitepulse";
    private boolean warc;
    private CrawlStart start = CrawlStart.RESUME;
    private boolean ignoreRobots;
    /**
     * Each commit writes a segment that merges later rewrite: every 500 pages, a 50,000-page crawl
     * spent 44% of its index CPU flushing and merging small segments (17% longer in all). The 5 s
     * bound keeps what a kill makes a resume fetch again small either way.
     */
    private int commitEveryPages = 2000;
    private Duration commitEvery = Duration.ofSeconds(5);
    private CrawlPurpose purpose = CrawlPurpose.SEARCH;
    /** Five waits of a minute, as many as one URL's back-offs may take (a Retry-After is capped at a minute). */
    private Duration maxBackoff = Duration.ofMinutes(5);
    private StrippedParameters stripParams = StrippedParameters.DEFAULT;
    private Map<String, String> headers = Map.of();
    private int maxLinksPerPage = DEFAULT_MAX_LINKS_PER_PAGE;

    private Builder(List<String> seeds, Path dataDir) {
      this.seeds = seeds;
      this.dataDir = dataDir;
    }

    public Builder maxPages(int n) {
      maxPages = n;
      return this;
    }

    public Builder maxDepth(int n) {
      maxDepth = n;
      return this;
    }

    public Builder scope(Scope s) {
      return scope(s, null);
    }

    /** @param regex what {@link Scope#REGEX} matches; ignored by the other scopes */
    public Builder scope(Scope s, Pattern regex) {
      scope = s;
      scopeRegex = regex;
      return this;
    }

    public Builder include(Pattern p) {
      include = p;
      return this;
    }

    public Builder exclude(Pattern p) {
      exclude = p;
      return this;
    }

    public Builder concurrency(int n) {
      concurrency = n;
      return this;
    }

    public Builder perHost(int n) {
      perHost = n;
      return this;
    }

    public Builder delay(Duration d) {
      delay = d;
      return this;
    }

    public Builder timeout(Duration d) {
      timeout = d;
      return this;
    }

    public Builder maxBodyBytes(long n) {
      maxBodyBytes = n;
      return this;
    }

    public Builder userAgent(String ua) {
      userAgent = ua;
      return this;
    }

    public Builder warc(boolean on) {
      warc = on;
      return this;
    }

    public Builder start(CrawlStart s) {
      start = s;
      return this;
    }

    public Builder ignoreRobots(boolean on) {
      ignoreRobots = on;
      return this;
    }

    /** Commits the index after this many pages or this long, whichever comes first. */
    public Builder commitEvery(int pages, Duration time) {
      commitEveryPages = pages;
      commitEvery = time;
      return this;
    }

    public Builder purpose(CrawlPurpose p) {
      purpose = p;
      return this;
    }

    public Builder maxBackoff(Duration d) {
      maxBackoff = d;
      return this;
    }

    public Builder stripParams(StrippedParameters p) {
      stripParams = p;
      return this;
    }

    /** Added to every request, credentials to the seeds' origins only. */
    public Builder headers(Map<String, String> h) {
      headers = h;
      return this;
    }

    /** The links of a page read; 0 reads them all. */
    public Builder maxLinksPerPage(int n) {
      maxLinksPerPage = n;
      return this;
    }

    /** @throws IllegalArgumentException naming the setting that is wrong */
    public CrawlConfig build() {
      return new CrawlConfig(seeds, dataDir, maxPages, maxDepth, scope, scopeRegex, include, exclude,
          concurrency, perHost, delay, timeout, maxBodyBytes, userAgent, warc, start, ignoreRobots,
          commitEveryPages, commitEvery, purpose, maxBackoff, stripParams, headers, maxLinksPerPage);
    }
  }
}
