package dev.sitepulse.cli.watch;

import ch.qos.logback.classic.Level;
import dev.sitepulse.cli.DataOption;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.cli.config.SitepulseConfig;
import dev.sitepulse.pinger.CircuitBreakerSettings;
import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.watch.Alerter;
import dev.sitepulse.pinger.watch.ListenAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Checks targets on their own intervals, with history, alerts, metrics and a status page.",
      "Results go to a SQLite history; a target going DOWN or coming back is alerted (log, "
          + "webhooks); --listen serves /metrics, /status, /healthz and a live status page at /. "
          + "SIGHUP or an edit of the config reloads it; SIGTERM or SIGINT stops, keeping every "
          + "result."
    },
    footer = {
      "",
      "Targets take interval: (default 60s); the watch: section sets thresholds, retention, "
          + "reminders and webhooks. See docs/config.md.",
      "Exit codes: 0 stopped by a signal, 2 another watch is using the data folder or the history lost results, "
          + "3 usage or config error, 130 a second signal cut the stop short."
    })
public final class WatchCommand implements Callable<Integer> {

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true,
      description = "The sitepulse YAML config with the targets to watch.")
  Path config;

  @Option(names = "--data", paramLabel = "DIR",
      description = "The folder of history.db (default watch.data of the config, else sitepulse-data).")
  Path data;

  @Option(names = "--listen", paramLabel = "HOST:PORT",
      description = "Where to serve /metrics, /status and the status page (default watch.listen, else 127.0.0.1:9321).")
  String listen;

  @Override
  public Integer call() throws InterruptedException {
    ListenAddress at = null;
    if (listen != null) {
      try {
        at = ListenAddress.parse(listen);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--listen: " + e.getMessage());
      }
    }
    if (data != null) {
      DataOption.requireFolder(data);
    }
    SitepulseConfig file = SitepulseConfig.read(config);
    // Only the former ./data is passed on as if given: the default itself must stay a default, so
    // that a reload which sets watch.data is told it takes effect on restart.
    if (data == null && file.watch().data() == null) {
      data = DataOption.formerHistory(Path.of(""), System.err).orElse(null);
    }
    WatchSettings settings = WatchSettings.from(file, config.toString(), at, data);
    showInfo(Alerter.LOGGER, CircuitBreakerSettings.LOGGER, WatchCommand.class.getPackageName(),
        SqliteHistory.class.getPackageName());
    return new WatchRun(config, settings, at, data).run();
  }

  /** A daemon's alerts and reloads must be seen, even though the CLI is quiet by default. */
  private static void showInfo(String... loggers) {
    for (String name : loggers) {
      ch.qos.logback.classic.Logger l = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name);
      if (!l.isInfoEnabled()) {
        l.setLevel(Level.INFO);
      }
    }
  }
}
