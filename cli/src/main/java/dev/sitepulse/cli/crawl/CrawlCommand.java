package dev.sitepulse.cli.crawl;

import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.cli.ProgressLine;
import dev.sitepulse.cli.QueuedOutput;
import dev.sitepulse.cli.StopOnSignal;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.crawler.CrawlStart;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.Crawler;
import dev.sitepulse.pinger.config.Durations;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "crawl",
    mixinStandardHelpOptions = true,
    description = {
      "Crawls a site politely into a local search index (DATA/index) and crawl state (DATA/crawl.db).",
      "Obeys robots.txt, reads sitemaps, and resumes after a kill when run again with the same --data."
    },
    footer = {"", "Options override the config's crawl: section. Exit codes: 0 done, 2 the crawl failed, fetched nothing at all or could not archive every response (--warc), 3 usage or config error, 130 stopped by Ctrl-C or SIGTERM (what was fetched is committed)."})
public final class CrawlCommand implements Callable<Integer> {

  @Mixin CrawlOptions options;

  @Option(names = "--data", paramLabel = "DIR", description = "Where crawl.db, index/ and warc/ are kept (default sitepulse-data).")
  void data(String dir) {
    options.data(dir);
  }

  @Option(names = "--timeout", paramLabel = "DURATION", description = "Per fetch, body included (default 30s).")
  void timeout(Duration t) {
    options.timeout(t);
  }

  @Option(names = "--max-backoff", paramLabel = "DURATION", description = "Most time 429 and 503 answers may hold one host back in all, Retry-After waits added up; then its other URLs are left for a later run (default 5m).")
  void maxBackoff(Duration d) {
    options.maxBackoff(d);
  }

  @Option(names = "--warc", description = "Also write every response to DATA/warc as WARC 1.1.")
  Boolean warc;

  @Option(names = "--fresh", description = "Forget DATA's earlier crawl and start over (default resume it).")
  boolean fresh;

  @Option(names = "--resume", description = "Continue the crawl in DATA (the default; here for scripts that say so).")
  boolean resume;

  @Option(names = "--refresh", description = "Crawl the site in DATA again, keeping its index "
      + "searchable meanwhile: every known URL is fetched anew, conditionally (304 Not Modified) "
      + "where the last response allows it.")
  boolean refresh;

  @Override
  public Integer call() {
    // Bad seeds and settings fail here, as usage errors, before anything is fetched.
    CrawlConfig crawl = CrawlOptions.toConfig(spec(), start());
    PrintStream out = System.out;
    try (StopOnSignal signals =
        new StopOnSignal("the crawl", "stopping: the fetches in flight have " + Durations.format(CrawlStop.GRACE)
            + " to finish (the rest are cut and stay queued);"
            + " committing what they bring")) {
      CrawlStats stats;
      // The loop draws progress and logs warnings on stderr: a reader that is behind must not hold it.
      try (QueuedOutput stderr = QueuedOutput.stderr()) {
        stats = Crawler.run(crawl, new ResumeNotice(new Progress(new ProgressLine(System.err, "crawl")),
            crawl.dataDir(), System.err), signals.stop());
      } catch (CrawlException e) { // said after every line the crawl wrote
        System.err.println("sitepulse: " + e.getMessage());
        return signals.failedExitCode();
      } // every line the crawl wrote is out: the summary comes after them
      Summary.print(stats, crawl, signals.stoppedBy(), out);
      String login = Summary.loginHint(stats, crawl);
      if (login != null) {
        out.flush();
        System.err.println("sitepulse: " + login);
      }
      if (signals.stoppedBy() != null) {
        return ExitCode.INTERRUPTED;
      }
      if (fetchedNothing(stats)) {
        // `crawl URL && search ...` must not go on to search an empty index as if the crawl worked.
        out.flush();
        System.err.println("sitepulse: nothing was fetched: no page of this crawl got an answer"
            + " (each failed, was disallowed by robots.txt, or was left queued; see above)");
        return ExitCode.CRITICAL;
      }
      // crawl.db and the index hold every page, but the archive asked for does not: a partial result
      return stats.responsesNotArchived() > 0 ? ExitCode.CRITICAL : ExitCode.OK;
    }
  }

  /** The crawl's settings as given, over the config's crawl: section. */
  public CrawlSpec spec() {
    return options.spec(warc, CrawlSpec.NONE);
  }

  /**
   * The crawl had URLs to fetch and got no HTTP answer for any: every one failed, was left queued
   * on a host given up on (it, or its robots.txt, did not answer) or robots.txt disallowed it.
   * Some errors beside pages that answered, a resume with nothing left to fetch, and a run that
   * stopped at --max-pages with a 429 or 503 to try again (an answer, left queued) are a crawl
   * that worked.
   */
  static boolean fetchedNothing(CrawlStats s) {
    return s.statuses().isEmpty()
        && (s.errorCount() > 0 || s.leftOnUnreachableHosts() > 0 || s.robotsBlocked() > 0);
  }

  private CrawlStart start() {
    if (fresh && resume || fresh && refresh || resume && refresh) {
      throw new UsageException("--fresh, --resume and --refresh contradict each other; give one");
    }
    return fresh ? CrawlStart.FRESH : refresh ? CrawlStart.REFRESH : CrawlStart.RESUME;
  }
}
