package dev.sitepulse.cli.demo;

import dev.sitepulse.analytics.DeviceChoice;
import dev.sitepulse.cli.Converters;
import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.cli.StopOnSignal;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.cli.analyze.AnalyzeCommand;
import dev.sitepulse.cli.config.SitepulseConfig;
import dev.sitepulse.cli.crawl.CrawlCommand;
import dev.sitepulse.cli.crawl.Summary;
import dev.sitepulse.cli.links.LinksCommand;
import dev.sitepulse.cli.links.LinksTable;
import dev.sitepulse.cli.ping.PingCommand;
import dev.sitepulse.cli.ping.PingRun;
import dev.sitepulse.cli.report.ReportCommand;
import dev.sitepulse.cli.search.SearchTable;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.crawler.CrawlStart;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.Crawler;
import dev.sitepulse.crawler.search.InvalidQueryException;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.pinger.format.ResultFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the built-in WireMock stubs on loopback and runs sitepulse against them: ping"
          + " over every kind of outcome, then a crawl of the stub docs site, its broken links, "
          + "analytics (PageRank, near-duplicates, terms), a report on it and three searches of it (one misspelt).",
      "Needs no network. The failures it shows are the point: every verdict and most error kinds appear."
    },
    footer = {"", "Exit codes: 0 the demo ran, whatever its checks found (a crawl or analysis that failed"
        + " included, which it prints), 2 it could not run (its server did not start), 3 usage error, 130"
        + " stopped by Ctrl-C or SIGTERM."})
public final class DemoCommand implements Callable<Integer> {

  static final String CONFIG = "/config/demo.yaml";

  /**
   * The settings of the crawls and the link check, as the commands shown are typed: crawl's and
   * links' own options read them, defaults and all, so that each shown is the one that ran. A
   * timeout far past the stub site's slowest page (3 s), so that a loaded machine's crawl gets
   * every page too; nothing there hangs, so the demo waits for none of it.
   */
  private static final List<String> OPTIONS = List.of("--delay", "0", "--per-host", "4", "--timeout", "30s");

  @Override
  public Integer call() throws IOException {
    // Ctrl-C ends the demo as the JVM's own handler would (130, shutdown hooks run); taken here so
    // that a demo started with SIGINT ignored, which the JVM keeps so, says it cannot be.
    try (StopOnSignal signals = StopOnSignal.quittingAtOnce("the demo")) {
      return run(System.out, new CompletableFuture<>());
    }
  }

  /**
   * @param pingStop stops the ping as a signal does, with its name; the ping's own handlers take
   *     the place of the demo's while it runs, so a signal then ends the ping, which ends the demo
   */
  static int run(PrintStream out, CompletableFuture<String> pingStop) throws IOException {
    try (DemoServer server = DemoServer.start()) {
      out.println("== WireMock demo server on " + server.httpUrl() + " and " + server.httpsUrl());
      out.println();
      out.println("== sitepulse ping -c demo.yaml");
      if (PingCommand.execute(pingRun(server), ResultFormat.TABLE, out, pingStop) == ExitCode.INTERRUPTED) {
        return ExitCode.INTERRUPTED;
      }
      crawlAndSearch(server.httpUrl() + "/site/index.html", out);
    }
    return 0;
  }

  /** Crawls the stub docs site into a temporary data directory, then searches it three times (once misspelt). */
  private static void crawlAndSearch(String seed, PrintStream out) throws IOException {
    Path data = Files.createTempDirectory("sitepulse-demo-");
    List<String> args = args(List.of("--data", data.toString()), OPTIONS, List.of(seed));
    out.println();
    out.println("== sitepulse crawl " + String.join(" ", args));
    CrawlSpec spec = Converters.parsed(new CrawlCommand(), args).spec();
    CrawlConfig crawl = spec.toConfig(CrawlStart.FRESH);
    try {
      CrawlStats stats = Crawler.run(crawl, CrawlListener.NONE);
      Summary.print(stats, crawl, out);
      refresh(spec, args, out);
      links(seed, out);
    } catch (CrawlException e) {
      out.println("crawl failed: " + e.getMessage());
      return;
    }
    if (!analyze(data, out)) {
      return;
    }
    out.println();
    out.println("== sitepulse report --data " + data);
    ReportCommand.writeSiteTable(data, out);
    try (PageSearcher searcher = PageSearcher.open(crawl.indexDir())) {
      for (String query : List.of("widget cache", "title:installing", "widgte cache")) {
        out.println();
        out.println("== sitepulse search --data " + data + " --limit 3 '" + query + "'");
        SearchTable.write(searcher.search(query, 3), out, false);
      }
    } catch (InvalidQueryException e) {
      throw new IllegalStateException("the demo's own queries are valid", e);
    }
  }

  /**
   * Analyzes the crawl in {@code data} as {@code analyze --top 5} does; false, having said so, when
   * its crawl.db could not be read (the one failure analyze reports as an exception).
   */
  static boolean analyze(Path data, PrintStream out) {
    out.println();
    out.println("== sitepulse analyze --data " + data + " --top 5");
    try {
      AnalyzeCommand.analyze(data, DeviceChoice.AUTO, 5, 3, Clock.systemUTC()).writeTable(out);
      return true;
    } catch (SQLException | UsageException | UncheckedIOException e) { // unreadable, foreign or damaged
      out.println("analyze failed: " + e.getMessage());
      return false;
    }
  }

  /** Crawls the site again over that crawl: its pages answer 304, so nothing is re-parsed. */
  private static void refresh(CrawlSpec spec, List<String> args, PrintStream out) throws CrawlException {
    out.println();
    out.println("== sitepulse crawl --refresh " + String.join(" ", args));
    CrawlConfig again = spec.toConfig(CrawlStart.REFRESH);
    Summary.print(Crawler.run(again, CrawlListener.NONE), again, out);
  }

  /**
   * Checks the stub site's links with a link-check crawl of its own, as {@code links} does: the
   * search crawl does not keep the links' source lines.
   */
  private static void links(String seed, PrintStream out) throws IOException, CrawlException {
    out.println();
    out.println("== sitepulse links " + String.join(" ", linksArgs(seed)));
    LinksTable.write(linkCheck(seed).checkInTemporaryFolder(), out);
  }

  /** The link check the demo shows, as links reads its command line. */
  static LinksCommand linkCheck(String seed) {
    return Converters.parsed(new LinksCommand(), linksArgs(seed));
  }

  private static List<String> linksArgs(String seed) {
    return args(OPTIONS, List.of("--check-anchors", seed));
  }

  @SafeVarargs
  private static List<String> args(List<String>... parts) {
    return Stream.of(parts).flatMap(List::stream).toList();
  }

  /** The demo config, with the server's addresses filled in as ${DEMO_HTTP} and ${DEMO_HTTPS}. */
  private static PingRun pingRun(DemoServer server) throws IOException {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("DEMO_HTTP", server.httpUrl());
    env.put("DEMO_HTTPS", server.httpsUrl());
    String text;
    try (InputStream in = DemoCommand.class.getResourceAsStream(CONFIG)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    SitepulseConfig config = SitepulseConfig.read(text, "demo.yaml", env);
    return PingRun.from(config, PingRun.Overrides.NONE, List.of());
  }
}
