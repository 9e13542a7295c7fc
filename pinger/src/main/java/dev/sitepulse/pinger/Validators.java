package dev.sitepulse.pinger;

/**
 * A response's cache validators (RFC 9110 §8.8): sent back as If-None-Match and
 * If-Modified-Since, they let a server answer 304 Not Modified instead of the whole body.
 *
 * @param etag the ETag header as sent, quotes and W/ included; null when absent
 * @param lastModified the Last-Modified header as sent; null when absent
 */
public record Validators(String etag, String lastModified) {

  public static final Validators NONE = new Validators(null, null);

  public Validators {
    etag = blankToNull(etag);
    lastModified = blankToNull(lastModified);
  }

  /** Whether there is anything to send: a server needs at least one to answer 304. */
  public boolean any() {
    return etag != null || lastModified != null;
  }

  private static String blankToNull(String header) {
    return header == null || header.isBlank() ? null : header.strip();
  }
}
