package dev.sitepulse.crawler.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.BinaryDocValues;
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
 * few pages that use it most have it. The body's postings keep each word's offsets, so its stored
 * text gives the word as written without analyzing it again; a field stored without offsets (the
 * title, the description: short) is analyzed again.
 */
public final class SurfaceForms {

  /** Occurrences read per page: a page that repeats a word a thousand times is one voice. */
  private static final int PER_PAGE = 20;

  private SurfaceForms() {}

  /**
   * How often each word stands for {@code stem} in {@code field} of {@code maxPages} live pages that
   * have it, as written (a possessive's 's dropped, as the analyzer drops it); empty when no stored
   * text has it. The pages are those that use the stem most (ties by URL), not the first indexed:
   * which pages a crawl indexes first depends on which answered first, and words read from other
   * pages ("value" or "values", "None" or "none") changed from crawl to crawl of the same site.
   */
  public static Map<String, Integer> counts(IndexReader reader, Analyzer analyzer, String field, String stem,
      int maxPages) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    BytesRef term = new BytesRef(stem);
    List<Pick> picks = sample(reader, field, term, maxPages);
    for (int i = 0; i < picks.size(); ) {
      LeafReader segment = reader.leaves().get(picks.get(i).leaf()).reader();
      TermsEnum seek = segment.terms(field).iterator();
      seek.seekExact(term);
      FieldInfo info = segment.getFieldInfos().fieldInfo(field);
      boolean offsets = info.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) >= 0;
      PostingsEnum postings = seek.postings(null, offsets ? PostingsEnum.OFFSETS : PostingsEnum.NONE);
      StoredFields stored = segment.storedFields();
      int leaf = picks.get(i).leaf();
      for (; i < picks.size() && picks.get(i).leaf() == leaf; i++) {
        int doc = postings.advance(picks.get(i).doc());
        String text = stored.document(doc, Set.of(field)).get(field);
        if (text == null) {
          continue;
        }
        if (offsets) {
          countFromPostings(postings, text, counts);
        } else {
          countByAnalyzing(analyzer, field, text, stem, counts);
        }
      }
    }
    return counts;
  }

  /** A page picked to read a stem's words from: its segment, its doc there, and what orders it. */
  private record Pick(int leaf, int doc, int freq, BytesRef url) {}

  private static final Comparator<Pick> MOST_FIRST = Comparator.comparingInt((Pick p) -> -p.freq())
      .thenComparing(Pick::url, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparingInt(Pick::leaf)
      .thenComparingInt(Pick::doc);

  /**
   * The {@code maxPages} live pages with {@code term} in {@code field} most often, ties by URL, in
   * index order.
   */
  private static List<Pick> sample(IndexReader reader, String field, BytesRef term, int maxPages)
      throws IOException {
    PriorityQueue<Pick> kept = new PriorityQueue<>(MOST_FIRST.reversed());
    PostingsEnum docs = null;
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader segment = leaf.reader();
      Terms terms = segment.terms(field);
      TermsEnum seek = terms == null ? null : terms.iterator();
      if (seek == null || !seek.seekExact(term)) {
        continue;
      }
      Bits live = segment.getLiveDocs();
      BinaryDocValues urls = segment.getBinaryDocValues(PageFields.URL);
      docs = seek.postings(docs, PostingsEnum.FREQS);
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        int freq = docs.freq();
        if (kept.size() == maxPages && freq < kept.peek().freq()) {
          continue; // fewer occurrences than every page kept: no need to read its URL
        }
        BytesRef url = urls != null && urls.advanceExact(doc) ? BytesRef.deepCopyOf(urls.binaryValue()) : null;
        Pick pick = new Pick(leaf.ord, doc, freq, url);
        if (kept.size() < maxPages) {
          kept.add(pick);
        } else if (MOST_FIRST.compare(pick, kept.peek()) < 0) {
          kept.poll();
          kept.add(pick);
        }
      }
    }
    List<Pick> picks = new ArrayList<>(kept);
    picks.sort(Comparator.comparingInt(Pick::leaf).thenComparingInt(Pick::doc));
    return picks;
  }

  /**
   * Each term's most written word in {@code field}, read from the {@code pagesPerTerm} pages that use it most:
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

  /**
   * {@code word} without the possessive "'s" that EnglishPossessiveFilter drops from the term but
   * not from its offsets (with any of the apostrophes it knows).
   */
  public static String withoutPossessive(String word) {
    int n = word.length();
    if (n > 2 && "'\u2019\uFF07".indexOf(word.charAt(n - 2)) >= 0
        && (word.charAt(n - 1) == 's' || word.charAt(n - 1) == 'S')) {
      return word.substring(0, n - 2);
    }
    return word;
  }
}
