package dev.sitepulse.pinger;

/**
 * A response's cache validators (RFC 9110 §8.8): sent back as If-None-Match and
 * If-Modified-Since, they let a server answer 304 Not Modified instead of the whole body.
 *
 * @param etag the ETag header as sent, quotes and W/ included; null when absent or unsendable
 * @param lastModified the Last-Modified header as sent; null when absent or unsendable
 */
public record CacheValidators(String etag, String lastModified) {

  public static final CacheValidators NONE = new CacheValidators(null, null);

  public CacheValidators {
    etag = sendableOrNull(etag);
    lastModified = sendableOrNull(lastModified);
  }

  /** Whether there is anything to send: a server needs at least one to answer 304. */
  public boolean any() {
    return etag != null || lastModified != null;
  }

  /**
   * Null for a value that is blank, or that could not be sent back: HTTP header values are
   * visible ASCII, and a server may send other bytes that OkHttp then refuses to put in a request.
   */
  private static String sendableOrNull(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    return value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f)) ? value : null;
  }
}
