package dev.sitepulse.pinger.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of text exposition format 0.0.4, as far as the pinger writes it: {@code # HELP}
 * and {@code # TYPE} once per family before its samples, samples of a family together, label
 * values with only the three escapes the spec allows. Anything else fails, with the line number.
 */
final class PrometheusTextParser {

  record Sample(String name, Map<String, String> labels, double value) {}

  record Family(String name, String help, String type, List<Sample> samples) {}

  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
  private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern SAMPLE_NAME = Pattern.compile(NAME);
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern VALUE = Pattern.compile(" ([-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]Inf|NaN)( -?[0-9]+)?");
  private static final Set<String> SPECIAL = Set.of("+Inf", "-Inf", "NaN");

  private final Map<String, Family> families = new LinkedHashMap<>();
  private Family current;
  private int lineNumber;

  private PrometheusTextParser() {}

  /** The families in the order they appear. */
  static List<Family> parse(String text) {
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("the last line must end with a line feed");
    }
    PrometheusTextParser parser = new PrometheusTextParser();
    for (String line : text.split("\n", -1)) {
      parser.lineNumber++;
      if (!line.isEmpty()) {
        parser.line(line);
      }
    }
    return List.copyOf(parser.families.values());
  }

  private void line(String line) {
    Matcher help = HELP.matcher(line);
    Matcher type = TYPE.matcher(line);
    if (help.matches()) {
      Family f = family(help.group(1));
      if (f.help() != null) {
        fail("second HELP for " + f.name());
      }
      replace(new Family(f.name(), unescapeHelp(help.group(2)), f.type(), f.samples()));
    } else if (type.matches()) {
      Family f = family(type.group(1));
      if (f.type() != null || !f.samples().isEmpty()) {
        fail("TYPE for " + f.name() + " must come once, before its samples");
      }
      replace(new Family(f.name(), f.help(), type.group(2), f.samples()));
    } else if (line.startsWith("#")) {
      fail("not a HELP or TYPE line");
    } else {
      sample(line);
    }
  }

  private void sample(String line) {
    Matcher name = SAMPLE_NAME.matcher(line);
    if (!name.lookingAt()) {
      fail("no metric name");
    }
    int at = name.end();
    Map<String, String> labels = new LinkedHashMap<>();
    if (at < line.length() && line.charAt(at) == '{') {
      at = labels(line, at + 1, labels);
    }
    Matcher value = VALUE.matcher(line).region(at, line.length());
    if (!value.matches()) {
      fail("no value after the labels");
    }
    String number = value.group(1);
    double parsed = SPECIAL.contains(number)
        ? number.equals("NaN") ? Double.NaN : number.startsWith("+") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY
        : Double.parseDouble(number);
    Family f = family(name.group());
    if (current != null && !current.name().equals(f.name()) && !f.samples().isEmpty()) {
      fail("samples of " + f.name() + " are not together");
    }
    current = f;
    f.samples().add(new Sample(name.group(), labels, parsed));
  }

  /** Reads {@code name="value",...}} from just after the brace; returns the index after the closing one. */
  private int labels(String line, int at, Map<String, String> labels) {
    while (true) {
      if (at < line.length() && line.charAt(at) == '}') {
        return at + 1;
      }
      Matcher name = LABEL_NAME.matcher(line).region(at, line.length());
      if (!name.lookingAt() || !line.startsWith("=\"", name.end())) {
        fail("expected a label name and =\" at column " + at);
      }
      StringBuilder value = new StringBuilder();
      int i = name.end() + 2;
      for (; i < line.length() && line.charAt(i) != '"'; i++) {
        char c = line.charAt(i);
        if (c == '\\') {
          char next = i + 1 < line.length() ? line.charAt(++i) : '?';
          value.append(switch (next) {
            case '\\' -> '\\';
            case '"' -> '"';
            case 'n' -> '\n';
            default -> throw error("bad escape \\" + next + " in a label value");
          });
        } else {
          value.append(c);
        }
      }
      if (i >= line.length()) {
        fail("unterminated label value");
      }
      if (labels.put(name.group(), value.toString()) != null) {
        fail("label " + name.group() + " twice");
      }
      at = i + 1;
      if (at < line.length() && line.charAt(at) == ',') {
        at++;
      } else if (at >= line.length() || line.charAt(at) != '}') {
        fail("expected , or } after a label value");
      }
    }
  }

  /** HELP text knows only the escapes \\ and \n. */
  private String unescapeHelp(String help) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < help.length(); i++) {
      char c = help.charAt(i);
      if (c != '\\') {
        text.append(c);
        continue;
      }
      char next = i + 1 < help.length() ? help.charAt(++i) : '?';
      text.append(switch (next) {
        case '\\' -> '\\';
        case 'n' -> '\n';
        default -> throw error("bad escape \\" + next + " in HELP");
      });
    }
    return text.toString();
  }

  private Family family(String name) {
    return families.computeIfAbsent(name, n -> new Family(n, null, null, new ArrayList<>()));
  }

  /** Records a HELP or TYPE; from here on only this family's samples may follow. */
  private void replace(Family f) {
    families.put(f.name(), f);
    current = f;
  }

  private void fail(String why) {
    throw error(why);
  }

  private IllegalArgumentException error(String why) {
    return new IllegalArgumentException("line " + lineNumber + ": " + why);
  }
}
