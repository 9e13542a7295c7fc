package dev.sitepulse.crawler.urls;

/**
 * A URL as text for people shows it (tables, warnings, summaries): whole up to {@link #MAX}
 * chars, else cut in its middle with "…", keeping its scheme and host, which say where it is,
 * and its end, which tells it from its neighbours. A page can link to a URL of 100,000 chars,
 * which made a table or a warning a wall of text. Machine outputs (JSON, CSV, JUnit, crawl.db)
 * keep the whole URL.
 */
public final class ShortUrl {

  /** The longest URL shown whole: two lines of a wide terminal. */
  public static final int MAX = 200;

  /** What the start keeps at least, past a short host: a path's first folders. */
  private static final int HEAD = 100;

  /** What the end keeps at least, however long the host: the last segment and its query. */
  private static final int MIN_TAIL = 60;

  private ShortUrl() {}

  /** {@code url} if it has at most {@link #MAX} chars, else its start and end around "…", {@code MAX} in all. */
  public static String of(String url) {
    if (url == null || url.length() <= MAX) {
      return url;
    }
    int head = Math.min(Math.max(HEAD, authorityEnd(url)), MAX - 1 - MIN_TAIL);
    int tail = url.length() - (MAX - 1 - head);
    // Not between the two halves of a surrogate pair: the cut would show as a broken character.
    if (Character.isHighSurrogate(url.charAt(head - 1))) {
      head--;
    }
    if (Character.isLowSurrogate(url.charAt(tail))) {
      tail++;
    }
    return url.substring(0, head) + "…" + url.substring(tail);
  }

  /** Where the scheme, user info and host end: at the first /, ? or # after "//", or 0 without one. */
  private static int authorityEnd(String url) {
    int slashes = url.indexOf("//");
    if (slashes < 0) {
      return 0;
    }
    for (int i = slashes + 2; i < url.length(); i++) {
      if ("/?#".indexOf(url.charAt(i)) >= 0) {
        return i;
      }
    }
    return url.length();
  }
}
