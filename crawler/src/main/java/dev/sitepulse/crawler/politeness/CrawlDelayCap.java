package dev.sitepulse.crawler.politeness;

import dev.sitepulse.crawler.CrawlConfig;
import java.math.BigDecimal;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warning that a robots.txt's Crawl-delay is past {@link CrawlConfig#MAX_CRAWL_DELAY}, in the
 * same words wherever one is read: by the crawl, and by a link check's own checks online for a
 * host the crawl did not read.
 */
public final class CrawlDelayCap {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlDelayCap.class);
  /** Past it, crawler-commons' milliseconds may have saturated at Long.MAX_VALUE: no number of it is the site's. */
  private static final Duration HUGE = Duration.ofSeconds(1_000_000_000_000_000L);

  private CrawlDelayCap() {}

  /**
   * Warns that {@code origin}'s Crawl-delay is capped, when it is; {@code asked} is null when its
   * robots.txt asks for none. Call it once per robots.txt read.
   */
  public static void warnIfCapped(String origin, Duration asked) {
    if (asked != null && asked.compareTo(CrawlConfig.MAX_CRAWL_DELAY) > 0) {
      LOG.warn("{} asks for a Crawl-delay of {} s; capped at {} s", origin, seconds(asked),
          CrawlConfig.MAX_CRAWL_DELAY.toSeconds());
    }
  }

  /** As the site wrote it, to the millisecond crawler-commons keeps: 30.5, not 30; 1e300 as more than 10^15. */
  private static String seconds(Duration asked) {
    if (asked.compareTo(HUGE) > 0) {
      return "more than 10^15";
    }
    return BigDecimal.valueOf(asked.toMillis(), 3).stripTrailingZeros().toPlainString();
  }
}
