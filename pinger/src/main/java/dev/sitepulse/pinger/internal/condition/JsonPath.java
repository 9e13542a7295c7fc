package dev.sitepulse.pinger.internal.condition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The part after {@code [BODY]} in {@code [BODY].checks[0].name}: field names after dots and array
 * indexes in brackets, parsed once so evaluation only walks the tree.
 */
record JsonPath(String text, List<Step> steps) {

  /** One move down the tree. */
  sealed interface Step {
    /** The child it names, or null when there is none. */
    JsonNode in(JsonNode node);
  }

  record Field(String name) implements Step {
    @Override
    public JsonNode in(JsonNode node) {
      return node.isObject() ? node.get(name) : null;
    }
  }

  record Index(int index) implements Step {
    @Override
    public JsonNode in(JsonNode node) {
      return node.isArray() ? node.get(index) : null;
    }
  }

  /** Parses e.g. {@code .status}, {@code .checks[0].name} or {@code [0].id}. */
  static JsonPath parse(String text) {
    List<Step> steps = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '.') {
        int end = endOfField(text, at + 1);
        if (end == at + 1) {
          throw invalid(text, "a field name is missing after a dot");
        }
        steps.add(new Field(text.substring(at + 1, end)));
        at = end;
      } else if (c == '[') {
        int close = text.indexOf(']', at);
        if (close < 0) {
          throw invalid(text, "[ is missing its closing ]");
        }
        steps.add(new Index(index(text, text.substring(at + 1, close))));
        at = close + 1;
      } else {
        throw invalid(text, "expected . or [ before \"" + text.substring(at) + "\"");
      }
    }
    return new JsonPath(text, List.copyOf(steps));
  }

  /** The node at this path, or null when the body has nothing there. */
  JsonNode find(JsonNode root) {
    JsonNode node = root;
    for (Step step : steps) {
      node = step.in(node);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  private static int endOfField(String text, int from) {
    int end = from;
    while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
      end++;
    }
    return end;
  }

  private static int index(String path, String written) {
    boolean negative = written.startsWith("-");
    String digits = negative ? written.substring(1) : written;
    // Nine digits always fit an int; no body holds an array that long anyway.
    boolean valid = !digits.isEmpty() && digits.length() <= 9;
    for (int i = 0; valid && i < digits.length(); i++) {
      valid = digits.charAt(i) >= '0' && digits.charAt(i) <= '9';
    }
    if (!valid) {
      throw invalid(path, "array index \"" + written + "\" is not a number");
    }
    if (negative) {
      throw invalid(path, "array index \"" + written + "\" is negative; indexes count from 0");
    }
    return Integer.parseInt(digits);
  }

  private static InvalidConditionException invalid(String path, String problem) {
    return new InvalidConditionException("bad JSON path [BODY]" + path + ": " + problem);
  }
}
