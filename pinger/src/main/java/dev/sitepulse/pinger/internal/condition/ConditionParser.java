package dev.sitepulse.pinger.internal.condition;

import dev.sitepulse.pinger.Condition;
import dev.sitepulse.pinger.config.Durations;
import dev.sitepulse.pinger.internal.http.UrlMessages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Gatus-style conditions, {@code LEFT OP RIGHT}, such as {@code [STATUS] == any(200, 204)},
 * {@code [RESPONSE_TIME] < 300ms} or {@code len([BODY].items) > 0}. Every mistake that can be seen
 * in the text is reported here, once, rather than on each check.
 */
public final class ConditionParser {

  private static final String OPERATOR_CHARACTERS = "=!<>";

  private ConditionParser() {}

  /**
   * @throws IllegalArgumentException quoting the condition and saying what is wrong with it
   */
  public static Condition parse(String text) {
    try {
      return parseChecked(text == null ? "" : text);
    } catch (InvalidConditionException e) {
      throw new IllegalArgumentException("condition \"" + text + "\": " + e.getMessage(), e);
    }
  }

  private static Condition parseChecked(String text) {
    if (text.isBlank()) {
      throw new InvalidConditionException("is empty; expected e.g. [STATUS] == 200");
    }
    // The left side is a placeholder, which holds none of =!<>, so the first of them starts the
    // operator, and anything after it (pat(*<b>*) say) belongs to the right side.
    int at = indexOfOperator(text);
    Operator operator = at < 0 ? null : Operator.startingAt(text, at);
    if (operator == null) {
      throw new InvalidConditionException("expected one of " + Operator.ALL);
    }
    String left = text.substring(0, at).trim();
    String right = text.substring(at + operator.symbol().length()).trim();
    if (!readsAPlaceholder(left) && readsAPlaceholder(right)) {
      // Gatus resolves whichever side is a placeholder: 200 <= [STATUS] is [STATUS] >= 200.
      String value = left;
      left = right;
      right = value;
      operator = operator.mirrored();
    }
    if (left.isEmpty()) {
      throw new InvalidConditionException(
          "expected a placeholder such as [STATUS] before " + operator.symbol());
    }
    if (right.isEmpty()) {
      throw new InvalidConditionException("expected a value after " + operator.symbol());
    }
    if (readsAPlaceholder(right)) {
      throw new InvalidConditionException("the right side " + right + " is a placeholder too: sitepulse"
          + " compares a placeholder with a value, not with another placeholder as Gatus can");
    }
    Operand operand = Operand.parse(left);
    return new ParsedCondition(text, operand, operator, expected(right, operand, operator));
  }

  /** Whether a side is a placeholder or a function of one, not a value such as [1,2] or pat(x). */
  private static boolean readsAPlaceholder(String side) {
    if (side.startsWith("len(") || side.startsWith("has(")) {
      return true;
    }
    int close = side.indexOf(']');
    return side.startsWith("[") && close > 0 && Placeholder.named(side.substring(0, close + 1)) != null;
  }

  private static int indexOfOperator(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (OPERATOR_CHARACTERS.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static Expected expected(String right, Operand left, Operator operator) {
    if (left.isBoolean()
        && (operator.isOrdering() || !(right.equals("true") || right.equals("false")))) {
      throw new InvalidConditionException(
          left.text() + " compares with == or != and true or false, got "
              + operator.symbol() + " " + right);
    }
    if (left.isConnected() && right.equals("true") != (operator == Operator.EQUAL)) {
      // Gatus's way to watch that a port stays closed; here such a check is ERROR first.
      throw new InvalidConditionException("sitepulse runs conditions only on a response, so [CONNECTED] is"
          + " always true there, and a host it cannot reach is ERROR whatever the conditions say; it cannot"
          + " check that a port is closed");
    }
    if (operator.isOrdering() && !left.canBeNumber()) {
      throw new InvalidConditionException(
          left.text() + " is never a number, so it works only with == and !=, not "
              + operator.symbol());
    }
    String options = FunctionCall.argument("any", right);
    // As in Gatus, a glob runs to the ) that ends the condition, so it may hold one unpaired: pat(*:)*).
    String glob = FunctionCall.argumentToTheEnd("pat", right);
    if ((options != null || glob != null) && operator.isOrdering()) {
      throw new InvalidConditionException(
          right.substring(0, 3) + "(...) works only with == and !=, not " + operator.symbol());
    }
    if (glob != null) {
      return Glob.compile(right, glob);
    }
    if (options != null) {
      return new AnyOf(right, anyOptions(options, left));
    }
    Literal literal = literal(right, left);
    if (operator.isOrdering() && literal.number() == null) {
      throw new InvalidConditionException(
          operator.symbol() + " compares numbers, and \"" + right + "\" is not one");
    }
    return literal;
  }

  private static List<Literal> anyOptions(String options, Operand left) {
    if (options.isBlank()) {
      throw new InvalidConditionException("any() needs at least one value");
    }
    List<Literal> literals = new ArrayList<>();
    for (String option : options.split(",", -1)) {
      if (option.isBlank()) {
        throw new InvalidConditionException("any(" + options + ") has an empty value");
      }
      literals.add(literal(option.trim(), left));
    }
    return List.copyOf(literals);
  }

  /** A right-side value, which must be a number when the left side always is one. */
  private static Literal literal(String text, Operand left) {
    if (left.isAddress()) {
      // As [IP] gives it, so that the JDK's long IPv6 spelling, which it gave before, still holds.
      return Literal.of(UrlMessages.ipAsInUrl(text));
    }
    Literal literal = Literal.of(text);
    if (!left.isNumeric() || literal.number() != null) {
      return literal;
    }
    if (!left.takesDurations()) {
      throw new InvalidConditionException(
          left.text() + " compares with a number, got \"" + text + "\"");
    }
    try {
      BigDecimal millis = BigDecimal.valueOf(Durations.parse(text).toNanos()).movePointLeft(6);
      return new Literal(text, millis);
    } catch (IllegalArgumentException notADuration) {
      throw new InvalidConditionException(
          left.text() + " compares with milliseconds or a duration such as 300ms, 2s or 30d, got \""
              + text + "\"");
    }
  }
}
