package dev.sitepulse.pinger.internal.condition;

/** The right side of a condition: a value, {@code any(...)} or {@code pat(...)}. */
sealed interface Expected permits Literal, AnyOf, Glob {

  /** As written, shown in descriptions. */
  String text();

  /** Whether the actual value counts as equal to this. */
  boolean matches(Literal actual);
}
