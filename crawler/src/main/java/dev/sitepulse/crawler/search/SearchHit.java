package dev.sitepulse.crawler.search;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One ranked page.
 *
 * @param score the BM25 score, with title and heading matches boosted
 * @param snippet a short excerpt of the body around the best matches; the body's start when only
 *     the title, url or host matched; empty for a page without text
 * @param highlights where the query's terms and phrases sit in {@code snippet}, in order
 * @param anchor the id of the element that defines an API name the query typed, or null
 */
public record SearchHit(
    String url, String title, float score, String snippet, List<Highlight> highlights, String anchor) {

  public SearchHit {
    highlights = List.copyOf(highlights);
  }

  public SearchHit(String url, String title, float score, String snippet, List<Highlight> highlights) {
    this(url, title, score, snippet, highlights, null);
  }

  /** The page's URL, at the definition the query named when it has one; the id's non-ASCII letters percent-encoded. */
  public String link() {
    if (anchor == null) {
      return url;
    }
    StringBuilder link = new StringBuilder(url).append('#');
    for (byte b : anchor.getBytes(StandardCharsets.UTF_8)) {
      if (b >= 0) {
        link.append((char) b); // an API name's id is letters, digits, _ and .
      } else {
        link.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
      }
    }
    return link.toString();
  }
}
