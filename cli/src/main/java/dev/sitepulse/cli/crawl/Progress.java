package dev.sitepulse.cli.crawl;

import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStats;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Crawl progress on stderr: a bar redrawn in place on a terminal, a line every 5 s otherwise, so a
 * log file gets a readable history and stdout stays for the summary.
 */
final class Progress implements CrawlListener {

  private static final long LOG_EVERY_NANOS = 5_000_000_000L;

  private final PrintStream err;
  private final boolean terminal = System.console() != null;
  private long lastLine;

  Progress(PrintStream err) {
    this.err = err;
  }

  @Override
  public void progress(CrawlStats s) {
    String line = String.format(Locale.ROOT, "%d pages, %d queued, %.1f pages/s, %d errors, %s",
        s.pages(), s.queued(), s.pagesPerSecond(), s.errorCount(), Summary.bytes(s.bytes()));
    if (terminal) {
      long total = s.pages() + s.queued();
      int width = 24;
      int filled = total == 0 ? 0 : (int) (width * s.pages() / total);
      err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + line + "   ");
      err.flush();
    } else if (System.nanoTime() - lastLine >= LOG_EVERY_NANOS) {
      lastLine = System.nanoTime();
      err.println("crawl: " + line);
    }
  }

  @Override
  public void finished(CrawlStats s) {
    if (terminal) {
      err.print("\r" + " ".repeat(100) + "\r");
      err.flush();
    }
  }
}
