package dev.sitepulse.pinger.internal.condition;

/**
 * What is wrong with a condition, without the condition itself: {@link ConditionParser} adds the
 * quoted text once, so the parts that find the fault need not carry it around.
 */
final class InvalidConditionException extends RuntimeException {

  InvalidConditionException(String problem) {
    super(problem, null, false, false);
  }
}
