package dev.sitepulse.cli.crawl;

import dev.sitepulse.cli.Choices;
import dev.sitepulse.cli.DataOption;
import dev.sitepulse.cli.HeaderOption;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.cli.config.SitepulseConfig;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlHeaders;
import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.crawler.CrawlStart;
import dev.sitepulse.crawler.Scope;
import dev.sitepulse.pinger.config.DataSize;
import dev.sitepulse.pinger.config.InvalidValueException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The crawl options that {@code crawl} and {@code links} share, and the config file's
 * {@code crawl:} section beneath them: one place decides how a flag, a key and a default combine.
 */
public final class CrawlOptions {

  static final class Scopes extends Choices {
    Scopes() {
      super(Scope.class);
    }
  }

  @Parameters(paramLabel = "SEED", arity = "0..*", description = "Start URLs (or crawl.seeds in the config).")
  List<String> seeds;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "A sitepulse YAML config with a crawl: section.")
  Path config;

  /** From {@code --data}, which each command declares with help of its own: their defaults differ. */
  String data;

  @Option(names = "--max-pages", paramLabel = "N", description = "Stop after this many pages (default no limit).")
  Integer maxPages;

  @Option(names = "--max-depth", paramLabel = "N", description = "Links followed from a seed (default 10).")
  Integer maxDepth;

  @Option(names = "--max-links-per-page", paramLabel = "N", description = "Links of a page read, in its order; those past N are not followed, recorded or checked, only counted (default 0: no cap).")
  Integer maxLinksPerPage;

  @Option(names = "--scope", paramLabel = "SCOPE", completionCandidates = Scopes.class, description = "host, domain, prefix or regex (default host: each seed's host).")
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

  @Option(names = "--delay", paramLabel = "DURATION", description = "Between fetches to one host (default 250ms); a Crawl-delay in robots.txt wins, capped at 30s.")
  Duration delay;

  /** From {@code --max-backoff}, declared by each command, whose defaults differ, as {@link #data} is. */
  Duration maxBackoff;

  /** From {@code --timeout}, declared by each command as {@link #data} is. */
  Duration timeout;

  @Option(names = "--max-body", paramLabel = "SIZE", description = "Most bytes read per page (default 10MiB).")
  DataSize maxBody;

  @Option(names = "--user-agent", paramLabel = "UA", description = "Sent with every request; its first word is matched in robots.txt (default sitepulse).")
  String userAgent;

  @Option(names = {"-H", "--header"}, paramLabel = "HEADER", description = "'NAME: VALUE', sent with every request, as curl's -H; repeat it for more. Authorization, Cookie and Proxy-Authorization go to the seeds' sites only.")
  List<String> headers;

  @Option(names = "--strip-params", paramLabel = "NAME", split = ",", description = "Query and path parameters every URL is stripped of before it is queued: session ids and campaign tags, any case, NAME* a prefix; default adds the built-in list, none strips nothing (default: jsessionid,phpsessid,aspsessionid*,cfid,cftoken,utm_*).")
  List<String> stripParams;

  @Option(names = "--ignore-robots", description = "Do not obey robots.txt (it is read only for the sitemaps it names). Only for sites you may crawl regardless.")
  Boolean ignoreRobots;

  /** Sets {@code --data} for a command in another package. */
  public void data(String dir) {
    data = dir;
  }

  /** Sets {@code --timeout} for a command in another package. */
  public void timeout(Duration t) {
    timeout = t;
  }

  /** Sets {@code --max-backoff} for a command in another package. */
  public void maxBackoff(Duration d) {
    maxBackoff = d;
  }

  /**
   * The options given, over the config's {@code crawl:} section, over {@code defaults}.
   *
   * @param warc the command's own {@code --warc}, null when it has none or it was not given
   * @throws UsageException naming a value that is out of range
   */
  public CrawlSpec spec(Boolean warc, CrawlSpec defaults) {
    CrawlSpec fromFile = config == null ? CrawlSpec.NONE
        : SitepulseConfig.read(config, file -> {
          requireScopeRegex(file.crawl());
          requireDataFolder(file.crawl());
        }).crawl();
    if ((seeds == null || seeds.isEmpty()) && (fromFile.seeds() == null || fromFile.seeds().isEmpty())) {
      // Where seeds go, as ping says where targets go; the crawler's own words name neither place.
      throw new UsageException("give at least one seed URL" + (config == null ? ", or -c FILE with crawl: seeds:"
          : ": " + config + " has none under crawl: seeds:"));
    }
    CrawlSpec spec;
    try {
      spec = new CrawlSpec(seeds, data, maxPages, maxDepth, scope, scopeRegex, include, exclude,
          concurrency, perHost, delay, timeout, maxBody, userAgent, warc, ignoreRobots, maxBackoff, stripParams,
          HeaderOption.parse(headers, (name, value) -> CrawlHeaders.check("header", name, value)), maxLinksPerPage)
          .over(fromFile).over(defaults);
    } catch (InvalidValueException e) {
      throw UsageException.ofOption(e);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    // A file's scope-regex may wait for a --scope regex; a typed one left unused is a mistake.
    if (scopeRegex != null && spec.scope() != Scope.REGEX) {
      throw new UsageException("--scope-regex is used only with --scope regex, and the scope is "
          + (spec.scope() == null ? Scope.HOST : spec.scope()).name().toLowerCase(Locale.ROOT));
    }
    return spec;
  }

  /**
   * The file's {@code data:} when it will be used (no {@code --data}) and is a file or in one: said
   * at the file's key, not as the {@code --data} the user never typed.
   */
  private void requireDataFolder(CrawlSpec file) {
    if (data != null || file.data() == null) {
      return;
    }
    Path folder = Path.of(file.data());
    Path taken = DataOption.fileOnTheWay(folder);
    if (taken != null) {
      throw new InvalidValueException("crawl.data", taken.equals(folder) ? folder + " is a file, not a folder"
          : taken + " is a file, so " + folder + " cannot be a folder in it");
    }
  }

  /**
   * {@code scope: regex} in the file, with no regex from it or from the command line, is said at
   * the file's key, as the file's other errors are. A {@code --scope regex} without one is left to
   * {@link CrawlConfig}, which names the flag; a regex from the command line completes the file.
   */
  private void requireScopeRegex(CrawlSpec file) {
    if (scope == null && scopeRegex == null && file.scope() == Scope.REGEX && file.scopeRegex() == null) {
      throw new InvalidValueException("crawl.scope", "scope regex needs scope-regex");
    }
  }

  /**
   * The crawl a spec describes.
   *
   * @throws UsageException naming the setting that is wrong, e.g. no seed at all, or a data
   *     folder that is a file or would be made in one: a mistake in what was typed, as search,
   *     analyze and report say it (the crawl would refuse it too, but as a failed crawl)
   */
  public static CrawlConfig toConfig(CrawlSpec spec, CrawlStart start) {
    CrawlConfig config;
    try {
      config = spec.toConfig(start);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Path file = DataOption.fileOnTheWay(config.dataDir());
    if (file != null) {
      throw file.equals(config.dataDir()) ? new UsageException(file + " is a file, and --data names a folder")
          : DataOption.insideAFile(file, config.dataDir());
    }
    return config;
  }
}
