package dev.sitepulse.pinger.internal.condition;

/** The comparison in the middle of a condition. */
enum Operator {
  // Two-character symbols first, so the longest symbol at a position wins.
  EQUAL("=="),
  NOT_EQUAL("!="),
  LESS_OR_EQUAL("<="),
  GREATER_OR_EQUAL(">="),
  LESS("<"),
  GREATER(">");

  static final String ALL = "==, !=, <, <=, >, >=";

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  String symbol() {
    return symbol;
  }

  /** The operator that holds with its sides swapped: {@code 300 > x} is {@code x < 300}. */
  Operator mirrored() {
    return switch (this) {
      case LESS -> GREATER;
      case LESS_OR_EQUAL -> GREATER_OR_EQUAL;
      case GREATER -> LESS;
      case GREATER_OR_EQUAL -> LESS_OR_EQUAL;
      case EQUAL, NOT_EQUAL -> this;
    };
  }

  /** Whether it compares numbers by size, rather than asking whether two values are equal. */
  boolean isOrdering() {
    return this != EQUAL && this != NOT_EQUAL;
  }

  /** The longest operator whose symbol starts at {@code index}, or null. */
  static Operator startingAt(String text, int index) {
    for (Operator operator : values()) {
      if (text.startsWith(operator.symbol, index)) {
        return operator;
      }
    }
    return null;
  }

  /** Whether an ordering holds, given {@code actual.compareTo(expected)}. */
  boolean holdsFor(int comparison) {
    return switch (this) {
      case LESS -> comparison < 0;
      case LESS_OR_EQUAL -> comparison <= 0;
      case GREATER -> comparison > 0;
      case GREATER_OR_EQUAL -> comparison >= 0;
      case EQUAL -> comparison == 0;
      case NOT_EQUAL -> comparison != 0;
    };
  }
}
