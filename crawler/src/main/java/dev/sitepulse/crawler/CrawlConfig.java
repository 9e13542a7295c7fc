package dev.sitepulse.crawler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One crawl, validated when built: a bad value fails before anything is fetched.
 *
 * @param scopeRegex required when scope is REGEX, ignored otherwise
 * @param include when set, only URLs matching it are followed
 * @param exclude when set, URLs matching it are not followed
 * @param maxPages stop fetching new pages after this many; 0 means no limit
 * @param maxDepth links followed from a seed; 0 fetches only the seeds
 * @param perHost connections per host at once
 * @param delay between fetches to one host; a robots.txt Crawl-delay takes precedence
 * @param start what to do with the crawl dataDir already holds
 * @param commitEveryPages and commitEvery: how often the index is committed, whichever first
 * @param purpose what the crawl keeps besides crawl.db: a search index, or links' source lines
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
    CrawlPurpose purpose) {

  public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);

  public CrawlConfig {
    seeds = List.copyOf(seeds);
    require(!seeds.isEmpty(), "give at least one seed URL");
    require(maxPages >= 0, "max-pages must be 0 (no limit) or more, got " + maxPages);
    require(maxDepth >= 0, "max-depth must be 0 or more, got " + maxDepth);
    require(concurrency >= 1, "concurrency must be at least 1, got " + concurrency);
    require(perHost >= 1, "per-host must be at least 1, got " + perHost);
    require(!delay.isNegative(), "delay cannot be negative");
    require(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
    require(maxBodyBytes > 0, "max-body must be positive");
    require(scope != Scope.REGEX || scopeRegex != null, "scope regex needs --scope-regex");
    require(commitEveryPages >= 1, "commit-every-pages must be at least 1");
    require(purpose != null, "a crawl needs a purpose");
    require(start != null, "a crawl needs to know how to start");
  }

  /** The defaults of the command line, for the given seeds and data directory. */
  public static CrawlConfig defaults(List<String> seeds, Path dataDir) {
    return new CrawlConfig(seeds, dataDir, 0, 10, Scope.HOST, null, null, null, 32, 2,
        Duration.ofMillis(250), Duration.ofSeconds(30), 10L << 20, "sitepulse", false,
        CrawlStart.RESUME, false, 500, Duration.ofSeconds(5), CrawlPurpose.SEARCH);
  }

  public CrawlConfig withDelay(Duration d) {
    return new CrawlConfig(seeds, dataDir, maxPages, maxDepth, scope, scopeRegex, include, exclude,
        concurrency, perHost, d, timeout, maxBodyBytes, userAgent, warc, start, ignoreRobots,
        commitEveryPages, commitEvery, purpose);
  }

  public CrawlConfig withPurpose(CrawlPurpose p) {
    return new CrawlConfig(seeds, dataDir, maxPages, maxDepth, scope, scopeRegex, include, exclude,
        concurrency, perHost, delay, timeout, maxBodyBytes, userAgent, warc, start, ignoreRobots,
        commitEveryPages, commitEvery, p);
  }

  public Path crawlDb() {
    return dataDir.resolve("crawl.db");
  }

  public Path indexDir() {
    return dataDir.resolve("index");
  }

  public Path warcDir() {
    return dataDir.resolve("warc");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
