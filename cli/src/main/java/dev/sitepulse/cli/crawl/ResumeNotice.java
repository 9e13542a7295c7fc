package dev.sitepulse.cli.crawl;

import dev.sitepulse.cli.Amounts;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStats;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Says, as a resumed crawl starts, what earlier runs fetched and keep, lest its summary, which
 * counts its own fetches, read as all there is; the rest goes to the progress it wraps.
 */
final class ResumeNotice implements CrawlListener {

  private final CrawlListener progress;
  private final Path dataDir;
  private final PrintStream err;

  ResumeNotice(CrawlListener progress, Path dataDir, PrintStream err) {
    this.progress = progress;
    this.dataDir = dataDir;
    this.err = err;
  }

  @Override
  public void resumed(long kept, long queued) {
    err.println("resuming the crawl in " + dataDir + ": " + Amounts.count(kept, "URL")
        + " fetched by earlier runs kept, " + queued + " queued (--fresh starts over)");
  }

  @Override
  public void progress(CrawlStats stats) {
    progress.progress(stats);
  }

  @Override
  public void finished(CrawlStats stats) {
    progress.finished(stats);
  }
}
