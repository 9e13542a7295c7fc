package dev.sitepulse.crawler.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Comparator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;

/**
 * A hit's snippet from the part of its page it links to: for a definition, its signature and
 * opening sentences, which say what it is, rather than the page's best passages elsewhere (for
 * {@code str split} on Python's Built-in Types, sentences about {@code str()} and {@code float()}).
 * Thread-safe: one snippet at a time.
 */
final class SectionSnippets {
  private final InSectionFirst scorer = new InSectionFirst();
  private final SnippetFormatter formatter = new SnippetFormatter();
  private final SnippetHighlighter highlighter;
  private int[] section;

  SectionSnippets(IndexSearcher searcher, Analyzer analyzer) {
    highlighter = new SnippetHighlighter(searcher, analyzer, scorer, formatter) {
      @Override
      protected FieldHighlighter newFieldHighlighter(String field, FieldOffsetStrategy offsets,
          BreakIterator breaks, PassageScorer passageScorer, int maxPassages, int maxNoHighlightPassages,
          PassageFormatter passageFormatter, Comparator<Passage> order) {
        return new OpensTheSection(field, offsets, breaks, passageScorer, maxPassages,
            maxNoHighlightPassages, passageFormatter, order);
      }
    };
  }

  /** @param section where the part lies in the body, {@code {start, end}} */
  synchronized Snippet within(Query query, ScoreDoc hit, int[] section) throws IOException {
    this.section = section;
    formatter.keepTo(section);
    return highlighter.snippets(query, new ScoreDoc[] {hit})[0];
  }

  /**
   * Passages in the section first, the earliest first, which the formatter then shows alone; those
   * elsewhere, for a section without a match, as Lucene scores them, which stays far below.
   */
  private final class InSectionFirst extends PassageScorer {
    private static final float IN_SECTION = 1e7f;
    private final PassageScorer elsewhere = new LeanPassageScorer();

    @Override
    public float score(Passage passage, int contentLength) {
      int start = passage.getStartOffset();
      boolean inside = start < section[1] && passage.getEndOffset() > section[0];
      return inside ? IN_SECTION - Math.max(0, start - section[0]) : elsewhere.score(passage, contentLength);
    }
  }

  /**
   * Where nothing on the page matches, its first sentence is the section's, not the page's: a
   * definition found by a name the text leaves out, a stop word ({@code is}) or a javadoc
   * constructor's id.
   */
  private final class OpensTheSection extends FieldHighlighter {
    OpensTheSection(String field, FieldOffsetStrategy offsets, BreakIterator breaks, PassageScorer scorer,
        int maxPassages, int maxNoHighlightPassages, PassageFormatter formatter, Comparator<Passage> order) {
      super(field, offsets, breaks, scorer, maxPassages, maxNoHighlightPassages, formatter, order);
    }

    @Override
    protected Passage[] getSummaryPassagesNoHighlight(int maxPassages) {
      int textEnd = breakIterator.last();
      int end = section[0] < textEnd ? Math.min(breakIterator.following(section[0]), section[1]) : section[0];
      if (maxPassages < 1 || end <= section[0]) {
        return new Passage[0];
      }
      Passage opening = new Passage();
      opening.setStartOffset(section[0]);
      opening.setEndOffset(end);
      return new Passage[] {opening};
    }
  }
}
