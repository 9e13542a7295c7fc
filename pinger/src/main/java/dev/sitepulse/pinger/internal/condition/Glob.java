package dev.sitepulse.pinger.internal.condition;

import java.util.regex.Pattern;

/**
 * {@code pat(glob)}: {@code *} matches any run of characters, {@code ?} one character, and the glob
 * must cover the whole value. Compiled once, when the condition is parsed.
 */
record Glob(String text, Pattern pattern) implements Expected {

  static Glob compile(String text, String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder plain = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' || c == '?') {
        appendQuoted(regex, plain);
        regex.append(c == '*' ? ".*" : ".");
      } else {
        plain.append(c);
      }
    }
    appendQuoted(regex, plain);
    // DOTALL: a body spans lines, and * must run across them.
    return new Glob(text, Pattern.compile(regex.toString(), Pattern.DOTALL));
  }

  @Override
  public boolean matches(Literal actual) {
    return pattern.matcher(actual.text()).matches();
  }

  private static void appendQuoted(StringBuilder regex, StringBuilder plain) {
    if (plain.length() > 0) {
      regex.append(Pattern.quote(plain.toString()));
      plain.setLength(0);
    }
  }
}
