package dev.sitepulse.crawler.index;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The words pages write for the terms the index holds. The text fields hold stems ("modul",
 * "dictionari"), which no one should be shown or asked to type: a stem's words are read where the
 * first few pages that hold it have it. The body's postings keep each word's offsets, so its stored
 * text gives the word as written without analyzing it again; a field stored without offsets (the
 * title, the description: short) is analyzed again.
 */
public final class SurfaceForms {

  /** Occurrences read per page: a page that repeats a word a thousand times is one voice. */
  private static final int PER_PAGE = 20;

  private SurfaceForms() {}

  /**
   * How often each word stands for {@code stem} in {@code field} of the first {@code maxPages} live
   * pages that have it, as written (a possessive's 's dropped, as the analyzer drops it); empty when
   * no stored text has it.
   */
  public static Map<String, Integer> counts(IndexReader reader, Analyzer analyzer, String field, String stem,
      int maxPages) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    BytesRef term = new BytesRef(stem);
    int pages = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader segment = leaf.reader();
      Terms terms = segment.terms(field);
      TermsEnum seek = terms == null ? null : terms.iterator();
      if (seek == null || !seek.seekExact(term)) {
        continue;
      }
      FieldInfo info = segment.getFieldInfos().fieldInfo(field);
      boolean offsets = info.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) >= 0;
      PostingsEnum postings = seek.postings(null, offsets ? PostingsEnum.OFFSETS : PostingsEnum.NONE);
      Bits live = segment.getLiveDocs();
      StoredFields stored = segment.storedFields();
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && pages < maxPages;
          doc = postings.nextDoc()) {
        String text = live != null && !live.get(doc) ? null : stored.document(doc, Set.of(field)).get(field);
        if (text == null) {
          continue;
        }
        pages++;
        if (offsets) {
          countFromPostings(postings, text, counts);
        } else {
          countByAnalyzing(analyzer, field, text, stem, counts);
        }
      }
      if (pages == maxPages) {
        break;
      }
    }
    return counts;
  }

  /**
   * Each term's most written word in {@code field}, read from its first {@code pagesPerTerm} pages:
   * lower-cased unless never written so ("Python" mostly starts sentences, "API" is never
   * lower-cased); a term no page spells out maps to itself.
   */
  public static Map<String, String> mostWritten(IndexReader reader, Analyzer analyzer, String field,
      Collection<String> terms, int pagesPerTerm) throws IOException {
    Map<String, String> words = new HashMap<>();
    for (String term : terms) {
      words.put(term, mostWritten(term, counts(reader, analyzer, field, term, pagesPerTerm)));
    }
    return words;
  }

  /** Ties go to the shorter word, then the first in order, so that each run shows the same. */
  private static String mostWritten(String term, Map<String, Integer> counts) {
    Map<String, Integer> byWord = new HashMap<>();
    Map<String, String> spelling = new HashMap<>(); // its most written spelling, if never lower-case
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
        .forEach(e -> {
          String word = e.getKey().toLowerCase(Locale.ROOT);
          byWord.merge(word, e.getValue(), Integer::sum);
          spelling.merge(word, e.getKey(), (first, next) -> next.equals(word) ? word : first);
        });
    return byWord.entrySet().stream()
        .min(Map.Entry.<String, Integer>comparingByValue().reversed()
            .thenComparingInt(e -> e.getKey().length()).thenComparing(Map.Entry::getKey))
        .map(e -> spelling.get(e.getKey()))
        .orElse(term);
  }

  private static void countFromPostings(PostingsEnum postings, String text, Map<String, Integer> counts)
      throws IOException {
    for (int i = Math.min(postings.freq(), PER_PAGE); i > 0; i--) {
      postings.nextPosition();
      int start = postings.startOffset();
      int end = postings.endOffset();
      if (start >= 0 && start < end && end <= text.length()) {
        counts.merge(withoutPossessive(text.substring(start, end)), 1, Integer::sum);
      }
    }
  }

  private static void countByAnalyzing(Analyzer analyzer, String field, String text, String stem,
      Map<String, Integer> counts) throws IOException {
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

  /** EnglishPossessiveFilter drops "'s" from the term but not from its offsets. */
  private static String withoutPossessive(String word) {
    int n = word.length();
    if (n > 2 && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '\u2019')
        && (word.charAt(n - 1) == 's' || word.charAt(n - 1) == 'S')) {
      return word.substring(0, n - 2);
    }
    return word;
  }
}
