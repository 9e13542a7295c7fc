package dev.sitepulse.cli.links;

import dev.sitepulse.cli.Amounts;
import dev.sitepulse.cli.Choices;
import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.cli.ProgressLine;
import dev.sitepulse.cli.QueuedOutput;
import dev.sitepulse.cli.StopOnSignal;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.cli.crawl.CrawlOptions;
import dev.sitepulse.cli.crawl.Progress;
import dev.sitepulse.cli.crawl.Summary;
import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.crawler.CrawlStart;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.links.LinkCheckListener;
import dev.sitepulse.crawler.links.LinkChecker;
import dev.sitepulse.crawler.links.LinkReport;
import dev.sitepulse.crawler.store.CrawlDb;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "links",
    mixinStandardHelpOptions = true,
    description = {
      "Crawls a site and reports every broken link, and every broken image, stylesheet, script or "
          + "other resource its pages embed: the target, why it is broken, its redirect chain, and "
          + "each page that links to it or embeds it, with the anchor text and line number."
    },
    footer = {"", "Exit codes: 0 no broken links, 2 some broken, or a seed that robots.txt disallows, or"
        + " nothing could be checked, or the crawl failed, or its WARC (warc: true) lacks responses, 3 usage or config error (warc: true without --data"
        + " too), 130 stopped by Ctrl-C or SIGTERM (what was found by then is"
        + " reported, and the targets and anchors not checked listed; a stop that came too late to leave any"
        + " exits as the report says)."})
public final class LinksCommand implements Callable<Integer> {

  /** Output formats of links. */
  public enum Format { TABLE, JSON, CSV, JUNIT }

  /** Whether links leaving the crawl's scope are checked. */
  public enum External { CHECK, SKIP }

  static final class Formats extends Choices {
    Formats() {
      super(Format.class);
    }
  }

  static final class Modes extends Choices {
    Modes() {
      super(External.class);
    }
  }

  /**
   * What links changes in the crawl's defaults: a dead link should not hold the check for 30 s,
   * nor a host that keeps answering 429 or 503 for minutes (LinkChecker and lychee wait seconds):
   * past 30 s of its waits, its links are reported with the answer they got.
   */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private static final CrawlSpec DEFAULTS =
      CrawlSpec.NONE.withTimeout(Duration.ofSeconds(10)).withMaxBackoff(MAX_BACKOFF);

  @Mixin CrawlOptions options;

  @Option(names = "--data", paramLabel = "DIR", description = "Keep the link check's crawl.db in DIR (default a temporary directory, removed afterwards).")
  void data(String dir) {
    options.data(dir);
  }

  @Option(names = "--timeout", paramLabel = "DURATION", description = "Per fetch and per external check (default 10s).")
  void timeout(Duration t) {
    options.timeout(t);
  }

  @Option(names = "--max-backoff", paramLabel = "DURATION", description = "Most time 429 and 503 answers may hold one host back in all, Retry-After waits added up; past it, its links are reported with the answer they got (default 30s).")
  void maxBackoff(Duration d) {
    options.maxBackoff(d);
  }

  @Option(names = "--external", paramLabel = "MODE", defaultValue = "check", completionCandidates = Modes.class, description = "check or skip what the crawl did not fetch: links that leave the site or were not reached, and other sites' resources; the site's own resources are crawled either way (default ${DEFAULT-VALUE}).")
  External external;

  @Option(names = "--ignore", paramLabel = "REGEX", description = "Targets matching this are not checked, only counted as skipped (sites that refuse checkers, links to a login page).")
  Pattern ignore;

  @Option(names = "--check-anchors", description = "A link to page.html#frag is broken when page.html has no such id or name.")
  boolean checkAnchors;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", completionCandidates = Formats.class, description = "table, json, csv or junit (default ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws IOException {
    CrawlSpec spec = spec();
    if (Boolean.TRUE.equals(spec.warc()) && spec.data() == null) {
      // The WARC would go with the temporary folder: an archive asked for, and silently never kept.
      throw new UsageException("crawl.warc: true needs --data DIR (or crawl.data) with links: without"
          + " one the crawl, and its WARC, go into a temporary folder deleted at the end");
    }
    StopOnSignal signals = new StopOnSignal("the link check", "stopping the link check to report what it found so far");
    // The crawl's loop draws progress and logs warnings on stderr: a reader that is behind must not hold it.
    QueuedOutput stderr = QueuedOutput.stderr();
    ProgressLine line = new ProgressLine(System.err, "links");
    try {
      return check(spec, signals, line, progress(line), stderr);
    } catch (CrawlException e) {
      stderr.close(); // what the crawl wrote comes first
      System.err.println("sitepulse: " + e.getMessage());
      return signals.failedExitCode();
    } finally {
      line.clear();
      stderr.close();
      signals.close();
    }
  }

  /** The link check's crawl settings as given, over the config's crawl: section, over links' defaults. */
  public CrawlSpec spec() {
    return options.spec(null, DEFAULTS);
  }

  /**
   * The crawl's progress, then the checks online: N of M targets. Ctrl-C in either ends them and
   * reports what they found (checks that keep to a site's Crawl-delay can take long).
   */
  private static LinkCheckListener progress(ProgressLine line) {
    Progress crawl = new Progress(line, "URL"); // images and scripts too: not the report's pages
    return new LinkCheckListener() {
      @Override
      public void progress(CrawlStats stats) {
        crawl.progress(stats);
      }

      @Override
      public void finished(CrawlStats stats) {
        crawl.finished(stats);
      }

      @Override
      public void checkedOnline(int done, int total) {
        line.show(done, total, done + " of " + Amounts.count(total, "target") + " checked online");
      }
    };
  }

  /** Bad seeds and settings were rejected with the spec; toConfig refuses what is left (no seed at all) as a usage error. */
  private int check(CrawlSpec spec, StopOnSignal signals, ProgressLine line, LinkCheckListener listener,
      QueuedOutput stderr) throws IOException, CrawlException {
    CrawlStop stop = signals.stop();
    LinkReport report = spec.data() == null
        ? checkInTemporaryFolder(spec, external == External.CHECK, checkAnchors, ignore, stop, listener)
        : LinkChecker.crawlAndCheck(CrawlOptions.toConfig(spec, CrawlStart.RESUME),
            external == External.CHECK, checkAnchors, ignore, stop, listener);
    line.clear(); // before the report, on a terminal's line
    stderr.close(); // and every line of the check written before it
    if (spec.data() != null) {
      warnIfFetchedForSearch(Path.of(spec.data()));
    }
    PrintStream out = System.out;
    switch (format) {
      case TABLE -> LinksTable.write(report, out);
      case JSON -> LinksJson.write(report, out);
      case CSV -> LinksCsv.write(report, out);
      case JUNIT -> LinksJunit.write(report, out);
    }
    out.flush();
    // The site's own targets got the seed's user and password: a 401 there says they were refused.
    String refused = Summary.refusedUserInfo(report.broken().stream()
        .filter(b -> b.status() == 401 && !b.external()).count(), "target", CrawlOptions.toConfig(spec, CrawlStart.RESUME));
    if (refused != null) {
      System.err.println("sitepulse: " + refused);
    }
    return exitCode(report, signals.stoppedBy(), System.err);
  }

  /**
   * What the report, once written, ends the run with, and the lines on stderr that say why.
   *
   * @param stoppedBy the signal that asked the check to stop, or null
   */
  static int exitCode(LinkReport report, String stoppedBy, PrintStream err) {
    if (!report.cutPages().isEmpty()) {
      err.println(LinksNotChecked.warning(report));
    }
    if (!report.binaryPages().isEmpty()) {
      err.println(LinksNotChecked.binaryWarning(report));
    }
    if (!report.linksCutPages().isEmpty()) {
      err.println(LinksNotChecked.linksCutWarning(report));
    }
    if (!report.triesCut().isEmpty()) {
      err.println(LinksNotChecked.triesCutWarning(report));
    }
    String warcLoss = LinksWarcLoss.said(report);
    if (warcLoss != null) { // as crawl's summary says it: the archive asked for is partial
      err.println("sitepulse: " + warcLoss);
    }
    if (report.stopped()) { // whatever it found: a partial check is not a passing one, nor a failing one
      err.println(LinksNotChecked.stoppedWarning(report, stoppedBy));
      return ExitCode.INTERRUPTED;
    }
    if (stoppedBy != null) { // too late to cut anything short: the report, and its exit code, stand
      err.println(LinksNotChecked.completeDespite(stoppedBy));
    }
    if (!report.seedsDisallowed().isEmpty()) {
      // Asked for by name and never checked: a check that passes in CI must have checked it. The
      // pages the crawl reached otherwise (its host's sitemap) are no check of it.
      report.seedsDisallowed().forEach(seed -> err.println(LinksNotChecked.seedDisallowed(seed)));
      return ExitCode.CRITICAL;
    }
    if (LinksNotChecked.nothingChecked(report)) { // seeds are targets too, so every seed was skipped
      err.println("sitepulse: no page could be checked: " + LinksNotChecked.NOTHING_CHECKED_WHY);
      return ExitCode.CRITICAL;
    }
    // The links are judged, but the archive asked for lacks responses: a partial result, as for crawl.
    return report.broken().isEmpty() && report.responsesNotArchived() == 0 ? ExitCode.OK : ExitCode.CRITICAL;
  }

  /**
   * Pages a crawl for search fetched are not fetched again, and it records neither their lines nor
   * what they embed: said with the report, so that no one reads "0 embedded resources" as none
   * broken.
   */
  private static void warnIfFetchedForSearch(Path data) {
    Path crawlDb = data.resolve(CrawlDb.FILE_NAME);
    if (Files.isRegularFile(crawlDb) && CrawlDb.makerOf(crawlDb) == CrawlDb.Maker.CRAWL) {
      System.err.println("sitepulse: the pages sitepulse crawl fetched into " + data + " were not fetched"
          + " again, so their images, scripts and stylesheets were not checked (a crawl for search does"
          + " not record them); links without --data, or with a --data of its own, checks them");
    }
  }

  /**
   * This link check, as its options were given, run as without --data: its crawl goes into a
   * temporary folder, deleted afterwards.
   */
  public LinkReport checkInTemporaryFolder() throws IOException, CrawlException {
    return checkInTemporaryFolder(spec(), external == External.CHECK, checkAnchors, ignore, new CrawlStop(),
        LinkCheckListener.NONE);
  }

  private static LinkReport checkInTemporaryFolder(CrawlSpec spec, boolean checkExternal,
      boolean checkAnchors, Pattern ignore, CrawlStop stop, LinkCheckListener listener)
      throws IOException, CrawlException {
    return checkInTemporaryFolder(spec, checkExternal, checkAnchors, ignore, stop, listener,
        TemporaryCrawlFolder::deleteTree);
  }

  /** As above, the folder removed at the end by {@code removal}: {@link TemporaryCrawlFolder#deleteTree} but in a test. */
  static LinkReport checkInTemporaryFolder(CrawlSpec spec, boolean checkExternal, boolean checkAnchors,
      Pattern ignore, CrawlStop stop, LinkCheckListener listener, TemporaryCrawlFolder.Removal removal)
      throws IOException, CrawlException {
    try (TemporaryCrawlFolder temp = TemporaryCrawlFolder.make(removal)) {
      return LinkChecker.crawlAndCheck(CrawlOptions.toConfig(spec.withData(temp.path().toString()),
          CrawlStart.FRESH), checkExternal, checkAnchors, ignore, stop, listener);
    }
  }
}
