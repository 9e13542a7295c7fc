package dev.sitepulse.crawler;

/** A crawl that could not start or could not keep its state: a one-line reason, naming the file. */
public final class CrawlException extends Exception {
  public CrawlException(String message, Throwable cause) {
    super(message, cause);
  }
}
