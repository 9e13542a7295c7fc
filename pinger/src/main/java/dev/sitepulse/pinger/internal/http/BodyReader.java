package dev.sitepulse.pinger.internal.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** Reads at most a set number of body bytes, keeping them only when someone needs the content. */
final class BodyReader {

  /** What was read: the byte count, whether more was left unread, and the content if kept. */
  record Body(long bytes, boolean truncated, byte[] content, MediaType type) {
    static final Body EMPTY = new Body(0, false, null, null);

    /** The content decoded with the declared charset, UTF-8 when none; null when not kept. */
    String text() {
      return content == null ? null : new String(content, charset(type));
    }
  }

  private static final long CHUNK = 8192;

  private BodyReader() {}

  static Body read(ResponseBody body, long maxBytes, boolean keep) throws IOException {
    if (body == null) {
      return Body.EMPTY;
    }
    BufferedSource source = body.source();
    Buffer kept = new Buffer();
    Buffer scratch = new Buffer();
    long read = 0;
    while (read < maxBytes) {
      long n = source.read(scratch, Math.min(CHUNK, maxBytes - read));
      if (n == -1) {
        break;
      }
      read += n;
      if (keep) {
        kept.write(scratch, n);
      } else {
        scratch.clear();
      }
    }
    // Only ask for more when the limit was reached: asking blocks until a byte or the end arrives.
    boolean truncated = read >= maxBytes && !source.exhausted();
    return new Body(read, truncated, keep ? kept.readByteArray() : null, body.contentType());
  }

  private static Charset charset(MediaType type) {
    Charset c = type == null ? null : type.charset(null);
    return c == null ? StandardCharsets.UTF_8 : c;
  }
}
