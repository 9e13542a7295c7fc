package dev.sitepulse.crawler.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * A site's vocabulary from the index: the terms in most pages, and the terms weighed by TF-IDF
 * (total frequency × log(pages / pages with the term)), which favours words a site is about
 * over words every page has. Terms without a letter (years, versions, dates in a footer) say
 * nothing of what a site is about, and are left out. One pass over the body field's term
 * dictionary.
 */
public final class TermStats {

  /**
   * One term with its page count, total occurrences and TF-IDF weight.
   *
   * @param term as the index holds it: a stem ("modul")
   * @param word as the pages write it most ("module"), to show people
   */
  public record Term(String term, String word, int docFreq, long totalFreq, double tfIdf) {
    Term withWord(String w) {
      return new Term(term, w, docFreq, totalFreq, tfIdf);
    }
  }

  /** Pages read per term for its word: enough that "use" outnumbers "used" as on the whole site. */
  private static final int PAGES_PER_WORD = 10;

  /** The top terms both ways, and how many pages they were counted over. */
  public record Result(int docs, List<Term> byDocFreq, List<Term> byTfIdf) {}

  /**
   * Ascending, so a bounded heap drops the least first: lower weight, then, among equal weights,
   * the later term. Lists show the reverse, highest first and ties by term, the same every run.
   */
  private static final Comparator<Term> BY_DOC_FREQ =
      Comparator.comparingInt(Term::docFreq).thenComparing(Term::term, Comparator.reverseOrder());
  private static final Comparator<Term> BY_TF_IDF =
      Comparator.comparingDouble(Term::tfIdf).thenComparing(Term::term, Comparator.reverseOrder());

  private TermStats() {}

  /** The top {@code n} terms of the last commit; none, over 0 pages, before the first commit. */
  public static Result top(Path indexDir, int n) {
    String failed = "cannot read the index in " + indexDir;
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      try {
        return top(reader, n);
      } catch (IOException | RuntimeException e) {
        throw IndexDamage.failure(failed, e, reader);
      }
    } catch (IndexNotFoundException e) {
      return new Result(0, List.of(), List.of()); // a crawl that has not committed yet
    } catch (IOException e) {
      throw new UncheckedIOException(failed + ": " + IndexErrors.brief(e), e);
    } catch (IllegalArgumentException e) { // Lucene's word for a codec this version lacks
      throw IndexErrors.unknownCodec(failed, e);
    }
  }

  private static Result top(DirectoryReader reader, int n) throws IOException {
    int docs = reader.numDocs();
    // A replaced or removed page (a refresh) stays in the term statistics until a merge drops
    // it: then count the live pages by hand, or a term would be on more pages than there are.
    Bits live = MultiBits.getLiveDocs(reader);
    Terms terms = MultiTerms.getTerms(reader, PageFields.BODY);
    PriorityQueue<Term> byDf = new PriorityQueue<>(BY_DOC_FREQ);
    PriorityQueue<Term> byWeight = new PriorityQueue<>(BY_TF_IDF);
    if (terms != null) {
      TermsEnum it = terms.iterator();
      PostingsEnum postings = null;
      for (BytesRef t = it.next(); t != null; t = it.next()) {
        int df = 0;
        long ttf = 0;
        if (live == null) {
          df = it.docFreq();
          ttf = it.totalTermFreq();
        } else {
          postings = it.postings(postings, PostingsEnum.FREQS);
          for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
            if (live.get(d)) {
              df++;
              ttf += postings.freq();
            }
          }
        }
        String text = t.utf8ToString();
        if (df > 0 && hasLetter(text)) {
          Term term = new Term(text, text, df, ttf, ttf * Math.log((double) docs / df));
          keep(byDf, term, n);
          keep(byWeight, term, n);
        }
      }
    }
    List<Term> topByDf = sorted(byDf, BY_DOC_FREQ.reversed());
    List<Term> topByWeight = sorted(byWeight, BY_TF_IDF.reversed());
    Set<String> shown = new LinkedHashSet<>();
    topByDf.forEach(t -> shown.add(t.term()));
    topByWeight.forEach(t -> shown.add(t.term()));
    Map<String, String> words = SurfaceForms.mostWritten(reader, PageFields.analyzer(), PageFields.BODY, shown, PAGES_PER_WORD);
    return new Result(docs, withWords(topByDf, words), withWords(topByWeight, words));
  }

  private static List<Term> withWords(List<Term> terms, Map<String, String> words) {
    return terms.stream().map(t -> t.withWord(words.getOrDefault(t.term(), t.term()))).toList();
  }

  private static boolean hasLetter(String term) {
    return term.codePoints().anyMatch(Character::isLetter);
  }

  private static void keep(PriorityQueue<Term> q, Term t, int n) {
    q.add(t);
    if (q.size() > n) {
      q.poll();
    }
  }

  private static List<Term> sorted(PriorityQueue<Term> q, Comparator<Term> order) {
    List<Term> out = new ArrayList<>(q);
    out.sort(order);
    return out;
  }
}
