package dev.sitepulse.crawler.search.internal.snippets;

import static dev.sitepulse.crawler.index.PageFields.BODY;
import static dev.sitepulse.crawler.index.PageFields.DESCRIPTION;
import static dev.sitepulse.crawler.index.PageFields.HEADINGS;
import static dev.sitepulse.crawler.index.PageFields.TITLE;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Body snippets from Lucene's UnifiedHighlighter, which reads match offsets straight from the
 * body's postings. Built once per searcher; thread-safe.
 */
public final class SnippetHighlighter extends UnifiedHighlighter {
  private static final String[] FIELDS = {BODY};

  /** A query for title:cache still shows "cache" in bold in the body. */
  private static final Set<String> TEXT_FIELDS = Set.of(TITLE, HEADINGS, DESCRIPTION, BODY);

  private static final int PASSAGES = SnippetFormatter.PASSAGES_SHOWN + 1;

  public SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer) {
    this(searcher, analyzer, new LeanPassageScorer(), new SnippetFormatter());
  }

  SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer, PassageScorer scorer, SnippetFormatter formatter) {
    super(
        builder(searcher, analyzer)
            .withFormatter(formatter)
            .withBreakIterator(SentenceBreaks::new)
            .withFieldMatcher(TEXT_FIELDS::contains)
            // The default stops looking after 10,000 chars; docs pages run far longer.
            .withMaxLength(Integer.MAX_VALUE - 1)
            .withMaxNoHighlightPassages(1)
            .withScorer(scorer));
  }

  /** One snippet per hit, in hit order; {@link Snippet#EMPTY} for a page without body text. */
  public Snippet[] snippets(Query query, ScoreDoc[] hits) throws IOException {
    int[] docIds = new int[hits.length];
    for (int i = 0; i < hits.length; i++) {
      docIds[i] = hits[i].doc;
    }
    Map<String, Object[]> byField =
        highlightFieldsAsObjects(FIELDS, query, docIds, new int[] {PASSAGES});
    Object[] bodies = byField.get(BODY);
    Snippet[] snippets = new Snippet[hits.length];
    for (int i = 0; i < hits.length; i++) {
      snippets[i] = bodies != null && bodies[i] instanceof Snippet s ? s : Snippet.EMPTY;
    }
    return snippets;
  }
}
