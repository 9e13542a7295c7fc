package dev.sitepulse.crawler.links;

import dev.sitepulse.crawler.CrawlListener;

/** What a link check says as it goes: its crawl's progress, then how far its checks online are. */
public interface LinkCheckListener extends CrawlListener {

  LinkCheckListener NONE = new LinkCheckListener() {};

  /**
   * {@code done} of the {@code total} targets checked online so far (a GET after a refused HEAD
   * is part of its target's check). Called from the checks' threads; must return quickly.
   */
  default void checkedOnline(int done, int total) {}
}
