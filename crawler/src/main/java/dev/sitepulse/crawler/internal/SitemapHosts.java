package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.robots.RobotsRules;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Which seeds' hosts have their sitemaps read, once their robots.txt is. */
@FunctionalInterface
interface SitemapHosts {

  /** Whether the sitemaps of {@code origin}, whose robots.txt says {@code rules}, are read. */
  boolean readsSitemapsOf(String origin, RobotsRules rules);

  /**
   * A crawl for search reads every seed's host's: they list the site it indexes, whatever its
   * seeds are. A link check reads those of a host where robots.txt allows a seed at least: the
   * seeds are what was asked to be checked, and a host whose every seed is disallowed has nothing
   * of it checked, where its sitemaps would have its whole site checked instead.
   */
  static SitemapHosts of(CrawlPurpose purpose, List<String> seeds) {
    Map<String, List<String>> seedsByOrigin = seeds.stream().collect(Collectors.groupingBy(Frontier::originOf));
    if (purpose == CrawlPurpose.SEARCH) {
      return (origin, rules) -> seedsByOrigin.containsKey(origin);
    }
    return (origin, rules) -> seedsByOrigin.getOrDefault(origin, List.of()).stream().anyMatch(rules::allows);
  }
}
