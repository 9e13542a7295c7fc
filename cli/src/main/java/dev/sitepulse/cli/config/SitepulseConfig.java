package dev.sitepulse.cli.config;

import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.pinger.config.ConfigReader;
import dev.sitepulse.pinger.config.DefaultsSpec;
import dev.sitepulse.pinger.config.TargetSpec;
import dev.sitepulse.pinger.config.WatchSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole {@code sitepulse.yaml}: one file for every command, so a site's settings live in one
 * place. Each section is optional.
 */
public record SitepulseConfig(
    DefaultsSpec defaults, List<TargetSpec> targets, CrawlSpec crawl, WatchSpec watch) {

  public SitepulseConfig {
    defaults = defaults == null ? DefaultsSpec.NONE : defaults;
    targets = targets == null ? List.of() : List.copyOf(targets);
    TargetSpec.requireUniqueNames(targets);
    crawl = crawl == null ? CrawlSpec.NONE : crawl;
    watch = watch == null ? WatchSpec.NONE : watch;
  }

  /** The file a command was given; its warnings are notes on stderr, as the command's others. */
  public static SitepulseConfig read(Path file) {
    return read(file, config -> { });
  }

  /** The file, with a check of the caller's whose errors are placed at the key they name. */
  public static SitepulseConfig read(Path file, Consumer<SitepulseConfig> check) {
    return ConfigReader.read(file, SitepulseConfig.class, check, SitepulseConfig::note);
  }

  /**
   * The file a running watch reloads: its warnings go to the watch's log, timestamped as the
   * reload's other lines, since no one is at the terminal to read a note.
   */
  public static SitepulseConfig reread(Path file) {
    return ConfigReader.read(file, SitepulseConfig.class, config -> { }, ConfigReader.LOGGED);
  }

  public static SitepulseConfig read(String text, String fileName, Map<String, String> env) {
    return ConfigReader.read(text, fileName, SitepulseConfig.class, env);
  }

  /** Marked as a warning: unmarked, a line placed at file:line:col reads as the fatal error it is not. */
  private static void note(String warning) {
    System.err.println("sitepulse: warning: " + warning);
  }
}
