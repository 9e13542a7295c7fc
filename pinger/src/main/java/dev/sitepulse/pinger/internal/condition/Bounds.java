package dev.sitepulse.pinger.internal.condition;

import java.math.BigDecimal;

/**
 * The numbers a left side can be when conditions are checked, which is only after a response.
 *
 * @param lowest null when there is no lower limit
 * @param highest null when there is no upper limit
 */
record Bounds(BigDecimal lowest, BigDecimal highest) {

  static final Bounds ANY = new Bounds(null, null);
  static final Bounds NOT_NEGATIVE = new Bounds(BigDecimal.ZERO, null);
  /**
   * Three digits from 100: OkHttp takes 999, which LinkedIn answers, but a check turns a status
   * below 100 into a protocol error (FailureClassifier.ofStatus) before conditions see it.
   */
  static final Bounds STATUS = new Bounds(BigDecimal.valueOf(100), BigDecimal.valueOf(999));

  /** What keeps {@code value OPERATOR bound} from holding for any value within these bounds, or null. */
  String whyNever(Operator operator, BigDecimal bound) {
    boolean belowLowest = lowest != null && switch (operator) {
      case LESS -> lowest.compareTo(bound) >= 0;
      case LESS_OR_EQUAL, EQUAL -> lowest.compareTo(bound) > 0;
      default -> false;
    };
    if (belowLowest) {
      return "is never below " + lowest.toPlainString();
    }
    boolean aboveHighest = highest != null && switch (operator) {
      case GREATER -> highest.compareTo(bound) <= 0;
      case GREATER_OR_EQUAL, EQUAL -> highest.compareTo(bound) < 0;
      default -> false;
    };
    return aboveHighest ? "is never above " + highest.toPlainString() : null;
  }
}
