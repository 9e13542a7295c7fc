package dev.sitepulse.crawler.search.internal.snippets;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;

/**
 * A hit's snippet from the part of its page it links to: for a definition, its signature and
 * opening sentences, which say what it is, rather than the page's best passages elsewhere (for
 * {@code str split} on Python's Built-in Types, sentences about {@code str()} and {@code float()}),
 * and its first sentence where nothing in it matches ({@link SnippetFormatter#keepTo}). Thread-safe:
 * one snippet at a time, as a search's few definition hits need.
 */
public final class SectionSnippets {
  private final InSectionFirst scorer = new InSectionFirst();
  private final SnippetFormatter formatter = new SnippetFormatter();
  private final SnippetHighlighter highlighter;
  private int[] section;

  public SectionSnippets(IndexSearcher searcher, Analyzer analyzer) {
    highlighter = new SnippetHighlighter(searcher, analyzer, scorer, formatter);
  }

  /** @param section where the part lies in the body, {@code {start, end}} */
  public synchronized Snippet within(Query query, ScoreDoc hit, int[] section) throws IOException {
    this.section = section;
    formatter.keepTo(section);
    return highlighter.snippets(query, new ScoreDoc[] {hit})[0];
  }

  /** The section's passages, the earliest first; the formatter shows no other. */
  private final class InSectionFirst extends PassageScorer {
    private static final float IN_SECTION = 1e7f;

    @Override
    public float score(Passage passage, int contentLength) {
      int start = passage.getStartOffset();
      boolean inside = start < section[1] && passage.getEndOffset() > section[0];
      return inside ? IN_SECTION - Math.max(0, start - section[0]) : 0f;
    }
  }
}
