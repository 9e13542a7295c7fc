package dev.sitepulse.crawler;

import dev.sitepulse.crawler.robots.RobotsRules;
import java.util.Map;
import java.util.Set;

/**
 * What a crawl ends with: its counters, and the robots.txt of each host it read this run, by
 * origin (a host it read in an earlier run, and found nothing more to fetch from, is not there),
 * and the hosts it gave up on (past --max-backoff, or, in a crawl for search, no longer
 * answering for its pages or robots.txt), whose URLs it left queued; and the URLs whose fetch got
 * no answer to keep (a network failure, a 429 or 503) and whose next try its end cut (its page
 * limit, a stop, their host given up on), left queued too: asked for, but not known either way.
 */
public record FinishedCrawl(CrawlStats stats, Map<String, RobotsRules> robots, Set<String> abandonedOrigins,
    Set<String> triesCut) {

  public FinishedCrawl {
    robots = Map.copyOf(robots);
    abandonedOrigins = Set.copyOf(abandonedOrigins);
    triesCut = Set.copyOf(triesCut);
  }
}
