package dev.sitepulse.crawler.search;

import java.util.List;

/**
 * A body excerpt and where the matches sit in it.
 *
 * @param focus where in the body the best passage shown has its first match, -1 when nothing matched
 */
record Snippet(String text, List<Highlight> highlights, int focus) {
  static final Snippet EMPTY = new Snippet("", List.of(), -1);
}
