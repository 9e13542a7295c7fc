package dev.sitepulse.pinger.internal.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.Inflater;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.InflaterSource;
import okio.Okio;

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
    return body == null ? Body.EMPTY : read(body.source(), body.contentType(), maxBytes, keep);
  }

  /**
   * Reads a body sent with {@code Content-Encoding: deflate}, decoded, and at most
   * {@code maxBytes} of it (a small body can inflate to gigabytes). OkHttp decodes only the gzip
   * it asks for; browsers also take deflate, so some servers send it unasked. The zlib wrapper
   * RFC 9110 prescribes is optional in practice: without one, the data is read as raw deflate.
   */
  static Body readDeflated(ResponseBody body, long maxBytes) throws IOException {
    if (body == null) {
      return Body.EMPTY;
    }
    BufferedSource source = body.source();
    boolean zlib = source.request(2) && isZlibHeader(source.getBuffer().getByte(0), source.getBuffer().getByte(1));
    try (InflaterSource inflated = new InflaterSource(source, new Inflater(!zlib))) {
      return read(Okio.buffer(inflated), body.contentType(), maxBytes, true);
    }
  }

  /** RFC 1950: compression method 8 (deflate), and the two bytes together a multiple of 31. */
  private static boolean isZlibHeader(byte cmf, byte flg) {
    return (cmf & 0x0f) == 8 && ((cmf & 0xff) << 8 | (flg & 0xff)) % 31 == 0;
  }

  private static Body read(BufferedSource source, MediaType type, long maxBytes, boolean keep)
      throws IOException {
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
    return new Body(read, truncated, keep ? kept.readByteArray() : null, type);
  }

  private static Charset charset(MediaType type) {
    Charset c = type == null ? null : type.charset(null);
    return c == null ? StandardCharsets.UTF_8 : c;
  }
}
