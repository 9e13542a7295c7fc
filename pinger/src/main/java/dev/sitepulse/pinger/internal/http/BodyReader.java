package dev.sitepulse.pinger.internal.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Inflater;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.GzipSource;
import okio.InflaterSource;
import okio.Okio;
import okio.Source;

/**
 * Reads at most a set number of body bytes, decoded, keeping them only when someone needs the
 * content.
 *
 * <p>OkHttp decodes the gzip it asked for itself and drops the header. What still declares a
 * {@code Content-Encoding} here is the server's choice, or the answer to an {@code
 * Accept-Encoding} the user set (OkHttp then decodes nothing). When the content is wanted, gzip
 * and deflate are decoded, so that checks and pages see text either way, and the limit counts
 * decoded bytes (a small body can inflate to gigabytes); any other encoding is refused. A body
 * nobody reads is counted as sent.
 */
final class BodyReader {

  /** What was read: the byte count, whether more was left unread, and the content if kept. */
  record Body(long bytes, boolean truncated, byte[] content, MediaType type) {
    static final Body EMPTY = new Body(0, false, null, null);

    /**
     * The content decoded with the declared charset, UTF-8 when none; null when not kept. A byte
     * order mark is not content: browsers and JSON readers of bytes drop it, and Java's UTF-8
     * decoder would keep it as a U+FEFF that makes the JSON after it unreadable.
     */
    String text() {
      if (content == null) {
        return null;
      }
      String text = new String(content, charset(type));
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }

  /** A body whose content was wanted, in an encoding sitepulse cannot decode. */
  static final class UnreadableEncodingException extends IOException {
    private UnreadableEncodingException(String message) {
      super(message);
    }

    static UnreadableEncodingException unknown(String coding) {
      return new UnreadableEncodingException("the body is in Content-Encoding " + ServerText.quote(coding, 20)
          + ", which sitepulse cannot decode (it reads gzip and deflate)");
    }

    static UnreadableEncodingException tooMany(int codings) {
      return new UnreadableEncodingException("the body is encoded " + codings
          + " times over (Content-Encoding), more than sitepulse decodes (" + MAX_CODINGS + ")");
    }
  }

  private static final long CHUNK = 8192;
  /** RFC 9110 allows a list ("deflate, gzip"); servers stack two at most, and each costs buffers. */
  private static final int MAX_CODINGS = 3;
  private static final Set<String> READABLE = Set.of("gzip", "x-gzip", "deflate");

  private BodyReader() {}

  /**
   * @param maxBytes 0 reads nothing: the body counts as truncated unless it is known to be empty
   *     (by its Content-Length, or a HEAD, 204 or 304 that has none)
   */
  static Body read(Response response, long maxBytes, boolean keep) throws IOException {
    return read(response, maxBytes, keep, new AtomicLong());
  }

  /**
   * As {@link #read(Response, long, boolean)}, counting the bytes read into {@code progress} as
   * they come, so that a read that fails or is ended from another thread still says how far it got.
   */
  static Body read(Response response, long maxBytes, boolean keep, AtomicLong progress) throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      return Body.EMPTY;
    }
    if (maxBytes == 0) {
      // Nothing is to be read, so nothing is waited for: asking whether a body follows would wait
      // for its first byte, which a server that sent its head and stalled never sends.
      return new Body(0, body.contentLength() != 0, keep ? new byte[0] : null, body.contentType());
    }
    BufferedSource source = body.source();
    // Only content someone reads is decoded: a HEAD, 204 or 304 declares an encoding for a body
    // it never sends, and a body wrongly declared gzip must not fail a check that ignores it.
    if (!keep || source.exhausted()) {
      return read(source, body.contentType(), maxBytes, keep, progress);
    }
    // A server may list codings in one field or send the field once per coding (RFC 9110).
    List<String> codings = codings(String.join(",", response.headers("Content-Encoding")));
    if (codings.size() > MAX_CODINGS) {
      throw UnreadableEncodingException.tooMany(codings.size());
    }
    for (String coding : codings) { // refused before any decoder holds a native Inflater
      if (!READABLE.contains(coding)) {
        throw UnreadableEncodingException.unknown(coding);
      }
    }
    Source decoded = source;
    // Listed in the order they were applied, so undone from the last.
    for (int i = codings.size() - 1; i >= 0; i--) {
      BufferedSource layer = decoded == source ? source : Okio.buffer(decoded);
      decoded = codings.get(i).equals("deflate") ? inflating(layer) : new GzipSource(layer);
    }
    if (decoded == source) {
      return read(source, body.contentType(), maxBytes, keep, progress);
    }
    try (BufferedSource in = Okio.buffer(decoded)) {
      return read(in, body.contentType(), maxBytes, keep, progress);
    }
  }

  /** A Content-Encoding's codings, lower-cased, without identity (which changes nothing). */
  private static List<String> codings(String header) {
    List<String> codings = new ArrayList<>();
    for (String coding : header.split(",")) {
      String c = coding.strip().toLowerCase(Locale.ROOT);
      if (!c.isEmpty() && !c.equals("identity")) {
        codings.add(c);
      }
    }
    return codings;
  }

  /**
   * RFC 9110's deflate is zlib-wrapped, but servers send raw deflate too (as browsers accept
   * both): without a zlib header, the data is read as raw deflate.
   */
  private static Source inflating(BufferedSource source) throws IOException {
    boolean zlib = source.request(2) && isZlibHeader(source.getBuffer().getByte(0), source.getBuffer().getByte(1));
    return new InflaterSource(source, new Inflater(!zlib));
  }

  /** RFC 1950: compression method 8 (deflate), and the two bytes together a multiple of 31. */
  private static boolean isZlibHeader(byte cmf, byte flg) {
    return (cmf & 0x0f) == 8 && ((cmf & 0xff) << 8 | (flg & 0xff)) % 31 == 0;
  }

  private static Body read(BufferedSource source, MediaType type, long maxBytes, boolean keep,
      AtomicLong progress) throws IOException {
    Buffer kept = new Buffer();
    Buffer scratch = new Buffer();
    long read = 0;
    while (read < maxBytes) {
      long n = source.read(scratch, Math.min(CHUNK, maxBytes - read));
      if (n == -1) {
        break;
      }
      read += n;
      progress.set(read);
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
