package dev.sitepulse.crawler.search;

import java.util.List;

/** One ranked result with a snippet of its text and where the query matched in it. */
public record SearchHit(String url, String title, float score, String snippet, List<Highlight> highlights) {
  public SearchHit {
    highlights = List.copyOf(highlights);
  }
}
