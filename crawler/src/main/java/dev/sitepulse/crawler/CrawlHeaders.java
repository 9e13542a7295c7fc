package dev.sitepulse.crawler;

import dev.sitepulse.pinger.config.InvalidValueException;
import dev.sitepulse.pinger.config.RequestChecks;
import java.util.Locale;
import java.util.Map;

/**
 * The headers a user adds to every request of a crawl or a link check ({@code --header},
 * {@code crawl.headers}): a token or a cookie for a site behind a login, an
 * {@code Accept-Language}. Checked when given, as OkHttp would send them, and kept from the
 * headers the crawl sets itself, which a user's value would break.
 */
public final class CrawlHeaders {

  /** Lower-cased names the crawl sets, with why a user may not. */
  private static final Map<String, String> OWN = Map.of(
      "user-agent", "give it as user-agent (--user-agent), which robots.txt is matched against",
      "host", "the crawl sets it from each URL",
      "connection", "the crawl keeps connections alive itself",
      "content-length", "the crawl sends no body",
      "transfer-encoding", "the crawl sends no body",
      "accept-encoding", "the crawl asks for gzip itself and decodes it",
      "if-none-match", "the crawl sets it when it refreshes a page (--refresh)",
      "if-modified-since", "the crawl sets it when it refreshes a page (--refresh)",
      "range", "the crawl reads whole pages, up to max-body");

  private CrawlHeaders() {}

  /**
   * @param key what names the header in an error: {@code headers.X-Token} in a config file
   * @throws InvalidValueException when OkHttp would refuse it, or the crawl sets it itself
   */
  public static void check(String key, String name, String value) {
    RequestChecks.header(key, name, value);
    String why = OWN.get(name.toLowerCase(Locale.ROOT));
    if (why != null) {
      throw InvalidValueException.ofKey(key, name + " cannot be set: " + why);
    }
  }
}
