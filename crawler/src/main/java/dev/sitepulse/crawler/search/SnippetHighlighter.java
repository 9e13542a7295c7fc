package dev.sitepulse.crawler.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Lucene's UnifiedHighlighter, with its formatter's objects (our {@link Snippets}) let out. */
final class SnippetHighlighter extends UnifiedHighlighter {

  SnippetHighlighter(Builder builder) {
    super(builder);
  }

  Object[] passages(String field, Query query, int[] docIds, int maxPassages) throws IOException {
    Map<String, Object[]> byField =
        highlightFieldsAsObjects(new String[] {field}, query, docIds, new int[] {maxPassages});
    return byField.get(field);
  }
}
