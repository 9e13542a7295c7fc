package dev.sitepulse.pinger.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-fallback}} with environment variables, line by line
 * so that errors keep their line numbers. Comment lines are left alone.
 */
final class EnvSubstitution {

  private static final Pattern REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private EnvSubstitution() {}

  static String apply(String text, Map<String, String> env, String file) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (!line.stripLeading().startsWith("#") && line.contains("${")) {
        Matcher m = REF.matcher(line);
        StringBuilder replaced = new StringBuilder();
        while (m.find()) {
          String value = env.get(m.group(1));
          if (value == null) {
            value = m.group(2);
          }
          if (value == null) {
            throw new ConfigException(file + ":" + (i + 1) + ":" + (m.start() + 1)
                + ": environment variable " + m.group(1) + " is not set (write ${"
                + m.group(1) + ":-default} to give a default)");
          }
          if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            // Substituted as text, a second line would be read as more of the file: keys, targets.
            throw new ConfigException(file + ":" + (i + 1) + ":" + (m.start() + 1)
                + ": environment variable " + m.group(1) + " holds a line break, which a value in the"
                + " file cannot have");
          }
          m.appendReplacement(replaced, Matcher.quoteReplacement(value));
        }
        m.appendTail(replaced);
        line = replaced.toString();
      }
      out.append(line);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
