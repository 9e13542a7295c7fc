package dev.sitepulse.pinger;

import dev.sitepulse.pinger.internal.condition.ConditionParser;
import java.util.List;

/**
 * A Gatus-style condition such as {@code [STATUS] == 200} or {@code [BODY].status == UP}. Parsed
 * once when the config is read; evaluated against every {@link Observation}.
 */
public interface Condition {

  /** The default when a target lists none: any status from 200 to 399. */
  List<Condition> DEFAULT = List.of(parse("[STATUS] >= 200"), parse("[STATUS] < 400"));

  /**
   * Parses one condition.
   *
   * @throws IllegalArgumentException naming what is wrong and where, quoting the text
   */
  static Condition parse(String text) {
    return ConditionParser.parse(text);
  }

  /** The condition as written. */
  String text();

  /** Whether evaluating it needs the response body, so a check without one can skip reading it. */
  boolean needsBody();

  /** Whether a failure means DEGRADED (latency, certificate expiry) rather than DOWN. */
  boolean degrades();

  /**
   * Why no response can meet it ({@code [RESPONSE_TIME] is never below 0} for {@code
   * [RESPONSE_TIME] < 0}), or null. Gatus accepts such a condition, and so does the config, with
   * a warning.
   */
  default String whyItCannotHold() {
    return null;
  }

  ConditionResult evaluate(Observation observation);
}
