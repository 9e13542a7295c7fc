package dev.sitepulse.crawler;

import java.util.concurrent.CompletableFuture;

/**
 * A crawl in which the server holds one page's answer until crawl.db shows another page recorded
 * by that crawl: an order of fetches and parses that no speed of the machine changes, where a delay
 * on the server's side only made it likely.
 */
final class OnePageFirst {
  private OnePageFirst() {}

  /**
   * Runs {@code config}'s crawl, holding every request for {@code heldPath} on {@code held}'s server
   * until {@code first} is recorded done by this crawl.
   */
  static CrawlStats crawl(CrawlConfig config, HeldResponses held, String heldPath, String first) throws Exception {
    String lastSeqBefore = CrawlDbRows.column(config.crawlDb(), "SELECT coalesce(max(seq), 0) FROM urls").get(0);
    CompletableFuture<CrawlStats> crawl;
    try (HeldResponses.Held page = held.hold(heldPath)) {
      crawl = CompletableFuture.supplyAsync(() -> {
        try {
          return Crawler.run(config, CrawlListener.NONE);
        } catch (CrawlException e) {
          throw new IllegalStateException(e);
        }
      });
      CrawlDbRows.awaitRow(config.crawlDb(), first + " recorded before " + heldPath + " answers",
          "SELECT 1 FROM urls WHERE url = '" + first + "' AND state = 'done' AND seq > " + lastSeqBefore);
    }
    return crawl.get();
  }
}
