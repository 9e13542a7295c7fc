package dev.sitepulse.cli.crawl;

import dev.sitepulse.cli.ProgressLine;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStats;
import java.util.Locale;

/** Crawl progress on a {@link ProgressLine}: pages done and queued, pages/s, errors, bytes. */
public final class Progress implements CrawlListener {

  private final ProgressLine line;

  public Progress(ProgressLine line) {
    this.line = line;
  }

  @Override
  public void progress(CrawlStats s) {
    line.show(s.pages(), s.pages() + s.queued(), String.format(Locale.ROOT,
        "%d pages, %d queued, %.1f pages/s, %d errors, %s",
        s.pages(), s.queued(), s.pagesPerSecond(), s.errorCount(), Summary.bytes(s.bytes())));
  }

  @Override
  public void finished(CrawlStats s) {
    line.clear();
  }
}
