package dev.sitepulse.pinger.internal.condition;

import java.util.List;

/** {@code any(a, b, ...)}: equal to at least one of the options. */
record AnyOf(String text, List<Literal> options) implements Expected {

  @Override
  public boolean matches(Literal actual) {
    for (Literal option : options) {
      if (option.matches(actual)) {
        return true;
      }
    }
    return false;
  }
}
