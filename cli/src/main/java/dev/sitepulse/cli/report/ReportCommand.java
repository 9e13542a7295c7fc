package dev.sitepulse.cli.report;

import dev.sitepulse.cli.Choices;
import dev.sitepulse.cli.DataOption;
import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.cli.Shortened;
import dev.sitepulse.cli.UnreadableException;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.pinger.DataDirLock;
import dev.sitepulse.pinger.config.Durations;
import dev.sitepulse.pinger.history.HistoryException;
import dev.sitepulse.pinger.history.HistoryReader;
import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.history.TargetInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Reports on what a data folder holds: the watch history (history.db) and a crawl (crawl.db).",
      "Per target: availability %%, incidents (DOWN periods with start, end, count and "
          + "total), latency p50/p95/p99/max, status codes, errors (timeouts, error kinds) and the soonest "
          + "certificate expiry.",
      "For a crawl: URLs by state, status codes, errors, fetch latency, broken links (checked offline), "
          + "the slowest and largest pages, and what analyze stored (PageRank, near-duplicates).",
      "--format html writes one self-contained page with charts."
    },
    footer = {"", "Exit codes: 0 report written, 2 a history.db or crawl.db that cannot be read, 3 usage error,"
        + " nothing to report on, or an output file that cannot be written."})
public final class ReportCommand implements Callable<Integer> {

  static final class Formats extends Choices {
    Formats() {
      super(ReportFormat.class);
    }
  }

  @Option(names = "--data", paramLabel = "DIR",
      description = "The folder of history.db, crawl.db or both (default " + DataDirLock.DEFAULT_FOLDER + ").")
  Path data;

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "24h",
      description = "How far back the history report goes (default ${DEFAULT-VALUE}).")
  Duration since;

  @Option(names = "--target", paramLabel = "NAME", description = "Only this target of the history.")
  String target;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      completionCandidates = Formats.class,
      description = "table, json or html (default ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path output;

  Clock clock = Clock.systemUTC();

  /** Target names an unknown --target's error lists. */
  static final int KNOWN_SHOWN = 10;

  @Override
  public Integer call() throws IOException {
    // Given none, the history is where watch keeps it (a former ./data too), the crawl where crawl does.
    Path historyDir = data != null ? DataOption.requireFolder(data) : DataOption.historyDefault(Path.of(""), System.err);
    Path crawlDir = data != null ? data : Path.of(DataDirLock.DEFAULT_FOLDER);
    String where = historyDir.equals(crawlDir) ? historyDir.toString() : crawlDir + " or " + historyDir;
    if (since.isZero() || since.isNegative()) {
      throw new UsageException("--since must be positive, got " + (since.isZero() ? "0" : Durations.format(since)));
    }
    if (output != null && output.toString().isEmpty()) { // Path.of("") is the working folder
      throw new UsageException("-o needs a file name");
    }
    DataOption.requireReadable(historyDir);
    DataOption.requireReadable(crawlDir);
    boolean hasCrawl = Files.exists(crawlDir.resolve(CrawlDb.FILE_NAME));
    // A file given as the folder, or a history.db that is no history: the history's own errors say so.
    boolean hasHistory = Files.exists(historyDir.resolve(SqliteHistory.FILE_NAME)) || Files.isRegularFile(historyDir);
    if (!hasHistory && !hasCrawl) {
      throw new UsageException("nothing to report on in " + where + ": no history.db (sitepulse watch writes it)"
          + " and no crawl.db (sitepulse crawl writes it)");
    }
    if (target != null && !hasHistory) {
      throw new UsageException("--target names a target of the watch history, and " + historyDir + " has none");
    }
    Instant until = clock.instant();
    Report report = null;
    SiteReport site = null;
    RuntimeException siteUnread = null;
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      if (hasHistory) {
        report = history(historyDir, stats, until);
      }
      if (hasCrawl) {
        try {
          site = SiteReader.read(crawlDir, stats);
        } catch (UnreadableException | UsageException e) {
          // The history is still worth its report: beside it, a crawl.db that cannot be read, is
          // empty (a crawl killed before it made its tables) or is no crawl's costs its section only.
          if (report == null) {
            throw e;
          }
          siteUnread = e;
        }
      }
    }
    Report r = report;
    SiteReport s = site;
    if (output == null) {
      format.write(r, s, until, System.out);
    } else {
      ReportFile.write(output, out -> format.write(r, s, until, out));
    }
    if (siteUnread != null) {
      System.err.println("sitepulse: no site section: " + siteUnread.getMessage());
      return ExitCode.CRITICAL;
    }
    return 0;
  }

  /** The site section of a crawl folder's report, as a table; for the demo. */
  public static void writeSiteTable(Path data, PrintStream out) {
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      SiteTable.write(SiteReader.read(data, stats), out);
    }
  }

  /**
   * The first {@link #KNOWN_SHOWN} target names on one line, each as the table shows it: a watch of
   * 1000 targets made the error one line of thousands of characters, and a name's newline or bidi
   * override broke or turned the line around.
   */
  static String known(List<TargetInfo> targets) {
    String shown = targets.stream().limit(KNOWN_SHOWN).map(t -> Shortened.line(t.name()))
        .collect(Collectors.joining(", "));
    return targets.size() <= KNOWN_SHOWN ? shown : shown + " and " + (targets.size() - KNOWN_SHOWN) + " more";
  }

  private Report history(Path dir, LatencyStatistics stats, Instant until) {
    HistoryReader history;
    try {
      history = SqliteHistory.openForReading(dir);
    } catch (HistoryException e) { // missing, no history or no SQLite file: the user's; else unreadable
      throw e.unreadable() ? new UnreadableException(e.getMessage()) : new UsageException(e.getMessage());
    }
    try {
      if (target != null) {
        var targets = history.targets();
        if (targets.stream().noneMatch(t -> t.name().equals(target))) {
          throw new UsageException("no history for target \"" + target + "\" in "
              + dir.resolve(SqliteHistory.FILE_NAME) + " (known: " + known(targets) + ")");
        }
      }
      return new ReportBuilder(history, stats).build(until.minus(since), until, target);
    } catch (HistoryException e) { // opened as a history, then a query failed
      throw new UnreadableException(e.getMessage());
    }
  }
}
