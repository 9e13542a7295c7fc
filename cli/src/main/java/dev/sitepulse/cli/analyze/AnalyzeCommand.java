package dev.sitepulse.cli.analyze;

import dev.sitepulse.analytics.AnalyticsBackend;
import dev.sitepulse.analytics.DeviceChoice;
import dev.sitepulse.analytics.DeviceFailedException;
import dev.sitepulse.analytics.DeviceUnavailableException;
import dev.sitepulse.analytics.Devices;
import dev.sitepulse.analytics.NearDuplicates;
import dev.sitepulse.analytics.PageRankConfig;
import dev.sitepulse.analytics.PageRankResult;
import dev.sitepulse.cli.Choices;
import dev.sitepulse.cli.DataOption;
import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.cli.NotACrawlDb;
import dev.sitepulse.cli.UncommittedPages;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.crawler.index.TermStats;
import dev.sitepulse.crawler.store.AnalysisStore;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.crawler.store.LinkGraph;
import dev.sitepulse.pinger.DataDirLock;
import dev.sitepulse.pinger.IoErrors;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Batch analytics over a crawl: PageRank of the link graph, near-duplicate pages "
          + "(SimHash) and the site's top terms. --device auto runs on an OpenCL GPU for crawls "
          + "of 2^20 pages or links and more, else in Java; both give the same answers. It writes ranks and duplicate clusters "
          + "back to crawl.db."
    },
    footer = {"", "Exit codes: 0 done, 2 analysis failed, 3 usage error (no crawl, no such device)."})
public final class AnalyzeCommand implements Callable<Integer> {

  /** Output formats of analyze. */
  public enum Format { TABLE, JSON }

  static final class Formats extends Choices {
    Formats() {
      super(Format.class);
    }
  }

  @Option(names = "--data", paramLabel = "DIR", defaultValue = DataDirLock.DEFAULT_FOLDER, description = "Where the crawl is (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto", converter = Device.class, description = "auto, cpu, opencl or opencl:N (default ${DEFAULT-VALUE}).")
  DeviceChoice device;

  @Option(names = "--list-devices", description = "List the devices that can run the analytics, and exit.")
  boolean listDevices;

  @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "How many pages and terms to show (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--max-distance", paramLabel = "BITS", defaultValue = "3", description = "SimHash bits two near-duplicates may differ in (default ${DEFAULT-VALUE}).")
  int maxDistance;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", completionCandidates = Formats.class, description = "table or json (default ${DEFAULT-VALUE}).")
  Format format;

  /** Dates the analysis stored in crawl.db. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws SQLException {
    PrintStream out = System.out;
    if (listDevices) {
      if (format == Format.JSON) {
        DeviceList.writeJson(Devices.list(), Devices.openClStatus(), out);
      } else {
        DeviceList.print(Devices.list(), Devices.openClStatus(), out);
      }
      return ExitCode.OK;
    }
    DataOption.requireFolder(data);
    if (top < 1) {
      throw new UsageException("--top must be at least 1, got " + top);
    }
    if (maxDistance < 0 || maxDistance > 63) {
      throw new UsageException("--max-distance must be within 0..63 (bits of a 64-bit SimHash), got " + maxDistance);
    }
    DataOption.requireReadable(data);
    Path crawlDb = data.resolve(CrawlDb.FILE_NAME);
    if (Files.exists(data) && !Files.isDirectory(data)) { // "run crawl --data FILE" would fail too
      throw new UsageException("no crawl in " + data + ": it is a file, and --data names a crawl's folder");
    }
    if (Files.isDirectory(crawlDb)) {
      throw new UsageException("no crawl in " + data + ": its crawl.db is a folder, not a database");
    }
    if (!Files.isRegularFile(crawlDb)) {
      throw new UsageException("no crawl in " + data + "; run sitepulse crawl --data " + data + " SEED first");
    }
    if (crawlDb.toFile().length() == 0) { // a regular file: 0 is its size, not a failed stat
      throw new UsageException("no crawl in " + data + ": its crawl.db is empty, as a crawl killed before it made"
          + " its tables leaves it; run sitepulse crawl --data " + data + " SEED");
    }
    AnalysisReport report;
    try {
      report = analyze(data, device, top, maxDistance, clock);
    } catch (SQLException e) { // writes are caught inside: this is reading, e.g. a folder SQLite may not write in
      System.err.println("sitepulse: cannot read " + crawlDb + ": " + e.getMessage());
      return ExitCode.CRITICAL;
    } catch (UncheckedIOException e) { // a damaged index, in one line as search says it
      System.err.println("sitepulse: " + e.getMessage());
      return ExitCode.CRITICAL;
    } catch (DeviceFailedException e) { // under auto, Java took over; a device chosen by name fails
      System.err.println("sitepulse: --device " + device + ": " + e.getMessage()
          + "; --device cpu gives the same answers");
      return ExitCode.CRITICAL;
    }
    if (format == Format.JSON) {
      report.writeJson(out);
    } else {
      report.writeTable(out);
    }
    if (report.notStored() != null) {
      System.err.println("sitepulse: ranks and clusters not stored in " + crawlDb + ": "
          + report.notStored());
      return ExitCode.CRITICAL;
    }
    return ExitCode.OK;
  }

  /**
   * Runs every analysis over the crawl in {@code data} and stores ranks and clusters in crawl.db,
   * dated by {@code clock}.
   */
  public static AnalysisReport analyze(Path data, DeviceChoice choice, int top, int maxDistance, Clock clock)
      throws SQLException {
    try {
      return analyze(data, batch -> Devices.open(choice, batch), top, maxDistance, clock);
    } catch (DeviceUnavailableException e) {
      throw new UsageException("--device " + choice + ": " + e.getMessage());
    }
  }

  /**
   * As {@link #analyze(Path, DeviceChoice, int, int, Clock)}, on the backend that {@code open} gives
   * for the larger of the two steps' batches.
   */
  static AnalysisReport analyze(Path data, LongFunction<AnalyticsBackend> open, int top,
      int maxDistance, Clock clock) throws SQLException {
    Path file = data.resolve(CrawlDb.FILE_NAME);
    if (CrawlDb.makerOf(file) == CrawlDb.Maker.ANOTHER_PROGRAM) { // worded as crawl and report word it
      throw new UsageException(file + ": " + CrawlDb.ANOTHER_PROGRAMS);
    }
    try (AnalysisStore db = AnalysisStore.open(file)) {
      CrawlGraph crawl;
      try {
        crawl = CrawlGraph.load(db);
      } catch (SQLException e) {
        UsageException notACrawlDb = NotACrawlDb.of(file, data, e);
        if (notACrawlDb != null) { // a table or column: said as what, not as SQLite's error
          throw notACrawlDb;
        }
        if (IoErrors.notADatabase(e)) { // a file of another kind: no crawl wrote it either
          throw new UsageException("no crawl in " + data + ": its crawl.db is not an SQLite database");
        }
        throw e;
      } catch (LinkGraph.NotARowIdException e) { // no crawl writes one: no input it could read
        throw new UsageException(file + ": " + e.getMessage() + " (edited by hand, or damaged); crawl again with --fresh");
      }
      // One backend for both steps: on a device, one context and queue; PageRank's buffers are
      // given back when the pair scan starts.
      PageRankResult pr;
      NearDuplicates nd;
      try (AnalyticsBackend backend = open.apply(Math.max(crawl.graph.edgeCount(), crawl.simHashes.length))) {
        pr = backend.pageRank(crawl.graph, PageRankConfig.DEFAULTS.withTopN(top));
        nd = backend.nearDuplicates(crawl.simHashes, maxDistance);
      }
      List<int[]> clusters = new ArrayList<>();
      for (int c = 0; c < nd.clusters().count(); c++) {
        clusters.add(nd.clusters().members(c));
      }
      TermStats.Result terms = Files.isDirectory(data.resolve("index"))
          ? TermStats.top(data.resolve("index"), top)
          : null;
      // Stored last, once everything is computed: a crawl.db that cannot be written (read-only,
      // locked by a running crawl) still gets its analysis printed.
      String notStored = null;
      try {
        crawl.store(db, pr.ranks(), clusters, clock.instant());
      } catch (SQLException e) {
        notStored = e.getMessage();
      }
      // Terms come from the index's last commit: pages recorded since are left out, and said so.
      return new AnalysisReport(crawl, pr, nd, terms, notStored, terms == null ? null : UncommittedPages.saidOf(data));
    }
  }

  /** Any case in; a device that is none of them is refused in the words of every other choice. */
  static final class Device implements ITypeConverter<DeviceChoice> {
    @Override
    public DeviceChoice convert(String text) {
      try {
        return DeviceChoice.parse(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected one of auto, cpu, opencl, opencl:N, got \"" + text + "\"");
      }
    }
  }
}
