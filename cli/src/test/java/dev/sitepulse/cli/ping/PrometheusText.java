package dev.sitepulse.cli.ping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader for the gauge subset of the Prometheus text format 0.0.4: every family announced
 * by one {@code # HELP} and one {@code # TYPE} line before its samples, samples of that family only,
 * well-formed labels, numeric values, and a newline at the end. Anything else throws.
 */
final class PrometheusText {

  record Sample(String name, Map<String, String> labels, double value) {}

  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") \\S.*");
  private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (gauge|counter|untyped)");
  private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(?:\\{(.*)})? (\\S+)");
  private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

  private PrometheusText() {}

  static List<Sample> parse(String text) {
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("the exposition must end with a newline");
    }
    List<Sample> samples = new ArrayList<>();
    List<String> families = new ArrayList<>();
    String helped = null;
    String typed = null;
    int n = 0;
    for (String line : text.split("\n", -1)) {
      n++;
      if (line.isEmpty()) {
        continue;
      }
      Matcher m;
      if ((m = HELP.matcher(line)).matches()) {
        if (families.contains(m.group(1))) {
          throw error(n, line, "family announced twice");
        }
        families.add(m.group(1));
        helped = m.group(1);
        typed = null;
      } else if ((m = TYPE.matcher(line)).matches()) {
        if (!m.group(1).equals(helped)) {
          throw error(n, line, "TYPE without its HELP");
        }
        typed = m.group(1);
      } else if ((m = SAMPLE.matcher(line)).matches()) {
        if (!m.group(1).equals(typed)) {
          throw error(n, line, "sample outside its family");
        }
        samples.add(new Sample(m.group(1), labels(n, line, m.group(2)), value(n, line, m.group(3))));
      } else {
        throw error(n, line, "not a HELP, TYPE or sample line");
      }
    }
    return samples;
  }

  private static Map<String, String> labels(int n, String line, String text) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text == null) {
      return labels;
    }
    Matcher m = LABEL.matcher(text);
    int at = 0;
    while (at < text.length()) {
      if (!m.find(at) || m.start() != at) {
        throw error(n, line, "malformed labels");
      }
      String value = m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
      if (labels.put(m.group(1), value) != null) {
        throw error(n, line, "label repeated");
      }
      at = m.end();
    }
    return labels;
  }

  private static double value(int n, String line, String text) {
    switch (text) {
      case "NaN":
        return Double.NaN;
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        if (!NUMBER.matcher(text).matches()) {
          throw error(n, line, "not a number: " + text);
        }
        return Double.parseDouble(text);
    }
  }

  private static IllegalArgumentException error(int n, String line, String what) {
    return new IllegalArgumentException("line " + n + ": " + what + ": " + line);
  }
}
