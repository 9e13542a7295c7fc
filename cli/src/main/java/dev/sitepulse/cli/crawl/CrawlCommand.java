package dev.sitepulse.cli.crawl;

import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.cli.config.SitepulseConfig;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.Crawler;
import dev.sitepulse.crawler.Scope;
import dev.sitepulse.pinger.config.DataSize;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "crawl",
    mixinStandardHelpOptions = true,
    description = {
      "Crawls a site politely into a local search index (DATA/index) and crawl state (DATA/crawl.db).",
      "Obeys robots.txt, reads sitemaps, and resumes after a kill when run again with the same --data."
    },
    footer = {"", "Options override the config's crawl: section. Exit codes: 0 done, 2 the crawl failed, 3 usage or config error."})
public final class CrawlCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SEED", arity = "0..*", description = "Start URLs (or crawl.seeds in the config).")
  List<String> seeds;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "A sitepulse YAML config with a crawl: section.")
  Path config;

  @Option(names = "--data", paramLabel = "DIR", description = "Where crawl.db, index/ and warc/ live (default ./sitepulse-data).")
  String data;

  @Option(names = "--max-pages", paramLabel = "N", description = "Stop after this many pages (default: no limit).")
  Integer maxPages;

  @Option(names = "--max-depth", paramLabel = "N", description = "Links followed from a seed (default 10).")
  Integer maxDepth;

  @Option(names = "--scope", paramLabel = "SCOPE", description = "host, domain, prefix or regex (default host: each seed's host).")
  Scope scope;

  @Option(names = "--scope-regex", paramLabel = "REGEX", description = "With --scope regex: URLs to crawl.")
  Pattern scopeRegex;

  @Option(names = "--include", paramLabel = "REGEX", description = "Only follow URLs matching this.")
  Pattern include;

  @Option(names = "--exclude", paramLabel = "REGEX", description = "Never follow URLs matching this.")
  Pattern exclude;

  @Option(names = "--concurrency", paramLabel = "N", description = "Fetches at once, over all hosts (default 32).")
  Integer concurrency;

  @Option(names = "--per-host", paramLabel = "N", description = "Connections per host (default 2).")
  Integer perHost;

  @Option(names = "--delay", paramLabel = "DURATION", description = "Between fetches to one host (default 250ms); robots.txt Crawl-delay wins, capped at 30s.")
  Duration delay;

  @Option(names = "--timeout", paramLabel = "DURATION", description = "Per fetch, body included (default 30s).")
  Duration timeout;

  @Option(names = "--max-body", paramLabel = "SIZE", description = "Most bytes read per page (default 10MiB).")
  DataSize maxBody;

  @Option(names = "--user-agent", paramLabel = "UA", description = "Sent with every request; its first word is matched in robots.txt (default sitepulse).")
  String userAgent;

  @Option(names = "--warc", description = "Also write every response to DATA/warc as WARC 1.1.")
  Boolean warc;

  @Option(names = "--fresh", description = "Forget DATA's earlier crawl and start over (default: resume it).")
  boolean fresh;

  @Option(names = "--resume", description = "Continue the crawl in DATA (the default; here for scripts that say so).")
  boolean resume;

  @Option(names = "--ignore-robots", description = "Do not read robots.txt. Only for sites you may crawl regardless.")
  Boolean ignoreRobots;

  @Override
  public Integer call() {
    if (fresh && resume) {
      throw new UsageException("--fresh and --resume contradict each other; give one");
    }
    CrawlSpec fromFile = config == null ? CrawlSpec.NONE : SitepulseConfig.read(config).crawl();
    CrawlConfig crawl;
    try {
      CrawlSpec fromFlags = new CrawlSpec(seeds, data, maxPages, maxDepth, scope, scopeRegex, include,
          exclude, concurrency, perHost, delay, timeout, maxBody, userAgent, warc, ignoreRobots);
      crawl = fromFlags.over(fromFile).toConfig(!fresh);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    PrintStream out = System.out;
    try {
      CrawlStats stats = Crawler.run(crawl, new Progress(System.err));
      Summary.print(stats, crawl, out);
      return ExitCode.OK;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage()); // a seed that is not an http(s) URL
    } catch (CrawlException e) {
      System.err.println("sitepulse: " + e.getMessage());
      return ExitCode.CRITICAL;
    }
  }
}
