package dev.sitepulse.cli.crawl;

import static dev.sitepulse.cli.Amounts.bytes;
import static dev.sitepulse.cli.Amounts.count;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.urls.ShortUrl;
import dev.sitepulse.pinger.OriginHeaders;
import dev.sitepulse.pinger.config.Durations;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The end-of-crawl summary: counts, statuses, errors, and where the results are. */
public final class Summary {
  private Summary() {}

  public static void print(CrawlStats s, CrawlConfig config, PrintStream out) {
    print(s, config, null, out);
  }

  /**
   * What to do about pages that answered 401 Unauthorized: check the user and password a seed gave,
   * which went as Basic authorization; when no credentials were sent, the site is behind a login,
   * which {@code -H} passes. Null when there is nothing to say.
   */
  public static String loginHint(CrawlStats s, CrawlConfig config) {
    long unauthorized = s.statuses().getOrDefault(401, 0L);
    if (unauthorized == 0) {
      return null;
    }
    String refused = refusedUserInfo(unauthorized, "page", config);
    if (refused != null || config.headers().keySet().stream().anyMatch(OriginHeaders::isCredential)) {
      return refused;
    }
    return count(unauthorized, "page") + " answered 401 Unauthorized: a site behind a login takes its"
        + " credentials with -H 'Authorization: Bearer TOKEN' or -H 'Cookie: NAME=VALUE'";
  }

  /**
   * "1 page answered 401 Unauthorized; the seed's user and password went as Basic authorization to
   * http://host:port only: check them", or null when no seed gives any ({@code what}: "page", "seed").
   */
  public static String refusedUserInfo(long unauthorized, String what, CrawlConfig config) {
    List<String> origins = config.basicAuthOrigins();
    if (unauthorized == 0 || origins.isEmpty()) {
      return null;
    }
    return count(unauthorized, what) + " answered 401 Unauthorized; the user and password in the seed"
        + (config.seeds().size() == 1 ? "" : "s") + " went as Basic authorization to "
        + String.join(", ", origins) + " only: check them";
  }

  /** @param stoppedBy the signal that ended the crawl early, e.g. SIGINT; null if nothing did */
  public static void print(CrawlStats s, CrawlConfig config, String stoppedBy, PrintStream out) {
    out.printf(Locale.ROOT, "crawled %s (%d indexed) in %.1f s, %.1f pages/s, %s%n",
        count(s.pages(), "page"), s.indexed(), s.elapsed().toMillis() / 1000.0, s.pagesPerSecond(),
        bytes(s.bytes()));
    out.println("statuses:  " + (s.statuses().isEmpty() ? "none" : join(s.statuses())));
    out.println("errors:    " + (s.errors().isEmpty() ? "none" : join(s.errors())));
    out.printf(Locale.ROOT, "skipped:   %s, %d blocked by robots.txt, %s%n",
        count(s.duplicates(), "duplicate"), s.robotsBlocked(), count(s.skippedLinks(), "non-http link"));
    if (s.pagesCutAtMaxBody() > 0) {
      out.println("cut:       " + count(s.pagesCutAtMaxBody(), "page") + " at --max-body: text and links after the cut not read");
    }
    if (s.linksCut() > 0) {
      out.println("cut:       " + count(s.linksCut(), "link") + " on " + count(s.pagesWithLinksCut(), "page")
          + " past --max-links-per-page " + config.maxLinksPerPage() + ": not followed or recorded");
    }
    if (s.pagesBinary() > 0) {
      out.println("binary:    " + count(s.pagesBinary(), "page") + " served as HTML but binary: not parsed, links not read");
    }
    if (s.unchanged() > 0 || s.removed() > 0) {
      out.printf(Locale.ROOT, "refreshed: %d unchanged (304 Not Modified), %d removed from the index%n",
          s.unchanged(), s.removed());
    }
    String endedEarly = stoppedBy == null ? "limit reached" : "stopped by " + stoppedBy
        + (s.fetchesCutAtStop() == 0 ? "" : "; " + count(s.fetchesCutAtStop(), "fetch", "fetches")
            + " in flight cut after " + Durations.format(CrawlStop.GRACE));
    // The sitemaps' URLs are not queued yet: a run cut short before it read them all says so.
    String sitemaps = s.hostsWithSitemapsUnread() == 0 ? ""
        : "the sitemaps of " + count(s.hostsWithSitemapsUnread(), "host") + " not read to their end";
    // A sitemap another host serves waits for that host's robots.txt, and is left with its host,
    // whether that failed or answered 429/503 with a wait past --max-backoff (one count holds both).
    long onHostsWithoutRobots = s.sitemapsOnHostsWithoutRobotsTxt();
    String withoutRobots = onHostsWithoutRobots == 0 ? "" : count(onHostsWithoutRobots, "sitemap")
        + (onHostsWithoutRobots == 1 ? " on a host" : " on hosts")
        + " whose robots.txt could not be read or asked to wait past --max-backoff";
    List<String> unread = new ArrayList<>();
    if (s.queued() > 0) {
      long inFrontier = s.queued() - s.leftOnUnreachableHosts() - s.leftPastReach();
      String givenUpOn = hostsGivenUpOn(s);
      String why = givenUpOn.isEmpty() ? "" : s.leftOnUnreachableHosts() + " on " + givenUpOn;
      if (s.leftPastReach() > 0) { // the limit held them back, then was not reached: no "limit reached"
        why += (why.isEmpty() ? "" : ", ") + s.leftPastReach()
            + " past what --max-pages could reach, which the URLs queued before them left unused";
      }
      if (inFrontier > 0) {
        why += (why.isEmpty() ? "" : ", ") + endedEarly;
      }
      unread.add(count(s.queued(), "URL") + " queued (" + why + ")");
      // Hosts given up on leave URLs queued, not sitemaps unread: the limit or the stop did that.
      unread.add(sitemaps.isEmpty() || inFrontier > 0 ? sitemaps : sitemaps + " (" + endedEarly + ")");
    } else {
      unread.add(sitemaps.isEmpty() ? "" : sitemaps + " (" + endedEarly + ")");
    }
    unread.add(withoutRobots);
    unread.removeIf(String::isEmpty);
    if (!unread.isEmpty()) {
      out.println("left:      " + String.join(", and ", unread) + "; run again to continue");
    }
    s.seedsRedirectedAway().forEach((seed, target) -> out.println("note:      " + ShortUrl.of(seed) + " redirects to "
        + ShortUrl.of(target) + ", which --scope, --include or --exclude leave out: give that URL as the seed, or"
        + " widen them"));
    if (s.responsesNotArchived() > 0) {
      out.println("warc:      " + notArchived(s.responsesNotArchived(), s.warcFailure()));
    }
    out.println("data:      " + config.dataDir().toAbsolutePath().normalize()
        + "  (search it: sitepulse search --data " + config.dataDir() + " QUERY)");
  }

  /** "12 responses not archived: /x/warc/crawl-….warc.gz: No space left on device": the warc line, crawl's and links'. */
  public static String notArchived(long responses, String why) {
    return count(responses, "response") + " not archived: " + why;
  }

  /**
   * "1 host that stopped answering", "2 hosts that kept asking to wait past --max-backoff", "1 host
   * whose robots.txt could not be read", several of them, or "".
   */
  private static String hostsGivenUpOn(CrawlStats s) {
    List<String> hosts = new ArrayList<>();
    if (s.unreachableHosts() > 0) {
      hosts.add(count(s.unreachableHosts(), "host") + " that stopped answering");
    }
    if (s.hostsBackedOffTooLong() > 0) {
      hosts.add(count(s.hostsBackedOffTooLong(), "host") + " that kept asking to wait past --max-backoff");
    }
    if (s.hostsWithoutRobotsTxt() > 0) {
      hosts.add(count(s.hostsWithoutRobotsTxt(), "host") + " whose robots.txt could not be read");
    }
    return String.join(" and ", hosts);
  }

  private static String join(Map<?, Long> counts) {
    return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
