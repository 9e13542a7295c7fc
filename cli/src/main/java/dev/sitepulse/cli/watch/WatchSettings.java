package dev.sitepulse.cli.watch;

import dev.sitepulse.cli.UsageException;
import dev.sitepulse.cli.config.SitepulseConfig;
import dev.sitepulse.cli.ping.PingRun;
import dev.sitepulse.pinger.config.ConfigException;
import dev.sitepulse.pinger.config.TargetSpec;
import dev.sitepulse.pinger.config.WatchSpec;
import dev.sitepulse.pinger.watch.ListenAddress;
import dev.sitepulse.pinger.watch.WatchPlan;
import dev.sitepulse.pinger.watch.WatchedTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a config file means for {@code watch}: the plan, which a reload may replace, and where the
 * server listens and the history lives, which only a restart changes. Command-line options win
 * over the config's {@code watch:} section.
 */
record WatchSettings(WatchPlan plan, ListenAddress listen, Path data, Duration retention) {

  /**
   * @throws ConfigException naming the file, for anything the plan rejects
   */
  static WatchSettings from(SitepulseConfig config, String fileName, ListenAddress listen, Path data) {
    PingRun run;
    try {
      run = PingRun.from(config, PingRun.Overrides.NONE, List.of());
    } catch (UsageException e) { // the message names the key or target it is about
      throw new ConfigException(fileName + ": " + e.getMessage());
    }
    if (config.targets().isEmpty()) {
      throw new ConfigException(fileName + ": no targets to watch (add some under targets:)");
    }
    // With no URLs given, the run's targets are the config's, one per spec in its order (PingRun.from).
    List<TargetSpec> specs = config.targets();
    if (run.targets().size() != specs.size()) {
      throw new IllegalStateException(run.targets().size() + " targets made of " + specs.size() + " specs");
    }
    List<WatchedTarget> watched = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      watched.add(new WatchedTarget(run.targets().get(i), specs.get(i).effectiveInterval(config.defaults())));
    }
    WatchSpec w = config.watch();
    WatchPlan plan;
    try {
      plan = new WatchPlan(watched, run.settings(), w.thresholds(), w.reminder(), w.toWebhooks());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(fileName + ": " + e.getMessage());
    }
    return new WatchSettings(plan, listen != null ? listen : w.listenAddress(),
        data != null ? data : Path.of(w.dataOrDefault()), w.retentionOrDefault());
  }
}
