package dev.sitepulse.crawler.search;

import java.util.List;

/** A body excerpt and where the matches sit in it. */
record Snippet(String text, List<Highlight> highlights) {
  static final Snippet EMPTY = new Snippet("", List.of());
}
