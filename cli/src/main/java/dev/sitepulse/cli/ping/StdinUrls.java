package dev.sitepulse.cli.ping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The URLs of {@code ping -}: one a line, blank lines and {@code #} comments skipped. */
final class StdinUrls {

  /** As a config's limit: more is no list of URLs ({@code ping - < /dev/zero}), and would fill the memory. */
  static final int MAX_BYTES = 64 << 20;

  private StdinUrls() {}

  static List<String> read(InputStream stdin) throws IOException {
    byte[] bytes = stdin.readNBytes(MAX_BYTES + 1); // one more tells a list at the limit from a longer one
    if (bytes.length > MAX_BYTES) {
      throw new IOException("it goes on past " + (MAX_BYTES >> 20) + " MB, which no list of URLs does");
    }
    List<String> urls = new ArrayList<>();
    boolean first = true;
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\\R")) {
      // A list saved with a byte order mark starts with U+FEFF, which would make the URL invalid.
      String t = (first && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
      first = false;
      if (!t.isEmpty() && !t.startsWith("#")) {
        urls.add(t);
      }
    }
    return urls;
  }
}
