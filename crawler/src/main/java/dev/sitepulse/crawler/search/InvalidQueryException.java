package dev.sitepulse.crawler.search;

/** A query Lucene's classic syntax cannot parse; the message is one line naming the position. */
public final class InvalidQueryException extends Exception {
  public InvalidQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
