package dev.sitepulse.cli.crawl;

import dev.sitepulse.cli.ProgressLine;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStats;
import java.util.Locale;

/** Crawl progress on a {@link ProgressLine}: pages done and queued, pages/s, errors, bytes. */
public final class Progress implements CrawlListener {

  private final ProgressLine line;
  private final String fetched;

  /** A crawl's: its fetches are pages. */
  public Progress(ProgressLine line) {
    this(line, "pages");
  }

  /** @param fetched what the crawl's fetches are called: a link check's are pages and resources */
  public Progress(ProgressLine line, String fetched) {
    this.line = line;
    this.fetched = fetched;
  }

  @Override
  public void progress(CrawlStats s) {
    line.show(s.pages(), s.pages() + s.queued(), String.format(Locale.ROOT,
        "%d %s, %d queued, %.1f %s/s, %d errors, %s",
        s.pages(), fetched, s.queued(), s.pagesPerSecond(), fetched, s.errorCount(), Summary.bytes(s.bytes())));
  }

  @Override
  public void finished(CrawlStats s) {
    line.clear();
  }
}
