package dev.sitepulse.pinger.config;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders where in a config an error is, in the config's own words. */
final class KeyPath {

  private KeyPath() {}

  /** {@code targets[2].timeout} */
  static String of(List<Reference> refs) {
    StringBuilder out = new StringBuilder();
    for (Reference r : refs) {
      if (r.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /** " (did you mean timeout?)", or the list of keys allowed here. */
  static String suggestion(String unknown, Collection<?> known) {
    if (known == null || known.isEmpty()) {
      return "";
    }
    // Case counts as no difference, so URL or Timeout finds url or timeout; the nearest key wins.
    String typed = unknown.toLowerCase(Locale.ROOT);
    Object nearest = null;
    int best = 3;
    for (Object k : known) {
      int d = distance(typed, k.toString().toLowerCase(Locale.ROOT));
      if (d < best) {
        best = d;
        nearest = k;
      }
    }
    if (nearest != null) {
      return " (did you mean " + nearest + "?)";
    }
    return " (allowed here: " + known.stream().map(Object::toString).sorted()
        .collect(Collectors.joining(", ")) + ")";
  }

  static String typeName(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping of keys to values";
    }
    if (type == DataSize.class) {
      return "a size";
    }
    if (type == java.util.regex.Pattern.class) {
      return "a regular expression";
    }
    return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
