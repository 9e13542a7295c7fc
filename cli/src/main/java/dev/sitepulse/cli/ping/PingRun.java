package dev.sitepulse.cli.ping;

import dev.sitepulse.cli.UsageException;
import dev.sitepulse.cli.config.SitepulseConfig;
import dev.sitepulse.pinger.Condition;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Rate;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.config.DataSize;
import dev.sitepulse.pinger.config.CircuitBreakerSpec;
import dev.sitepulse.pinger.config.DefaultsSpec;
import dev.sitepulse.pinger.config.HeaderLines;
import dev.sitepulse.pinger.config.InvalidValueException;
import dev.sitepulse.pinger.config.TargetSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What one {@code ping} run checks and how: the config's defaults, overridden by command-line
 * options, applied to the config's targets and to URLs given directly.
 */
public record PingRun(PingSettings settings, List<Target> targets) {

  /** Command-line options; null where not given, so the config's value stands. */
  public record Overrides(
      Duration timeout,
      Integer concurrency,
      Rate rate,
      Integer retries,
      Boolean insecure,
      DataSize maxBody,
      Integer maxRedirects,
      Boolean reuseConnections,
      CircuitBreakerSpec circuitBreaker,
      Map<String, String> headers,
      String userAgent) {

    public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null, null, null, null);

    DefaultsSpec over(DefaultsSpec d) {
      return new DefaultsSpec(
          timeout != null ? timeout : d.timeout(),
          rate != null ? rate : d.rate(),
          concurrency != null ? concurrency : d.concurrency(),
          retries != null ? retries : d.retries(),
          headers != null ? HeaderLines.merged(d.headers(), headers) : d.headers(),
          maxBody != null ? maxBody : d.maxBody(),
          maxRedirects != null ? maxRedirects : d.maxRedirects(),
          insecure != null ? insecure : d.insecure(),
          reuseConnections != null ? reuseConnections : d.reuseConnections(),
          userAgent != null ? userAgent : d.userAgent(),
          d.interval(),
          circuitBreaker != null ? circuitBreaker.over(d.circuitBreaker()) : d.circuitBreaker());
    }
  }

  /** As {@link #from(SitepulseConfig, Overrides, List, Consumer)}, with notes on stderr. */
  public static PingRun from(SitepulseConfig file, Overrides overrides, List<String> urls) {
    return from(file, overrides, urls, note -> System.err.println("sitepulse: " + note));
  }

  /**
   * The run's targets are the config's first, one per entry in its order, then the URLs given.
   *
   * @param urls given on the command line or stdin; one given again, or also a config target, is
   *     checked once, since results are told apart by name, and {@code notes} hears of it
   */
  public static PingRun from(SitepulseConfig file, Overrides overrides, List<String> urls, Consumer<String> notes) {
    DefaultsSpec defaults;
    PingSettings settings;
    try {
      // DefaultsSpec validates the merged options (--concurrency 0, --retries -1): a usage error.
      defaults = overrides.over(file == null ? DefaultsSpec.NONE : file.defaults());
      settings = defaults.applyTo(PingSettings.DEFAULTS);
    } catch (InvalidValueException e) {
      throw UsageException.ofOption(e);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    List<Target> targets = new ArrayList<>();
    if (file != null) {
      for (TargetSpec spec : file.targets()) {
        targets.add(spec.toTarget(defaults));
      }
    }
    Map<String, Target> byName = targets.stream().collect(Collectors.toMap(Target::name, t -> t, (a, b) -> a));
    Map<String, Long> given = urls.stream()
        .collect(Collectors.groupingBy(String::strip, LinkedHashMap::new, Collectors.counting()));
    Map<String, Target> fromUrls = new LinkedHashMap<>();
    given.forEach((url, times) -> {
      // A URL typed on the command line is a GET with the run's defaults, headers included.
      Target target = new TargetSpec(null, null, url, null, null, null, null, null, null, null).toTarget(defaults);
      // It is named by itself without its user:password@, which no note or result may show.
      String name = target.name();
      Target named = byName.get(name);
      if (named != null && named.url().equals(target.url())) {
        notes.accept(name + " is a target in the config too; checked once");
        return;
      }
      if (named != null) {
        throw new UsageException(name + " is also the name of a config target that checks " + named.url()
            + "; rename that target");
      }
      if (fromUrls.putIfAbsent(name, target) != null) {
        throw new UsageException(name + " is given with different user:password@ (or with and without one);"
            + " targets are told apart by their URL without it, so name them in a config");
      }
      if (times > 1) {
        notes.accept(name + " given " + (times == 2 ? "twice" : times + " times") + "; checked once");
      }
    });
    targets.addAll(fromUrls.values());
    if (settings.maxBodyBytes() == 0) {
      targets.forEach(PingRun::requireNoBodyCondition);
    }
    return new PingRun(settings, List.copyOf(targets));
  }

  /** Under max-body 0 no body is read: a body condition would fail every check as an empty body. */
  private static void requireNoBodyCondition(Target target) {
    target.conditions().stream().filter(Condition::needsBody).findFirst().ifPresent(c -> {
      throw new UsageException("max-body is 0, so no body is read, yet target \"" + target.name()
          + "\" has a condition on the body: " + c.text() + "; raise max-body or drop the condition");
    });
  }
}
