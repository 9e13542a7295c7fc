package dev.sitepulse.pinger.internal.condition;

import dev.sitepulse.pinger.Condition;
import dev.sitepulse.pinger.ConditionResult;
import dev.sitepulse.pinger.Observation;
import dev.sitepulse.pinger.config.Durations;
import java.math.BigDecimal;
import java.time.Duration;

/** A condition checked for sense when read, so evaluating it cannot fail, only not hold. */
record ParsedCondition(String text, Operand left, Operator operator, Expected right)
    implements Condition {

  private static final BigDecimal MINUTE_MILLIS = BigDecimal.valueOf(60_000);
  private static final BigDecimal MAX_MILLIS = BigDecimal.valueOf(Long.MAX_VALUE);

  @Override
  public boolean needsBody() {
    return left.needsBody();
  }

  @Override
  public boolean degrades() {
    return left.degrades();
  }

  @Override
  public String whyItCannotHold() {
    if (!(right instanceof Literal bound) || bound.number() == null) {
      return null;
    }
    String why = left.bounds().whyNever(operator, bound.number());
    return why == null ? null : left.text() + " " + why;
  }

  @Override
  public ConditionResult evaluate(Observation observation) {
    ActualValue actual = left.resolve(observation);
    String comparison = operator.symbol() + " " + right.text();
    if (actual.literal() == null) {
      // A missing field is unequal to anything; nothing else holds without a value.
      boolean success = actual.absent() && operator == Operator.NOT_EQUAL;
      return result(success, left.text() + " " + comparison + ": " + actual.problem());
    }
    Literal value = actual.literal();
    String described = left.text() + " (" + shown(value) + ") " + comparison;
    if (!operator.isOrdering()) {
      boolean holds = right.matches(value) == (operator == Operator.EQUAL);
      if (readsAsTheSameNumber(value) && !right.matches(value)) {
        // Numeric before 2026-12-06: == failing, or != holding, on it must say why it changed.
        described += ": text (a JSON string or a header) is compared as written, not as a number";
      }
      return result(holds, described);
    }
    if (value.number() == null) {
      return result(false, described + ": " + notNumber(value));
    }
    // The parser accepts only a plain value to the right of <, <=, > and >=.
    Literal bound = (Literal) right;
    if (bound.number() == null) {
      return result(false, described + ": " + notNumber(bound));
    }
    return result(operator.holdsFor(value.number().compareTo(bound.number())), described);
  }

  /** Whether {@code value} is text that, read as a number, is the number on the right. */
  private boolean readsAsTheSameNumber(Literal value) {
    return value.textual() && value.number() != null && right instanceof Literal expected
        && expected.number() != null && expected.number().compareTo(value.number()) == 0;
  }

  /**
   * The actual value as the message gives it: a time of a minute or more also as a duration, as
   * {@code [CERTIFICATE_EXPIRATION] (2591992954 = 29d23h59m52s) > 60d} reads where milliseconds
   * alone do not. A certificate that expired has a negative time, given the same way:
   * {@code (-187142490000 = -2166d1m30s)}.
   */
  private String shown(Literal value) {
    String text = ActualValue.shorten(value.text());
    BigDecimal size = value.number() == null ? null : value.number().abs();
    if (left.takesDurations() && size != null
        && size.compareTo(MINUTE_MILLIS) >= 0 && size.compareTo(MAX_MILLIS) <= 0) {
      return text + " = " + Durations.format(Duration.ofMillis(value.number().longValue()));
    }
    return text;
  }

  private ConditionResult result(boolean success, String description) {
    return new ConditionResult(text, success, description, degrades());
  }

  private static String notNumber(Literal literal) {
    return "\"" + ActualValue.shorten(literal.text()) + "\" is not a number";
  }
}
