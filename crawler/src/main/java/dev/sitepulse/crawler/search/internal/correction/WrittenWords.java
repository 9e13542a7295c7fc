package dev.sitepulse.crawler.search.internal.correction;

import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.index.SurfaceForms;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.spell.LuceneLevenshteinDistance;

/**
 * The written word of a stem nearest what a user typed: the text fields hold "dictionari" where a
 * page says "dictionary" or "dictionaries", and a suggestion must be a word a person would type.
 * Headings are not stored, and their words are in the body too.
 */
final class WrittenWords {
  private static final List<String> STORED_TEXT = List.of(PageFields.BODY, PageFields.TITLE, PageFields.DESCRIPTION);
  /** Enough pages to see a word's usual forms; each one costs a stored body to decompress. */
  private static final int MAX_PAGES = 4;
  private static final LuceneLevenshteinDistance DISTANCE = new LuceneLevenshteinDistance();

  private final DirectoryReader reader;
  private final Analyzer analyzer;

  WrittenWords(DirectoryReader reader, Analyzer analyzer) {
    this.reader = reader;
    this.analyzer = analyzer;
  }

  /**
   * Of the words the pages write for {@code stem}, the one nearest {@code typed}, and of those the
   * most frequent, as written; null when no stored text has it.
   */
  String nearest(String stem, String typed) throws IOException {
    for (String field : STORED_TEXT) {
      Map<String, Integer> counts = SurfaceForms.counts(reader, analyzer, field, stem, MAX_PAGES);
      if (!counts.isEmpty()) {
        Comparator<Map.Entry<String, Integer>> nearestFirst = Comparator
            .comparingInt((Map.Entry<String, Integer> e) -> edits(typed, e.getKey()))
            .thenComparing(e -> -e.getValue())
            .thenComparing(Map.Entry::getKey);
        return counts.entrySet().stream().min(nearestFirst).orElseThrow().getKey();
      }
    }
    return null;
  }

  /**
   * Edits from one word to the other in any case, a swap of two letters counting one, as Lucene's
   * fuzzy matching counts them: its similarity is 1 − edits / the shorter word's length.
   */
  static int edits(String a, String b) {
    String lowerA = a.toLowerCase(Locale.ROOT);
    String lowerB = b.toLowerCase(Locale.ROOT);
    int shorter = Math.min(lowerA.codePointCount(0, lowerA.length()), lowerB.codePointCount(0, lowerB.length()));
    return Math.round((1 - DISTANCE.getDistance(lowerA, lowerB)) * shorter);
  }
}
