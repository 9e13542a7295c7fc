package dev.sitepulse.pinger.config;

import com.fasterxml.jackson.core.JsonStreamContext;
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

  /** {@code targets[2].conditions[0]}, for the value a parser is at. */
  static String of(JsonStreamContext at) {
    String path = "";
    for (JsonStreamContext c = at; c != null && !c.inRoot(); c = c.getParent()) {
      path = (c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName()) + path;
    }
    return path.startsWith(".") ? path.substring(1) : path;
  }

  /** " (did you mean timeout?)", or the list of keys allowed here. */
  static String suggestion(String unknown, Collection<?> known) {
    if (known == null || known.isEmpty()) {
      return "";
    }
    String nearest = NearestName.of(unknown, known);
    if (nearest != null) {
      return " (did you mean " + nearest + "?)";
    }
    return " (allowed here: " + known.stream().map(Object::toString).sorted()
        .collect(Collectors.joining(", ")) + ")";
  }

  static String typeName(Class<?> type) {
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
      return "a whole number"; // "expected a number, got 1.5" would contradict itself
    }
    if (Number.class.isAssignableFrom(type)) {
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
}
