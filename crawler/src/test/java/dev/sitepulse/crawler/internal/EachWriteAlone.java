package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import java.time.Clock;

/**
 * Runs a crawl whose crawl.db writes each go in a transaction of their own, written at once on the
 * thread that hands it over, as a writer that drains between any two of them would: a kill may
 * fall after any one. {@code afterEach} then looks at crawl.db as that kill would leave it.
 */
public final class EachWriteAlone {

  private EachWriteAlone() {}

  public static CrawlStats crawl(CrawlConfig config, Runnable afterEach) throws Exception {
    return CrawlRun.runKeepingRobots(config, CrawlListener.NONE, new CrawlStop(), LoopTimers::on,
        Clock.systemUTC(), writerThread -> write -> {
          write.run();
          afterEach.run();
        }).stats();
  }
}
