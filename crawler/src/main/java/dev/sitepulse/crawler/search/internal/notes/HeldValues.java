package dev.sitepulse.crawler.search.internal.notes;

import dev.sitepulse.crawler.index.PageFields;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * What an index holds in a where-field, said to a user whose filter matched no page
 * ({@link UnmatchedFilters}): its hosts (as seeds write them, with a port that is not the
 * scheme's), languages and statuses, most pages first, or the days its pages were fetched. Read
 * only then, from the terms and points, counting only live pages: a refresh leaves those it
 * removed in their segments until a merge, and a value only they have is not named.
 */
final class HeldValues {
  /** Values named at most; the rest are counted. */
  static final int MAX_NAMED = 10;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private HeldValues() {}

  /** The values of {@code field} in the index, said in a few words; null for a field not listed (url). */
  static String of(IndexReader reader, String field) throws IOException {
    return switch (field) {
      case PageFields.HOST -> named("hosts", hosts(reader), "no page here has a host");
      case PageFields.LANG -> named("languages", terms(reader, PageFields.LANG), "no page here says its language");
      case PageFields.STATUS -> named("statuses", statuses(reader), "no page here has a status")
          + "; only pages that answered 2xx are indexed";
      case PageFields.FETCHED_AT -> fetchDays(reader);
      default -> null;
    };
  }

  private static String named(String what, Map<String, Integer> pages, String none) {
    if (pages.isEmpty()) {
      return none;
    }
    List<Map.Entry<String, Integer>> byPages = new ArrayList<>(pages.entrySet());
    byPages.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<String> named = byPages.stream().limit(MAX_NAMED).map(Map.Entry::getKey).toList();
    int more = byPages.size() - named.size();
    return what + " here: " + String.join(", ", named) + (more > 0 ? " and " + more + " more" : "");
  }

  /**
   * Each host with its port where the URL writes one ({@code 127.0.0.1:8092}), by its pages' URLs:
   * the first URL of each origin, then a seek past the rest of that origin's, not a walk of every
   * URL; counted by the live pages of its host name.
   */
  private static Map<String, Integer> hosts(IndexReader reader) throws IOException {
    Map<String, Integer> byHostName = terms(reader, PageFields.HOST);
    Map<String, Integer> pages = new HashMap<>();
    Terms urls = MultiTerms.getTerms(reader, PageFields.URL);
    TermsEnum each = urls == null ? TermsEnum.EMPTY : urls.iterator();
    BytesRef url = each.next();
    while (url != null) {
      String text = url.utf8ToString();
      URI uri = uri(text);
      String origin = uri == null || uri.getRawAuthority() == null ? null : uri.getScheme() + "://" + uri.getRawAuthority();
      Integer live = origin == null ? null : byHostName.get(uri.getHost());
      if (live != null) {
        pages.put(uri.getRawAuthority(), live);
      }
      if (origin != null && text.startsWith(origin + "/")) { // '0' sorts right after '/'
        url = each.seekCeil(new BytesRef(origin + "0")) == TermsEnum.SeekStatus.END ? null : each.term();
      } else {
        url = each.next();
      }
    }
    return pages;
  }

  private static URI uri(String url) {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      return null; // a URL java.net.URI refuses names no host to list
    }
  }

  /** Each term of {@code field} with its live pages; none for a term only deleted pages have. */
  private static Map<String, Integer> terms(IndexReader reader, String field) throws IOException {
    Map<String, Integer> pages = new HashMap<>();
    Bits live = MultiBits.getLiveDocs(reader);
    Terms terms = MultiTerms.getTerms(reader, field);
    TermsEnum each = terms == null ? TermsEnum.EMPTY : terms.iterator();
    for (BytesRef term = each.next(); term != null; term = each.next()) {
      int count = live == null ? each.docFreq() : livePages(each.postings(null, PostingsEnum.NONE), live);
      if (count > 0) {
        pages.put(term.utf8ToString(), count);
      }
    }
    return pages;
  }

  /** docFreq counts pages deleted but not yet merged away, as a refresh leaves them. */
  private static int livePages(PostingsEnum docs, Bits live) throws IOException {
    int count = 0;
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      count += live.get(doc) ? 1 : 0;
    }
    return count;
  }

  private static Map<String, Integer> statuses(IndexReader reader) throws IOException {
    Map<String, Integer> pages = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      PointValues points = leaf.reader().getPointValues(PageFields.STATUS);
      if (points != null) {
        points.intersect(new PointValues.IntersectVisitor() {
          @Override
          public void visit(int docId) {
            // Not called: every cell crosses, so each point comes with its value.
          }

          @Override
          public void visit(int docId, byte[] value) {
            if (live == null || live.get(docId)) {
              pages.merge(String.valueOf(IntPoint.decodeDimension(value, 0)), 1, Integer::sum);
            }
          }

          @Override
          public PointValues.Relation compare(byte[] min, byte[] max) {
            return PointValues.Relation.CELL_CROSSES_QUERY;
          }
        });
      }
    }
    return pages;
  }

  private static String fetchDays(IndexReader reader) throws IOException {
    byte[] min = PointValues.getMinPackedValue(reader, PageFields.FETCHED_AT);
    byte[] max = PointValues.getMaxPackedValue(reader, PageFields.FETCHED_AT);
    if (min == null || max == null) {
      return "no page here has a fetch time";
    }
    String first = DAY.format(Instant.ofEpochMilli(LongPoint.decodeDimension(min, 0)));
    String last = DAY.format(Instant.ofEpochMilli(LongPoint.decodeDimension(max, 0)));
    return first.equals(last) ? "pages here were fetched on " + first + " (UTC)"
        : "pages here were fetched from " + first + " to " + last + " (UTC)";
  }
}
