package dev.sitepulse.crawler;

import dev.sitepulse.crawler.urls.StrippedParameters;
import dev.sitepulse.pinger.DataDirLock;
import dev.sitepulse.pinger.SchemeHint;
import dev.sitepulse.pinger.ShownUrl;
import dev.sitepulse.pinger.config.DataSize;
import dev.sitepulse.pinger.config.Durations;
import dev.sitepulse.pinger.config.HeaderLines;
import dev.sitepulse.pinger.config.InvalidValueException;
import dev.sitepulse.pinger.config.RequestChecks;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code crawl:} section of the config: every crawl option, each null when not given so the
 * command line and then the built-in defaults decide. {@link #over} layers one spec on another.
 */
public record CrawlSpec(
    List<String> seeds,
    String data,
    Integer maxPages,
    Integer maxDepth,
    Scope scope,
    Pattern scopeRegex,
    Pattern include,
    Pattern exclude,
    Integer concurrency,
    Integer perHost,
    Duration delay,
    Duration timeout,
    DataSize maxBody,
    String userAgent,
    Boolean warc,
    Boolean ignoreRobots,
    Duration maxBackoff,
    List<String> stripParams,
    Map<String, String> headers,
    Integer maxLinksPerPage) {

  /**
   * Rejects out-of-range values where they are written, so that a config file's error names the
   * key's line and a flag's error names the flag; {@link CrawlConfig} checks the combination.
   */
  public CrawlSpec {
    for (int i = 0; seeds != null && i < seeds.size(); i++) {
      String why = Crawler.whyNotFetchable(seeds.get(i));
      if (why != null) {
        String shown = ShownUrl.of(seeds.get(i));
        throw new InvalidValueException("seeds[" + i + "]", "seed is " + why + ": " + shown + SchemeHint.of(shown));
      }
    }
    atLeast("max-pages", maxPages, 0, "0 (no limit) or more");
    atLeast("max-depth", maxDepth, 0, "0 or more");
    atLeast("max-links-per-page", maxLinksPerPage, 0, "0 (no cap) or more");
    atLeast("concurrency", concurrency, 1, "at least 1");
    atLeast("per-host", perHost, 1, "at least 1");
    if (delay != null && delay.isNegative()) {
      throw new InvalidValueException("delay", "delay cannot be negative");
    }
    if (delay != null && delay.compareTo(CrawlConfig.MAX_DELAY) > 0) {
      throw new InvalidValueException("delay", CrawlConfig.tooLongDelay(delay));
    }
    if (maxBackoff != null && maxBackoff.isNegative()) {
      throw new InvalidValueException("max-backoff", "max-backoff cannot be negative");
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new InvalidValueException("timeout",
          "timeout must be positive, got " + Durations.format(timeout));
    }
    if (maxBody != null && maxBody.bytes() <= 0) {
      throw new InvalidValueException("max-body", "max-body must be positive");
    }
    DataSize.checkMaxBody(maxBody);
    if (data != null && data.isBlank()) {
      // An empty path is the working directory, whose index/ and warc/ --fresh would delete.
      throw new InvalidValueException("data", "data must name a folder, got an empty value");
    }
    if (data != null) {
      try {
        Path.of(data); // as the crawl will use it, so a NUL fails at its key, not as an exception's name
      } catch (InvalidPathException e) {
        throw new InvalidValueException("data", "data is not a folder name: " + e.getReason());
      }
    }
    if (userAgent != null && userAgent.isBlank()) {
      throw new InvalidValueException("user-agent", "user-agent must not be empty");
    }
    if (userAgent != null) {
      try {
        RequestChecks.header("user-agent", "User-Agent", userAgent);
      } catch (InvalidValueException e) {
        // OkHttp refuses it at the first fetch; the crawl would then have nothing to do.
        throw new InvalidValueException("user-agent", "user-agent is " + e.getMessage());
      }
    }
    if (stripParams != null) {
      stripped(stripParams); // first: it names an empty entry, which List.copyOf would not take
      stripParams = List.copyOf(stripParams);
    }
    if (headers != null) {
      headers.forEach((name, value) -> CrawlHeaders.check("headers." + name, name, value));
      headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
  }

  /** Without max-links-per-page, which then comes from the command line or the default. */
  public CrawlSpec(List<String> seeds, String data, Integer maxPages, Integer maxDepth, Scope scope,
      Pattern scopeRegex, Pattern include, Pattern exclude, Integer concurrency, Integer perHost,
      Duration delay, Duration timeout, DataSize maxBody, String userAgent, Boolean warc, Boolean ignoreRobots,
      Duration maxBackoff, List<String> stripParams, Map<String, String> headers) {
    this(seeds, data, maxPages, maxDepth, scope, scopeRegex, include, exclude, concurrency, perHost,
        delay, timeout, maxBody, userAgent, warc, ignoreRobots, maxBackoff, stripParams, headers, null);
  }

  /** Without headers, which then come from the command line or none. */
  public CrawlSpec(List<String> seeds, String data, Integer maxPages, Integer maxDepth, Scope scope,
      Pattern scopeRegex, Pattern include, Pattern exclude, Integer concurrency, Integer perHost,
      Duration delay, Duration timeout, DataSize maxBody, String userAgent, Boolean warc, Boolean ignoreRobots,
      Duration maxBackoff, List<String> stripParams) {
    this(seeds, data, maxPages, maxDepth, scope, scopeRegex, include, exclude, concurrency, perHost,
        delay, timeout, maxBody, userAgent, warc, ignoreRobots, maxBackoff, stripParams, null, null);
  }

  /** Without strip-params and headers, which then come from the command line or the defaults. */
  public CrawlSpec(List<String> seeds, String data, Integer maxPages, Integer maxDepth, Scope scope,
      Pattern scopeRegex, Pattern include, Pattern exclude, Integer concurrency, Integer perHost,
      Duration delay, Duration timeout, DataSize maxBody, String userAgent, Boolean warc, Boolean ignoreRobots,
      Duration maxBackoff) {
    this(seeds, data, maxPages, maxDepth, scope, scopeRegex, include, exclude, concurrency, perHost,
        delay, timeout, maxBody, userAgent, warc, ignoreRobots, maxBackoff, null, null, null);
  }

  /** Without max-backoff, which then comes from the command line or the default. */
  public CrawlSpec(List<String> seeds, String data, Integer maxPages, Integer maxDepth, Scope scope,
      Pattern scopeRegex, Pattern include, Pattern exclude, Integer concurrency, Integer perHost,
      Duration delay, Duration timeout, DataSize maxBody, String userAgent, Boolean warc, Boolean ignoreRobots) {
    this(seeds, data, maxPages, maxDepth, scope, scopeRegex, include, exclude, concurrency, perHost,
        delay, timeout, maxBody, userAgent, warc, ignoreRobots, null, null, null, null);
  }

  public static final CrawlSpec NONE =
      new CrawlSpec(null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null);

  /**
   * This spec's values where set, {@code base}'s elsewhere; headers of both, this spec's replacing
   * {@code base}'s of the same name.
   */
  public CrawlSpec over(CrawlSpec base) {
    return new CrawlSpec(
        seeds != null && !seeds.isEmpty() ? seeds : base.seeds,
        pick(data, base.data),
        pick(maxPages, base.maxPages),
        pick(maxDepth, base.maxDepth),
        pick(scope, base.scope),
        pick(scopeRegex, base.scopeRegex),
        pick(include, base.include),
        pick(exclude, base.exclude),
        pick(concurrency, base.concurrency),
        pick(perHost, base.perHost),
        pick(delay, base.delay),
        pick(timeout, base.timeout),
        pick(maxBody, base.maxBody),
        pick(userAgent, base.userAgent),
        pick(warc, base.warc),
        pick(ignoreRobots, base.ignoreRobots),
        pick(maxBackoff, base.maxBackoff),
        pick(stripParams, base.stripParams),
        headers == null || base.headers == null ? pick(headers, base.headers) : HeaderLines.merged(base.headers, headers),
        pick(maxLinksPerPage, base.maxLinksPerPage));
  }

  /** This spec with its data directory set. */
  public CrawlSpec withData(String dir) {
    return new CrawlSpec(seeds, dir, maxPages, maxDepth, scope, scopeRegex, include, exclude,
        concurrency, perHost, delay, timeout, maxBody, userAgent, warc, ignoreRobots, maxBackoff, stripParams, headers, maxLinksPerPage);
  }

  /** This spec with its per-fetch timeout set. */
  public CrawlSpec withTimeout(Duration t) {
    return new CrawlSpec(seeds, data, maxPages, maxDepth, scope, scopeRegex, include, exclude,
        concurrency, perHost, delay, t, maxBody, userAgent, warc, ignoreRobots, maxBackoff, stripParams, headers, maxLinksPerPage);
  }

  /** This spec with its max-backoff set. */
  public CrawlSpec withMaxBackoff(Duration d) {
    return new CrawlSpec(seeds, data, maxPages, maxDepth, scope, scopeRegex, include, exclude,
        concurrency, perHost, delay, timeout, maxBody, userAgent, warc, ignoreRobots, d, stripParams, headers, maxLinksPerPage);
  }

  /**
   * The crawl these settings describe, the built-in defaults filling the gaps.
   *
   * @throws IllegalArgumentException naming the setting that is wrong
   */
  public CrawlConfig toConfig(CrawlStart start) {
    Path dir = Path.of(data != null ? data : DataDirLock.DEFAULT_FOLDER);
    CrawlConfig d = CrawlConfig.defaults(seeds == null ? List.of() : seeds, dir);
    return new CrawlConfig(d.seeds(), dir, pick(maxPages, d.maxPages()), pick(maxDepth, d.maxDepth()),
        pick(scope, d.scope()), scopeRegex, include, exclude, pick(concurrency, d.concurrency()),
        pick(perHost, d.perHost()), pick(delay, d.delay()), pick(timeout, d.timeout()),
        maxBody != null ? maxBody.bytes() : d.maxBodyBytes(), pick(userAgent, d.userAgent()),
        pick(warc, false), start, pick(ignoreRobots, false), d.commitEveryPages(), d.commitEvery(),
        CrawlPurpose.SEARCH, pick(maxBackoff, d.maxBackoff()),
        stripParams == null ? d.stripParams() : stripped(stripParams), headers == null ? Map.of() : headers,
        pick(maxLinksPerPage, d.maxLinksPerPage()));
  }

  private static StrippedParameters stripped(List<String> names) {
    try {
      return StrippedParameters.of(names);
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("strip-params", "strip-params " + e.getMessage());
    }
  }

  private static void atLeast(String key, Integer value, int min, String rule) {
    if (value != null && value < min) {
      throw new InvalidValueException(key, key + " must be " + rule + ", got " + value);
    }
  }

  private static <T> T pick(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
