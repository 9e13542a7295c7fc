package dev.sitepulse.cli.links;

import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.cli.config.SitepulseConfig;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.Crawler;
import dev.sitepulse.crawler.Scope;
import dev.sitepulse.crawler.links.LinkChecker;
import dev.sitepulse.crawler.links.LinkReport;
import dev.sitepulse.pinger.config.DataSize;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "links",
    mixinStandardHelpOptions = true,
    description = {
      "Crawls a site and reports every broken link: the target, why it is broken, its "
          + "redirect chain, and each page that links to it with the anchor text and line number."
    },
    footer = {"", "Exit codes: 0 no broken links, 2 some broken, 3 usage or config error (CI-friendly)."})
public final class LinksCommand implements Callable<Integer> {

  /** Output formats of links. */
  public enum Format { TABLE, JSON, CSV, JUNIT }

  /** Whether links leaving the crawl's scope are checked. */
  public enum External { CHECK, SKIP }

  @Parameters(paramLabel = "SEED", arity = "0..*", description = "Start URLs (or crawl.seeds in the config).")
  List<String> seeds;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "A sitepulse YAML config with a crawl: section.")
  Path config;

  @Option(names = "--external", paramLabel = "MODE", defaultValue = "check", description = "check or skip links that leave the site (default ${DEFAULT-VALUE}).")
  External external;

  @Option(names = "--check-anchors", description = "A link to page.html#frag is broken when page.html has no such id or name.")
  boolean checkAnchors;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, json, csv or junit (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--data", paramLabel = "DIR", description = "Keep the crawl here (default: a temporary directory, removed afterwards).")
  String data;

  @Option(names = "--max-pages", paramLabel = "N") Integer maxPages;
  @Option(names = "--max-depth", paramLabel = "N") Integer maxDepth;
  @Option(names = "--scope", paramLabel = "SCOPE", description = "host, domain, prefix or regex (default host).") Scope scope;
  @Option(names = "--scope-regex", paramLabel = "REGEX") Pattern scopeRegex;
  @Option(names = "--include", paramLabel = "REGEX") Pattern include;
  @Option(names = "--exclude", paramLabel = "REGEX") Pattern exclude;
  @Option(names = "--concurrency", paramLabel = "N") Integer concurrency;
  @Option(names = "--per-host", paramLabel = "N") Integer perHost;
  @Option(names = "--delay", paramLabel = "DURATION") Duration delay;
  @Option(names = "--timeout", paramLabel = "DURATION", description = "Per fetch or check (default 10s).") Duration timeout;
  @Option(names = "--max-body", paramLabel = "SIZE") DataSize maxBody;
  @Option(names = "--user-agent", paramLabel = "UA") String userAgent;
  @Option(names = "--ignore-robots") Boolean ignoreRobots;

  @Override
  public Integer call() throws IOException {
    CrawlSpec fromFile = config == null ? CrawlSpec.NONE : SitepulseConfig.read(config).crawl();
    Path temp = data == null ? Files.createTempDirectory("sitepulse-links-") : null;
    String dir = data != null ? data : temp.toString();
    CrawlConfig crawl;
    try {
      CrawlSpec fromFlags = new CrawlSpec(seeds, dir, maxPages, maxDepth, scope, scopeRegex, include,
          exclude, concurrency, perHost, delay, timeout != null ? timeout : Duration.ofSeconds(10),
          maxBody, userAgent, false, ignoreRobots);
      crawl = fromFlags.over(fromFile).toConfig(data != null)
          .withPurpose(CrawlPurpose.LINK_CHECK);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    try {
      CrawlStats stats = Crawler.run(crawl, CrawlListener.NONE);
      LinkReport report = LinkChecker.check(crawl, external == External.CHECK, checkAnchors, stats.skippedLinks());
      PrintStream out = System.out;
      switch (format) {
        case TABLE -> LinksTable.write(report, out);
        case JSON -> LinksJson.write(report, out);
        case CSV -> LinksCsv.write(report, out);
        case JUNIT -> LinksJunit.write(report, out);
      }
      out.flush();
      return report.broken().isEmpty() ? ExitCode.OK : ExitCode.CRITICAL;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage()); // a seed that is not an http(s) URL
    } catch (CrawlException e) {
      System.err.println("sitepulse: " + e.getMessage());
      return ExitCode.CRITICAL;
    } finally {
      if (temp != null) {
        deleteTree(temp);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
