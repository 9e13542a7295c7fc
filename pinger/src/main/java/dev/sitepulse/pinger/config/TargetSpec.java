package dev.sitepulse.pinger.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.sitepulse.pinger.Condition;
import dev.sitepulse.pinger.Target;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One entry of {@code targets:}, as written; {@link #toTarget} fills the gaps from the defaults. */
public record TargetSpec(
    String name,
    String group,
    @JsonDeserialize(using = ValueDeserializers.HttpUrlText.class) String url,
    String method,
    Map<String, String> headers,
    String body,
    Duration timeout,
    Integer retries,
    List<Condition> conditions,
    Duration interval) {

  private static final List<String> METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  public TargetSpec {
    if (url == null) {
      throw new InvalidValueException("url", "url is required");
    }
    if (method != null && !METHODS.contains(method.toUpperCase(java.util.Locale.ROOT))) {
      // In the words of every other choice (EnumChoices), the methods upper case as HTTP writes them.
      throw new InvalidValueException("method", "expected one of " + String.join(", ", METHODS) + ", got \"" + method + "\"");
    }
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      throw new InvalidValueException("timeout",
          "timeout must be positive, got " + Durations.format(timeout));
    }
    String badRetries = retries == null ? null : Target.whyBadRetries(retries);
    if (badRetries != null) {
      throw new InvalidValueException("retries", badRetries);
    }
    DefaultsSpec.checkInterval(interval);
    if (headers != null) {
      RequestChecks.headers(headers);
    }
    RequestChecks.body(method, body);
    if ("HEAD".equalsIgnoreCase(method) && conditions != null) {
      for (int i = 0; i < conditions.size(); i++) {
        if (conditions.get(i).needsBody()) { // it would fail every check as an empty body
          throw new InvalidValueException("conditions[" + i + "]", "condition \"" + conditions.get(i).text()
              + "\" reads the body, which a response to HEAD never has; use GET");
        }
      }
    }
  }

  /**
   * Rejects a second target of one name, naming the key at fault: reports, metrics, perfdata and
   * alerts tell targets apart by name, and a target without one is named by its URL.
   *
   * @param targets the whole {@code targets:} list, whose keys the errors name
   */
  public static void requireUniqueNames(List<TargetSpec> targets) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      TargetSpec t = targets.get(i);
      String name = t.toTarget(DefaultsSpec.NONE).name(); // as Target names it
      Integer before = first.putIfAbsent(name, i);
      if (before != null) {
        boolean named = t.name() != null && !t.name().isBlank();
        throw new InvalidValueException("targets[" + i + "]." + (named ? "name" : "url"),
            "the name \"" + name + "\"" + (named ? "" : " (its URL, as it has no name)")
                + " is used by targets[" + before + "] too; targets are told apart by name");
      }
    }
  }

  /** How often {@code watch} checks this target: its own interval, the default one, or 60s. */
  public Duration effectiveInterval(DefaultsSpec defaults) {
    if (interval != null) {
      return interval;
    }
    return defaults.interval() != null ? defaults.interval() : DefaultsSpec.DEFAULT_INTERVAL;
  }

  public Target toTarget(DefaultsSpec defaults) {
    // Header names are case-insensitive: a target's X-Over replaces a default x-over.
    Map<String, String> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    merged.putAll(defaults.headers());
    if (headers != null) {
      merged.putAll(headers);
    }
    return new Target(
        name,
        group,
        url,
        method,
        merged,
        body,
        timeout != null ? timeout : defaults.timeout(),
        retries != null ? retries : defaults.retries() != null ? defaults.retries() : 0,
        conditions);
  }
}
