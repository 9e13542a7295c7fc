package dev.sitepulse.pinger.format;

import dev.sitepulse.pinger.Condition;
import dev.sitepulse.pinger.ConditionResult;
import dev.sitepulse.pinger.Observation;

/**
 * A condition that always holds. Targets built with it never touch {@link Condition#DEFAULT}, so
 * these tests do not depend on the condition parser.
 */
record StubCondition(String text) implements Condition {

  @Override
  public boolean needsBody() {
    return false;
  }

  @Override
  public boolean degrades() {
    return false;
  }

  @Override
  public ConditionResult evaluate(Observation observation) {
    return new ConditionResult(text, true, text, false);
  }
}
