package dev.sitepulse.pinger.internal.condition;

/** Recognises a call such as {@code any(200, 201)} and takes out what its parentheses hold. */
final class FunctionCall {

  private FunctionCall() {}

  /**
   * The text between the parentheses of {@code name(...)}, or null when {@code text} does not start
   * with {@code name(}.
   *
   * @throws InvalidConditionException when the parentheses do not balance
   */
  static String argument(String name, String text) {
    String opening = name + "(";
    if (!text.startsWith(opening)) {
      return null;
    }
    int depth = 1;
    for (int i = opening.length(); i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        if (i != text.length() - 1) {
          throw new InvalidConditionException(
              "unbalanced parentheses: unexpected \"" + text.substring(i + 1) + "\" after "
                  + name + "(...)");
        }
        return text.substring(opening.length(), i);
      }
    }
    throw new InvalidConditionException(
        "unbalanced parentheses: " + opening + " is missing its closing )");
  }

  /**
   * As {@link #argument}, but all up to the {@code )} that ends {@code text}, parentheses inside
   * unpaired or not: {@code *:)*} of {@code pat(*:)*)}. Gatus reads {@code pat()} so.
   *
   * @throws InvalidConditionException when {@code text} starts with {@code name(} but does not end with {@code )}
   */
  static String argumentToTheEnd(String name, String text) {
    String opening = name + "(";
    if (text.startsWith(opening) && text.endsWith(")")) {
      return text.substring(opening.length(), text.length() - 1);
    }
    return argument(name, text); // null, or the error that names what is wrong
  }
}
