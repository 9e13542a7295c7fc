package dev.sitepulse.pinger.config;

import com.fasterxml.jackson.core.JsonLocation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commonest YAML mistake in a config: a Gatus condition left unquoted. YAML reads its leading
 * {@code [STATUS]} as a list, so the file fails to parse (or a bare {@code - [STATUS]} becomes a
 * list) with words that name neither the condition nor the fix.
 */
final class UnquotedCondition {

  /** A placeholder that starts a block item ({@code - [STATUS] ...}) or an item of a flow list. */
  private static final Pattern UNQUOTED = Pattern.compile("(?:^\\s*-\\s*|[\\[,]\\s*)(\\[[A-Z_]+].*)");
  private static final String EXAMPLE = "- \"[STATUS] == 200\"";

  private UnquotedCondition() {}

  /** What to add to a YAML syntax error found on this line: a hint, or nothing. */
  static String hint(String yaml, JsonLocation at) {
    if (at == null || at.getLineNr() < 1) {
      return "";
    }
    String line = yaml.lines().skip(at.getLineNr() - 1L).findFirst().orElse("");
    Matcher m = UNQUOTED.matcher(line);
    if (!m.find()) {
      return "";
    }
    String condition = m.group(1).strip();
    boolean ownWords = m.start() == 0 && !condition.contains("\"") && !condition.contains(" #");
    return "; " + advice(ownWords ? "- \"" + condition + "\"" : EXAMPLE);
  }

  /** For a condition that YAML read as a list. */
  static String listAdvice() {
    return "expected a condition, got a list; " + advice(EXAMPLE);
  }

  private static String advice(String quoted) {
    return "YAML reads a [ that starts a value as a list, so quote the condition: " + quoted;
  }
}
