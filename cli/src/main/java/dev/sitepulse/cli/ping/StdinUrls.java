package dev.sitepulse.cli.ping;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The URLs of {@code ping -}: one a line, blank lines and {@code #} comments skipped. */
final class StdinUrls {

  /** As a config's limit: more is no list of URLs ({@code ping - < /dev/zero}), and would fill the memory. */
  static final int MAX_BYTES = 64 << 20;

  private StdinUrls() {}

  static List<String> read(InputStream stdin) throws IOException {
    List<String> urls = new ArrayList<>();
    BufferedReader in = new BufferedReader(new InputStreamReader(new Limited(stdin), StandardCharsets.UTF_8));
    boolean first = true;
    for (String line; (line = in.readLine()) != null; first = false) {
      // A list saved with a byte order mark starts with U+FEFF, which would make the URL invalid.
      String t = (first && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        urls.add(t);
      }
    }
    return urls;
  }

  /** Fails once more than {@link #MAX_BYTES} have been read. */
  private static final class Limited extends FilterInputStream {
    private long read;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > MAX_BYTES) {
        throw new IOException("it goes on past " + (MAX_BYTES >> 20) + " MB, which no list of URLs does");
      }
    }
  }
}
