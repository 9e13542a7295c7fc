package dev.sitepulse.pinger.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Walks a config's tokens once before binding, noting where every key's value is and rejecting
 * what the target records cannot take: unknown keys, keys given twice, empty values and numbers
 * too large for their type. Jackson binds records through their constructors, so by the time it
 * reports a problem it is at the end of the mapping; this pass knows each value's own place.
 * Every error points at what is wrong: a value at the value (where Jackson puts its type errors
 * too, and where an editor should jump to fix it), an unknown key or one given twice at the key.
 */
final class KeyScan {

  /** What is wrong, at which key path and where; the path is empty for the file as a whole. */
  static final class Problem extends Exception {
    final String path;
    final JsonLocation location;

    Problem(String path, JsonLocation location, String message) {
      super(message, null, false, false);
      this.path = path;
      this.location = location;
    }
  }

  /** Where each key is, and each key's value and list item, by key path ({@code targets[1].timeout}). */
  record Places(Map<String, JsonLocation> keys, Map<String, JsonLocation> values) {

    /** Where a problem of {@code path} is shown: at its key when the key is what is wrong, else at its value. */
    JsonLocation of(String path, boolean key) {
      return (key ? keys : values).get(path);
    }
  }

  private static final PropertyNamingStrategies.NamingBase KEBAB =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.KEBAB_CASE;

  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)");
  /** Digits, signed or not: a number in quotes, though not one written as a config takes it. */
  private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]+");

  /** Where each key is, to name the first of two. */
  private final Map<String, JsonLocation> keys = new HashMap<>();
  /** Where each key's value and each list item is. */
  private final Map<String, JsonLocation> values = new HashMap<>();

  private KeyScan() {}

  /** The place of every key, key path's value ({@code targets[1].timeout}) and list item ({@code targets[1]}). */
  static Places scan(JsonParser p, Class<?> root) throws IOException, Problem {
    JsonToken first = p.nextToken();
    if (first == null || first == JsonToken.VALUE_NULL) { // only comments, or a bare "---"
      throw new Problem("", null, "the config is empty");
    }
    KeyScan scan = new KeyScan();
    scan.value(p, root, "", true);
    // The first document's end is where its "---" follows, past any comments: point there, not
    // at the second document's first key, which may be far below and looks like any other.
    JsonLocation end = p.currentTokenLocation();
    if (p.nextToken() != null) { // after a "---": YAML allows several documents in a file
      throw new Problem("", end, "a second YAML document starts here; a config is one document");
    }
    return new Places(scan.keys, scan.values);
  }

  /**
   * @param mayBeEmpty whether nothing at all may stand here: a section or list left empty is
   *     none, but a scalar key, a list item or a header without a value is a mistake
   */
  private void value(JsonParser p, Type type, String path, boolean mayBeEmpty) throws IOException, Problem {
    JsonToken token = p.currentToken();
    Class<?> raw = raw(type);
    if (token == JsonToken.VALUE_NULL && !mayBeEmpty) {
      throw new Problem(path, p.currentTokenLocation(), "expected " + KeyPath.typeName(raw) + ", got nothing");
    }
    if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      // Jackson hands an alias over as the anchor's name: group: *g would be the group "g".
      throw new Problem(path, p.currentTokenLocation(),
          "YAML aliases (*" + p.getText() + ") are not supported; write the value out");
    }
    if (token != null && token.isScalarValue() && p.getTypeId() != null) {
      throw new Problem(path, p.currentTokenLocation(),
          "YAML tags (" + p.getTypeId() + ") are not supported; write the value plainly");
    }
    if (token == JsonToken.VALUE_NUMBER_INT && isWholeNumber(raw) && !DECIMAL.matcher(p.getText()).matches()) {
      // YAML 1.1 reads 010 as octal 8, and takes 0x8 and 1_000: a config means what it shows.
      // (Text keeps what was written: a header value 010 stays "010".)
      throw new Problem(path, p.currentTokenLocation(),
          "write whole numbers in plain decimal digits (as 8 or 1000), got " + p.getText());
    }
    if (token == JsonToken.VALUE_STRING && isWholeNumber(raw)) {
      // Jackson would take "3" as 3, and "010", "+3" and "" too, which written plainly are errors:
      // quotes make text, as for a switch.
      String got = p.getText();
      throw new Problem(path, p.currentTokenLocation(), "expected a whole number, got \"" + got + "\""
          + (DECIMAL.matcher(got).matches() ? " in quotes, which is text; write " + got + " without them"
              : DIGITS.matcher(got).matches() ? " in quotes, which is text" : ""));
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT && isWholeNumber(raw)) {
      // Said here, as written: Jackson's own message quotes the double it read, 1e3 as "1000.0".
      throw new Problem(path, p.currentTokenLocation(), "expected a whole number, got \"" + p.getText() + "\"");
    }
    if ((raw == Boolean.class || raw == boolean.class) && token != null && token != JsonToken.VALUE_NULL
        && !((token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE)
            && (p.getText().equalsIgnoreCase("true") || p.getText().equalsIgnoreCase("false")))) {
      // YAML 1.1 takes yes, on and 1 for true; Jackson would take 2 and "" too. A quoted "false" is
      // text that reads as the switch: the message must not seem to refuse what it asks for.
      String got = p.getText();
      boolean quoted = token == JsonToken.VALUE_STRING && (got.equalsIgnoreCase("true") || got.equalsIgnoreCase("false"));
      throw new Problem(path, p.currentTokenLocation(), "expected true or false, got \"" + got + "\""
          + (quoted ? " in quotes, which is text; write " + got.toLowerCase(Locale.ROOT) + " without them" : ""));
    }
    if (token == JsonToken.VALUE_NUMBER_INT && !fits(p.getNumberType(), raw)) {
      String n = p.getText();
      throw new Problem(path, p.currentTokenLocation(), n + (n.startsWith("-") ? " is too small" : " is too large"));
    }
    if (token == JsonToken.START_OBJECT && raw.isRecord()) {
      Map<String, Type> components = components(raw);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        String keyPath = path.isEmpty() ? key : path + "." + key;
        JsonLocation at = note(keyPath, p);
        Type componentType = components.get(key);
        if (componentType == null) {
          throw new Problem(keyPath, at, "unknown key" + KeyPath.suggestion(key, components.keySet()));
        }
        p.nextToken();
        values.put(keyPath, p.currentTokenLocation());
        value(p, componentType, keyPath, isCollection(raw(componentType)));
      }
    } else if (token == JsonToken.START_OBJECT && Map.class.isAssignableFrom(raw)) {
      Type valueType = typeArgument(type, 1);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String keyPath = path + "." + p.currentName();
        note(keyPath, p);
        p.nextToken();
        values.put(keyPath, p.currentTokenLocation());
        value(p, valueType, keyPath, false);
      }
    } else if (token == JsonToken.START_ARRAY && List.class.isAssignableFrom(raw)) {
      Type element = typeArgument(type, 0);
      for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
        String itemPath = path + "[" + i + "]";
        values.put(itemPath, p.currentTokenLocation());
        value(p, element, itemPath, false);
      }
    } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      p.skipChildren(); // a shape Jackson will reject itself
    }
  }

  /**
   * Keeps where a key is, and rejects it if its mapping has it already: YAML takes the last of
   * two, silently. (Jackson's STRICT_DUPLICATE_DETECTION would say neither the key path nor where
   * the first one is.)
   */
  private JsonLocation note(String keyPath, JsonParser p) throws Problem {
    JsonLocation at = p.currentTokenLocation();
    JsonLocation first = keys.put(keyPath, at);
    if (first != null) {
      throw new Problem(keyPath, at, "given twice (first on line " + first.getLineNr() + ")");
    }
    return at;
  }

  /** Whether a whole number of this size fits the type; Jackson's own message is about Java's int. */
  private static boolean fits(JsonParser.NumberType size, Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return size == JsonParser.NumberType.INT;
    }
    if (type == Long.class || type == long.class) {
      return size == JsonParser.NumberType.INT || size == JsonParser.NumberType.LONG;
    }
    return true;
  }

  private static boolean isWholeNumber(Class<?> type) {
    return type == Integer.class || type == int.class || type == Long.class || type == long.class;
  }

  /** Sections, lists and maps: left empty, they hold nothing, as when they are absent. */
  private static boolean isCollection(Class<?> type) {
    return type.isRecord() || List.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
  }

  private static Map<String, Type> components(Class<?> record) {
    Map<String, Type> out = new LinkedHashMap<>();
    for (RecordComponent c : record.getRecordComponents()) {
      out.put(KEBAB.translate(c.getName()), c.getGenericType());
    }
    return out;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType pt) {
      return (Class<?>) pt.getRawType();
    }
    return Object.class;
  }

  private static Type typeArgument(Type type, int i) {
    return type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[i] : Object.class;
  }
}
