package dev.sitepulse.pinger.config;

/**
 * Refuses a config line too long for YAML to read in reasonable time. SnakeYAML's reader copies
 * what it holds of a token (a value, a comment, a run of spaces) each time it reads 1024 more
 * characters, so a token's time grows with the square of its length: a value of 4 MB took 20
 * CPU-seconds, one of 60 MB, under the size limit, hours. No token goes past a line break, so
 * bounding lines bounds that time to about what reading a file of that size takes anyway.
 */
final class LongLines {

  /** Characters a line may hold: far more than a header, a body or a one-line JSON list of targets needs. */
  static final int MAX_LINE = 1 << 20;

  private LongLines() {}

  static void check(String yaml, String fileName) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= yaml.length(); i++) {
      char c = i < yaml.length() ? yaml.charAt(i) : '\n';
      if (c != '\n' && c != '\r') {
        continue;
      }
      if (i - start > MAX_LINE) {
        throw new ConfigException(fileName + ":" + line + ": a line of " + (i - start) + " characters, over the "
            + (MAX_LINE >> 20) + " MiB a config's line may hold (YAML takes time that grows with the square of a"
            + " line's length); break it: a double-quoted value goes on after a line that ends in \\");
      }
      if (c == '\n') {
        line++;
      }
      start = i + 1;
    }
  }
}
