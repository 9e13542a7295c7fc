package dev.sitepulse.pinger.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a config's tokens once before binding, noting where every key is and rejecting keys the
 * target records do not have. Jackson binds records through their constructors, so by the time
 * it reports a problem it is at the end of the mapping; this pass knows each key's own line.
 */
final class KeyScan {

  /** A key that no record component matches, with where it is and what would have fit. */
  static final class UnknownKey extends Exception {
    final String path;
    final String key;
    final JsonLocation location;
    final List<String> known;

    UnknownKey(String path, String key, JsonLocation location, List<String> known) {
      super(path, null, false, false);
      this.path = path;
      this.key = key;
      this.location = location;
      this.known = known;
    }
  }

  private static final PropertyNamingStrategies.NamingBase KEBAB =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.KEBAB_CASE;

  private final Map<String, JsonLocation> locations = new HashMap<>();

  private KeyScan() {}

  /** Every key path ({@code targets[1].timeout}) and list item ({@code targets[1]}) with its place. */
  static Map<String, JsonLocation> scan(JsonParser p, Class<?> root) throws IOException, UnknownKey {
    KeyScan scan = new KeyScan();
    if (p.nextToken() != null) {
      scan.value(p, root, "");
    }
    return scan.locations;
  }

  private void value(JsonParser p, Type type, String path) throws IOException, UnknownKey {
    JsonToken token = p.currentToken();
    Class<?> raw = raw(type);
    if (token == JsonToken.START_OBJECT && raw.isRecord()) {
      Map<String, Type> components = components(raw);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        String keyPath = path.isEmpty() ? key : path + "." + key;
        JsonLocation at = p.currentTokenLocation();
        locations.put(keyPath, at);
        Type componentType = components.get(key);
        if (componentType == null) {
          throw new UnknownKey(keyPath, key, at, List.copyOf(components.keySet()));
        }
        p.nextToken();
        value(p, componentType, keyPath);
      }
    } else if (token == JsonToken.START_ARRAY && List.class.isAssignableFrom(raw)) {
      Type element = typeArgument(type, 0);
      for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
        String itemPath = path + "[" + i + "]";
        locations.put(itemPath, p.currentTokenLocation());
        value(p, element, itemPath);
      }
    } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      p.skipChildren(); // maps of free-form keys (headers), or a shape Jackson will reject itself
    }
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
