package dev.sitepulse.crawler.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The words pages wrote for the terms the index holds. The text fields hold stems ("modul",
 * "valu", "dictionari"), which no one should be shown: a stem's word is the one written most
 * often for it in a few pages that hold it, cut from their stored text at the offsets the
 * postings keep (no text is analyzed again).
 */
public final class SurfaceForms {

  /** Occurrences read per page: a page that repeats a word a thousand times is one voice. */
  private static final int PER_PAGE = 20;

  private SurfaceForms() {}

  /**
   * @param field a stored text field indexed with offsets
   * @param pagesPerTerm how many pages holding each term to read (the first ones in the index)
   * @return each term's most written word, lower-cased unless never written so; a term no page
   *     spells out (no offsets indexed, or only deleted pages) maps to itself
   */
  public static Map<String, String> of(IndexReader reader, String field, Collection<String> terms,
      int pagesPerTerm) throws IOException {
    Map<String, String> words = new HashMap<>();
    Terms indexed = MultiTerms.getTerms(reader, field);
    Bits live = MultiBits.getLiveDocs(reader);
    StoredFields stored = reader.storedFields();
    Map<Integer, String> texts = new HashMap<>(); // a page several terms share is read once
    TermsEnum it = indexed == null ? null : indexed.iterator();
    PostingsEnum postings = null;
    for (String term : terms) {
      Map<String, Integer> written = new HashMap<>();
      if (it != null && it.seekExact(new BytesRef(term))) {
        postings = it.postings(postings, PostingsEnum.OFFSETS);
        int pages = 0;
        for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS && pages < pagesPerTerm;
            d = postings.nextDoc()) {
          if (live != null && !live.get(d)) {
            continue;
          }
          pages++;
          String text = texts.computeIfAbsent(d, page -> storedText(stored, page, field));
          for (int i = Math.min(postings.freq(), PER_PAGE); i > 0; i--) {
            postings.nextPosition();
            int start = postings.startOffset();
            int end = postings.endOffset();
            if (text != null && start >= 0 && start < end && end <= text.length()) {
              written.merge(text.substring(start, end), 1, Integer::sum);
            }
          }
        }
      }
      words.put(term, mostWritten(term, written));
    }
    return words;
  }

  private static String storedText(StoredFields stored, int page, String field) {
    try {
      return stored.document(page, Set.of(field)).get(field);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Case is folded unless a word is never written in lower case ("Python" in prose is mostly at
   * the start of sentences, "API" never lower-cased). Ties go to the shorter word, then the first
   * in order, the same every run.
   */
  private static String mostWritten(String term, Map<String, Integer> counts) {
    Map<String, Integer> byWord = new HashMap<>();
    Map<String, String> spelling = new HashMap<>(); // its most written spelling, if never lower-case
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
        .forEach(e -> {
          String as = possessiveless(e.getKey());
          String word = as.toLowerCase(Locale.ROOT);
          byWord.merge(word, e.getValue(), Integer::sum);
          spelling.merge(word, as, (first, next) -> next.equals(word) ? word : first);
        });
    return byWord.entrySet().stream()
        .min(Map.Entry.<String, Integer>comparingByValue().reversed()
            .thenComparingInt(e -> e.getKey().length()).thenComparing(Map.Entry::getKey))
        .map(e -> spelling.get(e.getKey()))
        .orElse(term);
  }

  /** EnglishPossessiveFilter drops "'s" from the term but not from the offsets. */
  private static String possessiveless(String word) {
    int n = word.length();
    if (n > 2 && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '\u2019')
        && (word.charAt(n - 1) == 's' || word.charAt(n - 1) == 'S')) {
      return word.substring(0, n - 2);
    }
    return word;
  }
}
