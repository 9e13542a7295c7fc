package dev.sitepulse.crawler.search.internal.snippets;

import dev.sitepulse.crawler.search.Highlight;
import java.util.List;

/**
 * A body excerpt and where the matches sit in it.
 *
 * @param focus where in the body the best passage shown has its first match, -1 when nothing matched
 */
public record Snippet(String text, List<Highlight> highlights, int focus) {
  static final Snippet EMPTY = new Snippet("", List.of(), -1);
}
