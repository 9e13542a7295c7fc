package dev.sitepulse.cli.crawl;

import dev.sitepulse.cli.Amounts;
import dev.sitepulse.cli.ProgressLine;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStats;
import java.util.Locale;

/** Crawl progress on a {@link ProgressLine}: pages done and queued, pages/s, errors, bytes. */
public final class Progress implements CrawlListener {

  private final ProgressLine line;
  private final String fetch;

  /** A crawl's: its fetches are pages. */
  public Progress(ProgressLine line) {
    this(line, "page");
  }

  /**
   * @param fetch what one of the crawl's fetches is called, in the singular: a link check's are
   *     pages and resources
   */
  public Progress(ProgressLine line, String fetch) {
    this.line = line;
    this.fetch = fetch;
  }

  @Override
  public void progress(CrawlStats s) {
    line.show(s.pages(), s.pages() + s.queued(), text(s));
  }

  /** 1 page, 40 queued, 12.5 pages/s, 0 errors, 1.2 MiB */
  String text(CrawlStats s) {
    return String.format(Locale.ROOT, "%s, %d queued, %.1f %ss/s, %s, %s", Amounts.count(s.pages(), fetch), s.queued(),
        s.pagesPerSecond(), fetch, Amounts.count(s.errorCount(), "error"), Amounts.bytes(s.bytes()));
  }

  @Override
  public void finished(CrawlStats s) {
    line.clear();
  }
}
