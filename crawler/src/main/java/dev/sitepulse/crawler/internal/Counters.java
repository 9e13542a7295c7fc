package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlStats;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The crawl's running counts; touched only on the event loop. */
final class Counters {
  long pages;
  long indexed;
  long duplicates;
  long robotsBlocked;
  long skippedLinks;
  long unchanged;
  long removed;
  long bytes;
  final Map<Integer, Long> statuses = new HashMap<>();
  final Map<String, Long> errors = new HashMap<>();

  void status(int status) {
    statuses.merge(status, 1L, Long::sum);
  }

  void error(String kind) {
    errors.merge(kind, 1L, Long::sum);
  }

  CrawlStats snapshot(long queued, Duration elapsed) {
    return new CrawlStats(pages, indexed, queued, statuses, errors, duplicates, robotsBlocked,
        skippedLinks, unchanged, removed, bytes, elapsed);
  }
}
