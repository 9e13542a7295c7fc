package dev.sitepulse.crawler.search;

import java.util.List;

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

  /** The page's URL, at the definition the query named when it has one. */
  public String link() {
    return anchor == null ? url : url + "#" + anchor;
  }
}
