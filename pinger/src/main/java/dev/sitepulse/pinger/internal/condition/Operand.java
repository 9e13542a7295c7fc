package dev.sitepulse.pinger.internal.condition;

import dev.sitepulse.pinger.Observation;

/**
 * The left side of a condition, e.g. {@code [STATUS]}, {@code len([BODY].items)} or {@code
 * has([BODY].errors)}.
 *
 * @param text as written, shown in descriptions
 */
record Operand(String text, Measure measure, Source source) {

  static Operand parse(String text) {
    String lengthOf = FunctionCall.argument("len", text);
    if (lengthOf != null) {
      return new Operand(text, Measure.LENGTH, Source.parse(lengthOf.trim()));
    }
    String presenceOf = FunctionCall.argument("has", text);
    if (presenceOf != null) {
      Source source = Source.parse(presenceOf.trim());
      if (source.placeholder() != Placeholder.BODY) {
        throw new InvalidConditionException(
            "has() takes the body or a JSON path into it, as in has([BODY]) or has([BODY].errors)");
      }
      return new Operand(text, Measure.PRESENCE, source);
    }
    return new Operand(text, Measure.VALUE, Source.parse(text));
  }

  ActualValue resolve(Observation observation) {
    return measure.measure(source.read(observation));
  }

  boolean needsBody() {
    return source.placeholder() == Placeholder.BODY;
  }

  boolean degrades() {
    return source.placeholder().kind() == Placeholder.Kind.MILLIS;
  }

  /** Whether its value is always a number, so the right side must be one. */
  boolean isNumeric() {
    return measure == Measure.LENGTH || valueIs(Placeholder.Kind.NUMBER) || takesDurations();
  }

  /** Whether the right side may be a duration such as {@code 300ms}. */
  boolean takesDurations() {
    return valueIs(Placeholder.Kind.MILLIS);
  }

  /** The numbers its value can be once a response came: a status, a time or a length has limits. */
  Bounds bounds() {
    if (measure == Measure.LENGTH) {
      return Bounds.NOT_NEGATIVE;
    }
    if (measure != Measure.VALUE) {
      return Bounds.ANY;
    }
    return switch (source.placeholder()) {
      case STATUS -> Bounds.STATUS;
      case RESPONSE_TIME -> Bounds.NOT_NEGATIVE;
      default -> Bounds.ANY;
    };
  }

  /** Whether its value is always true or false. */
  boolean isBoolean() {
    return measure == Measure.PRESENCE || valueIs(Placeholder.Kind.BOOLEAN);
  }

  /** Whether it is {@code [CONNECTED]} itself. */
  boolean isConnected() {
    return measure == Measure.VALUE && source.placeholder() == Placeholder.CONNECTED;
  }

  /** Whether its value is an IP address ({@code [IP]}). */
  boolean isAddress() {
    return valueIs(Placeholder.Kind.ADDRESS);
  }

  /** Whether its value can read as a number, so that {@code <} and {@code >} can hold. */
  boolean canBeNumber() {
    return !isBoolean() && !valueIs(Placeholder.Kind.ADDRESS);
  }

  private boolean valueIs(Placeholder.Kind kind) {
    return measure == Measure.VALUE && source.placeholder().kind() == kind;
  }
}
