package dev.sitepulse.cli.ping;

import dev.sitepulse.cli.Amounts;
import dev.sitepulse.cli.Choices;
import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.cli.HeaderOption;
import dev.sitepulse.cli.Signals;
import dev.sitepulse.cli.Terminal;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.cli.config.SitepulseConfig;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.CheckRun;
import dev.sitepulse.pinger.Pinger;
import dev.sitepulse.pinger.Rate;
import dev.sitepulse.pinger.RunSummary;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.config.CircuitBreakerSpec;
import dev.sitepulse.pinger.config.DataSize;
import dev.sitepulse.pinger.config.InvalidValueException;
import dev.sitepulse.pinger.config.RequestChecks;
import dev.sitepulse.pinger.format.ResultFormat;
import dev.sitepulse.pinger.format.ResultWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "ping",
    mixinStandardHelpOptions = true,
    description = {
      "Checks URLs concurrently: each within its timeout, each host within its rate.",
      "Targets come from the arguments, from a config file (-c), or from stdin (-), one URL per line."
    },
    footer = {
      "",
      "Options override the config's defaults; a target's own settings win over both.",
      "Exit codes: 0 all up, 1 some degraded, 2 some down, timed out or failed, 3 usage or config error "
          + "or an internal failure (Nagios' UNKNOWN), "
          + "130 stopped by Ctrl-C or SIGTERM (the checks finished by then are reported)."
    })
public final class PingCommand implements Callable<Integer> {

  /** How long a stopped run gives a stdout nobody reads (a paused pager) before it exits all the same. */
  static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);

  static final class Formats extends Choices {
    Formats() {
      super(ResultFormat.class);
    }
  }

  @Parameters(paramLabel = "URL", arity = "0..*", description = "URLs to check; - reads them from stdin.")
  List<String> urls = new ArrayList<>();

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "A sitepulse YAML config with targets.")
  Path config;

  @Option(names = "--timeout", paramLabel = "DURATION", description = "Per attempt, redirects and body included (default 10s).")
  Duration timeout;

  @Option(names = "--concurrency", paramLabel = "N", description = "Checks in flight at once (default 64).")
  Integer concurrency;

  @Option(names = "--rate", paramLabel = "RATE", description = "Requests per host, redirect hops included, e.g. 10/s or 90/m; unlimited or 0 turns it off (default 10/s).")
  Rate rate;

  @Option(names = "--retries", paramLabel = "N", description = "Extra attempts after a failure, 0 to " + Target.MAX_RETRIES
      + ", with backoff and Retry-After (default 0).")
  Integer retries;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", completionCandidates = Formats.class,
      description = "table, json, jsonl, csv, prometheus or nagios (default ${DEFAULT-VALUE}).")
  ResultFormat format;

  @Option(names = {"-k", "--insecure"}, description = "Accept any TLS certificate (it is still reported).")
  Boolean insecure;

  @Option(names = "--max-body", paramLabel = "SIZE", description = "Most body bytes read per response (default 1MiB).")
  DataSize maxBody;

  @Option(names = "--max-redirects", paramLabel = "N", description = "Most redirects followed (default 10).")
  Integer maxRedirects;

  @Option(names = "--reuse-connections", description = "Keep connections alive between checks (connect and TLS times then read 0).")
  Boolean reuseConnections;

  @Option(names = {"-H", "--header"}, paramLabel = "HEADER", description = "'NAME: VALUE', sent with every check, as curl's -H; repeat it for more. A target's own headers win; Authorization and Cookie never follow a redirect to another origin.")
  List<String> headers;

  @Option(names = "--user-agent", paramLabel = "UA", description = "The User-Agent header (default sitepulse).")
  String userAgent;

  @Option(names = "--circuit-breaker", paramLabel = "N[/DURATION]|off",
      description = "After N checks of a host in a row could not reach it, hold its checks back for DURATION (default 5/30s).")
  CircuitBreakerSpec circuitBreaker;

  @Override
  public Integer call() throws IOException {
    SitepulseConfig file = config == null ? null : SitepulseConfig.read(config);
    PingRun run = PingRun.from(file, overrides(), readUrls());
    if (run.targets().isEmpty() && config != null) { // say which file has none: it may be the wrong one
      throw new UsageException("no targets: " + config
          + " has none under targets:; add some, or give URLs, or - to read URLs from stdin");
    }
    if (run.targets().isEmpty() && urls.contains("-")) { // not "give -", which was given
      throw new UsageException("no targets: stdin (-) gave no URLs (blank lines and # comments are skipped);"
          + " pipe in one URL a line, or give URLs");
    }
    if (run.targets().isEmpty()) {
      throw new UsageException("no targets: give URLs, -c FILE with targets, or - to read URLs from stdin");
    }
    return execute(run, format, System.out);
  }

  /**
   * Runs the checks and writes them in the given format; returns the exit code. A first Ctrl-C or
   * SIGTERM ends the run at once with the checks finished so far, so a long run that is cut short
   * still reports what it found.
   */
  public static int execute(PingRun run, ResultFormat format, PrintStream out) {
    return execute(run, format, out, new CompletableFuture<>());
  }

  /** As {@link #execute(PingRun, ResultFormat, PrintStream)}, stopped also when {@code stop} completes with a signal's name. */
  public static int execute(PingRun run, ResultFormat format, PrintStream out, CompletableFuture<String> stop) {
    return execute(run, format, out, System.err, stop, OUTPUT_GRACE);
  }

  /** As {@link #execute(PingRun, ResultFormat, PrintStream, CompletableFuture)}, writing to {@code err}. */
  static int execute(PingRun run, ResultFormat format, PrintStream out, PrintStream err,
      CompletableFuture<String> stop, Duration grace) {
    LoggerFactory.getLogger(PingCommand.class)
        .debug("checking {} with {}", Amounts.count(run.targets().size(), "target"), run.settings());
    ResultWriter writer = format.writer(out, Terminal.colors(out));
    long start = System.nanoTime();
    Runnable restoreSignals = Signals.onStop(stop::complete);
    CheckRun checked;
    try (Pinger pinger = Pinger.create(run.settings())) {
      checked = pinger.checkAll(run.targets(), writer::onResult, stop);
    } finally {
      restoreSignals.run();
    }
    List<CheckResult> results = checked.results();
    int unfinished = run.targets().size() - results.size();
    // Only a stop ends a run early; a signal after the last check changes nothing.
    String stoppedBy = unfinished > 0 ? "SIG" + stop.join() : null;
    RunSummary summary =
        RunSummary.of(results, Duration.ofNanos(System.nanoTime() - start), unfinished, stoppedBy);
    Runnable end = () -> {
      // After a stop the output thread may still be in a line (jsonl); ended under it, the line is cut.
      checked.outputDone().join();
      writer.finish(results, summary); // each format marks a run cut short its own way
      out.flush();
    };
    if (summary.complete()) {
      end.run(); // all of it, however slowly stdout is read
      return summary.worst().exitCode();
    }
    boolean cut = !OutputEnd.within(end, grace);
    if (cut && System.out == out) { // main flushes System.out at exit: it would wait on the held write's lock
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    }
    err.println("sitepulse: stopped by " + stoppedBy + " before " + unfinished + " of "
        + Amounts.count(run.targets().size(), "check") + " finished; those are not reported"
        + (cut ? "; stdout was not read, and what was left of the output was cut" : ""));
    return ExitCode.INTERRUPTED;
  }

  private PingRun.Overrides overrides() {
    if (userAgent != null) {
      try {
        RequestChecks.header("user-agent", "User-Agent", userAgent);
      } catch (InvalidValueException e) { // as crawl says it
        throw new UsageException("--user-agent is " + e.getMessage());
      }
    }
    return new PingRun.Overrides(timeout, concurrency, rate, retries, insecure,
        maxBody, maxRedirects, reuseConnections, circuitBreaker,
        HeaderOption.parse(headers, (name, value) -> RequestChecks.header("header", name, value)), userAgent);
  }

  private List<String> readUrls() {
    List<String> all = new ArrayList<>();
    for (String u : urls) {
      if (u.equals("-")) {
        try {
          all.addAll(StdinUrls.read(System.in));
        } catch (IOException e) { // `ping - < folder`: bad input, not a failure of the checks
          throw new UsageException("cannot read URLs from stdin: " + e.getMessage());
        }
      } else {
        all.add(u);
      }
    }
    return all;
  }
}
