package dev.sitepulse.crawler.index;

import java.util.List;

/** What the search index keeps of one page. */
public record IndexedPage(
    String url,
    String host,
    String title,
    List<String> headings,
    String body,
    String description,
    long fetchedAtMillis,
    int status,
    String language) {

  public IndexedPage {
    headings = headings == null ? List.of() : List.copyOf(headings);
  }
}
