package dev.sitepulse.crawler.search.internal.ranking;

import dev.sitepulse.crawler.index.PageFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.SmallFloat;

/**
 * Ranks lower a page that copies much of its site: one that holds a third or more of the words of
 * the pages on its host, of {@value #MIN_PAGES} or more. Node.js's docs have every module's page
 * again in all.html, half their words; BM25 counts a word's repeats only so far, so that page
 * matched every query nearly as well as the page it copies, and came third in 7 of 17 queries,
 * before the module pages a user wants. No other page of the Python docs or Rust's std holds more
 * than 4% of its site's words. Such a page's score is halved ({@link LinkTextDamping}); the pages
 * are found once per searcher.
 */
final class SiteCopies {
  static final SiteCopies NONE = new SiteCopies(Set.of());

  /** Of the words of the pages on its host: Node's all.html holds 0.50. */
  private static final double MIN_SHARE = 1 / 3d;
  /** A small site's one long page is its manual, not a copy of it. */
  private static final int MIN_PAGES = 20;
  /** What a copy's score is multiplied by ({@link LinkTextDamping}). */
  static final double FACTOR = 0.5;

  /** Global doc ids. */
  private final Set<Integer> copies;

  private SiteCopies(Set<Integer> copies) {
    this.copies = Set.copyOf(copies);
  }

  /** Whether the page of the global doc id {@code doc} copies much of its site. */
  boolean contains(int doc) {
    return !copies.isEmpty() && copies.contains(doc);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SiteCopies that && copies.equals(that.copies);
  }

  @Override
  public int hashCode() {
    return copies.hashCode();
  }

  @Override
  public String toString() {
    return copies.toString();
  }

  /**
   * The pages of {@code reader} that copy much of their site, found by the length of their body
   * (its norm) against their host's, reading each segment's norms once, in doc order.
   */
  static SiteCopies in(DirectoryReader reader) throws IOException {
    Map<String, Host> hosts = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms hostTerms = leaf.reader().terms(PageFields.HOST);
      NumericDocValues norms = leaf.reader().getNormValues(PageFields.BODY);
      if (hostTerms == null || norms == null) {
        continue;
      }
      int[] lengths = lengths(norms, leaf.reader().maxDoc());
      Bits live = leaf.reader().getLiveDocs();
      TermsEnum terms = hostTerms.iterator();
      PostingsEnum postings = null;
      while (terms.next() != null) {
        Host host = hosts.computeIfAbsent(terms.term().utf8ToString(), h -> new Host());
        postings = terms.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
          if (live == null || live.get(doc)) {
            host.add(leaf.docBase + doc, lengths[doc]);
          }
        }
      }
    }
    Set<Integer> copies = new HashSet<>();
    hosts.values().forEach(host -> host.copies(copies));
    return new SiteCopies(copies);
  }

  /**
   * Each document's body length, from its norm (0 without one), read in doc order: doc values only
   * go forward, and each host's postings start again from the segment's first pages.
   */
  private static int[] lengths(NumericDocValues norms, int maxDoc) throws IOException {
    int[] lengths = new int[maxDoc];
    for (int doc = norms.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = norms.nextDoc()) {
      lengths[doc] = SmallFloat.byte4ToInt((byte) norms.longValue());
    }
    return lengths;
  }

  /** A host's pages: how many, their words, and the longest few, of which a third or more could be a copy. */
  private static final class Host {
    /** At most this many pages can each hold a third of the words. */
    private static final int LONGEST = 3;
    private int pages;
    private long words;
    private final List<long[]> longest = new ArrayList<>(LONGEST + 1);

    void add(int doc, int length) {
      pages++;
      words += length;
      longest.add(new long[] {doc, length});
      longest.sort((a, b) -> Long.compare(b[1], a[1]));
      if (longest.size() > LONGEST) {
        longest.remove(LONGEST);
      }
    }

    void copies(Set<Integer> into) {
      if (pages < MIN_PAGES) {
        return;
      }
      for (long[] page : longest) {
        if (page[1] >= MIN_SHARE * words) {
          into.add((int) page[0]);
        }
      }
    }
  }
}
