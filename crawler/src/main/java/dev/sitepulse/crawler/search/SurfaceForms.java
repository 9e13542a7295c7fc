package dev.sitepulse.crawler.search;

import dev.sitepulse.crawler.index.PageFields;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.spell.LuceneLevenshteinDistance;
import org.apache.lucene.util.BytesRef;

/**
 * The words the pages write for a stem: the text fields hold "dictionari" where a page says
 * "dictionary" or "dictionaries", and a suggestion must be a word a person would type. Read where
 * a few pages have the stem: the body's postings keep each word's offsets, so its stored text gives
 * the word as written without being analyzed again; the title and description, stored without
 * offsets, are analyzed again, short as they are. Headings are not stored, and their words are
 * in the body too.
 */
final class SurfaceForms {
  private static final List<String> STORED_TEXT = List.of(PageFields.BODY, PageFields.TITLE, PageFields.DESCRIPTION);
  /** Enough pages to see a word's usual forms; each one costs a stored body to decompress. */
  private static final int MAX_PAGES = 4;
  private static final LuceneLevenshteinDistance DISTANCE = new LuceneLevenshteinDistance();

  private final DirectoryReader reader;
  private final Analyzer analyzer;

  SurfaceForms(DirectoryReader reader, Analyzer analyzer) {
    this.reader = reader;
    this.analyzer = analyzer;
  }

  /**
   * Of the words the pages write for {@code stem}, the one nearest {@code typed}, and of those the
   * most frequent, as written; null when no stored text has it.
   */
  String nearest(String stem, String typed) throws IOException {
    for (String field : STORED_TEXT) {
      Map<String, Integer> counts = counts(field, stem);
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

  /** How often each written form of {@code stem} stands in {@code field} on the first pages that have it. */
  private Map<String, Integer> counts(String field, String stem) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    int pages = 0;
    BytesRef term = new BytesRef(stem);
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader segment = leaf.reader();
      Terms terms = segment.terms(field);
      TermsEnum seek = terms == null ? null : terms.iterator();
      if (seek == null || !seek.seekExact(term)) {
        continue;
      }
      boolean offsets = segment.getFieldInfos().fieldInfo(field).getIndexOptions()
          .compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) >= 0;
      PostingsEnum postings = seek.postings(null, offsets ? PostingsEnum.OFFSETS : PostingsEnum.NONE);
      StoredFields stored = segment.storedFields();
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && pages < MAX_PAGES;
          doc = postings.nextDoc()) {
        if (segment.getLiveDocs() != null && !segment.getLiveDocs().get(doc)) {
          continue;
        }
        String text = stored.document(doc, Set.of(field)).get(field);
        if (text != null) {
          pages++;
          if (offsets) {
            countFromPostings(postings, text, counts);
          } else {
            countByAnalyzing(field, text, stem, counts);
          }
        }
      }
    }
    return counts;
  }

  private static void countFromPostings(PostingsEnum postings, String text, Map<String, Integer> counts)
      throws IOException {
    for (int i = 0; i < postings.freq(); i++) {
      postings.nextPosition();
      int start = postings.startOffset();
      int end = postings.endOffset();
      if (start >= 0 && start < end && end <= text.length()) {
        counts.merge(withoutPossessive(text.substring(start, end)), 1, Integer::sum);
      }
    }
  }

  private void countByAnalyzing(String field, String text, String stem, Map<String, Integer> counts)
      throws IOException {
    try (TokenStream tokens = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        if (term.toString().equals(stem)) {
          counts.merge(withoutPossessive(text.substring(offset.startOffset(), offset.endOffset())), 1, Integer::sum);
        }
      }
      tokens.end();
    }
  }

  /**
   * The analyzer drops a possessive 's from the term and not from its offsets: "asyncio's" is
   * asyncio, which is what a suggestion should say.
   */
  private static String withoutPossessive(String word) {
    int n = word.length();
    if (n > 2 && (word.endsWith("'s") || word.endsWith("’s") || word.endsWith("'S") || word.endsWith("’S"))) {
      return word.substring(0, n - 2);
    }
    return word;
  }
}
