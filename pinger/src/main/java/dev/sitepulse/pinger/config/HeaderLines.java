package dev.sitepulse.pinger.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Headers as typed on a command line, curl's {@code -H 'Name: value'}, and how they layer over a config's. */
public final class HeaderLines {

  private HeaderLines() {}

  /**
   * A header as curl's {@code -H} takes it, {@code Name: value}, the blanks around name and value
   * dropped.
   *
   * @throws IllegalArgumentException without a colon, or with nothing before it
   */
  public static Map.Entry<String, String> parse(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0 || line.substring(0, colon).isBlank()) {
      throw new IllegalArgumentException("expected NAME: VALUE, got '" + line + "'");
    }
    return Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
  }

  /** {@code base} with {@code over}'s headers added, each replacing one of the same name in any case. */
  public static Map<String, String> merged(Map<String, String> base, Map<String, String> over) {
    Map<String, String> merged = new LinkedHashMap<>(base);
    over.forEach((name, value) -> {
      merged.keySet().removeIf(name::equalsIgnoreCase);
      merged.put(name, value);
    });
    return merged;
  }
}
