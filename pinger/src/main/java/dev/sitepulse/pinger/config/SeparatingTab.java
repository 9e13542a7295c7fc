package dev.sitepulse.pinger.config;

import com.fasterxml.jackson.core.JsonLocation;

/**
 * A tab between a key and its value ({@code timeout:<TAB>2s}), which SnakeYAML refuses as it
 * refuses one that indents, saying "Do not use \t(TAB) for indentation" of a line whose indent is
 * spaces. YAML 1.2 editors write such tabs, and the words should say where it is.
 */
final class SeparatingTab {
  private SeparatingTab() {}

  /** What is wrong when the error is at a tab after text on its line; null for any other error. */
  static String problem(String yaml, JsonLocation at) {
    if (at == null || at.getLineNr() < 1 || at.getColumnNr() < 1) {
      return null;
    }
    String line = yaml.lines().skip(at.getLineNr() - 1L).findFirst().orElse("");
    if (at.getColumnNr() > line.codePointCount(0, line.length())) {
      return null;
    }
    int tab = line.offsetByCodePoints(0, at.getColumnNr() - 1);
    String before = line.substring(0, tab).strip();
    return line.charAt(tab) != '\t' || before.isEmpty() ? null
        : "a tab after \"" + before + "\", where YAML takes only spaces; write a space instead";
  }
}
