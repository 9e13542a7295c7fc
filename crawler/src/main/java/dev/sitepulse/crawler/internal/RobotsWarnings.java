package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.robots.RobotsRules;
import dev.sitepulse.pinger.FetchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a robots.txt read is worth saying: one cut off (with no line within what is obeyed), one
 * that is an HTML page, lines not understood.
 */
final class RobotsWarnings {

  /** Logged as {@link RobotsAndSitemaps}, whose reads these are. */
  private static final Logger LOG = LoggerFactory.getLogger(RobotsAndSitemaps.class);

  private RobotsWarnings() {}

  static void warn(String origin, FetchResult r, RobotsRules rules) {
    if (rules.cutOff()) {
      // One cut off at --max-body (a server sending gigabytes) is larger than what was read.
      LOG.warn("robots.txt of {} is {}{} KiB; only its first {} KiB are obeyed, as RFC 9309 allows", origin,
          r.truncated() ? "more than " : "", r.body().length / 1024, RobotsRules.MAX_BYTES / 1024);
    }
    if (rules.noLineWithinLimit()) {
      LOG.warn("robots.txt of {} has no line end in its first {} KiB, so no rule of it is read: everything is"
          + " allowed", origin, RobotsRules.MAX_BYTES / 1024);
    }
    if (rules.servedHtml()) {
      LOG.warn("robots.txt of {} is an HTML page, not robots.txt rules: everything is allowed", origin);
    }
    int notUnderstood = rules.linesNotUnderstood();
    if (notUnderstood > 0) {
      // One line in our words; crawler-commons logs each problem too, which the CLI shows with -v.
      LOG.warn("robots.txt of {}: {} not understood and ignored; the rest is obeyed", origin,
          notUnderstood == 1 ? "1 line" : notUnderstood + " lines");
    }
  }

  /**
   * One that could not be read: a crawl for search leaves the host's URLs queued for a later run,
   * which only a host with some queued can say (one a sitemap named has none: that is its warning).
   */
  static void unreachable(String origin, FetchResult r, boolean urlsLeftForALaterRun) {
    if (urlsLeftForALaterRun) {
      LOG.warn("robots.txt of {} could not be read ({}); not crawling that host: its URLs are left queued for"
          + " a later run", origin, r.message());
    } else {
      LOG.warn("robots.txt of {} could not be read ({}); not crawling that host", origin, r.message());
    }
  }
}
