package dev.sitepulse.crawler.search.internal.ranking;

import dev.sitepulse.crawler.index.PageFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;

/**
 * The pages a query of where-filters alone matches ({@code host:docs.python.org},
 * {@code status:203}), in the site's own order: the shallowest path first, then by URL. Without
 * words no page is more relevant than another, and the index's order, the order the crawl happened
 * to fetch them in, reads as random; a listing of a host starts at its home page, and a folder's
 * index page comes before the folder's other pages.
 */
final class UrlOrder {
  private static final Comparator<Listed> SITE_ORDER =
      Comparator.comparingInt(Listed::depth).thenComparing(Listed::key).thenComparingInt(Listed::doc);

  private UrlOrder() {}

  /** The first {@code size} pages {@code query} matches in the site's order, and how many it matches; no scores. */
  static TopDocs top(IndexSearcher searcher, Query query, int size) throws IOException {
    Collected all = searcher.search(query, new CollectorManager<Collected, Collected>() {
      @Override
      public Collected newCollector() {
        return new Collected(size);
      }

      @Override
      public Collected reduce(Collection<Collected> slices) {
        Collected merged = new Collected(size);
        slices.forEach(slice -> slice.first.forEach(merged::offer));
        slices.forEach(slice -> merged.total += slice.total);
        return merged;
      }
    });
    List<Listed> first = new ArrayList<>(all.first);
    first.sort(SITE_ORDER);
    ScoreDoc[] hits = first.stream().map(listed -> new ScoreDoc(listed.doc(), 0f)).toArray(ScoreDoc[]::new);
    return new TopDocs(new TotalHits(all.total, TotalHits.Relation.EQUAL_TO), hits);
  }

  /**
   * How many slashes the URL's path has: {@code http://h/} and {@code http://h/a.html} 1,
   * {@code http://h/a/b.html} 2. Read in its UTF-8 bytes, so that a page too deep for the listing
   * costs no string.
   */
  static int depth(BytesRef url) {
    int end = url.offset + url.length;
    int from = url.offset;
    for (int i = url.offset; i + 2 < end; i++) { // past the scheme's "://"
      if (url.bytes[i] == ':' && url.bytes[i + 1] == '/' && url.bytes[i + 2] == '/') {
        from = i + 3;
        break;
      }
    }
    int slashes = 0;
    for (int i = from; i < end && url.bytes[i] != '?'; i++) {
      slashes += url.bytes[i] == '/' ? 1 : 0;
    }
    return slashes;
  }

  /** What a page sorts by among those as deep: its folder's index page sorts as the folder, before the folder's other pages. */
  static String key(String url) {
    int name = url.lastIndexOf('/') + 1;
    int letters = name + "index.".length();
    if (!url.startsWith("index.", name) || letters == url.length()) {
      return url;
    }
    for (int i = letters; i < url.length(); i++) {
      if (url.charAt(i) < 'a' || url.charAt(i) > 'z') {
        return url; // index.html?page=2, or no index page
      }
    }
    return url.substring(0, name);
  }

  private record Listed(int depth, String key, int doc) {}

  /** The first pages of one slice of the index in the site's order, kept to {@code size}. */
  private static final class Collected extends SimpleCollector {
    private static final BytesRef NO_URL = new BytesRef();
    private final int size;
    // The last in the site's order on top, to be dropped when a page that comes before it arrives.
    private final PriorityQueue<Listed> first = new PriorityQueue<>(SITE_ORDER.reversed());
    private long total;
    private BinaryDocValues urls;
    private int docBase;

    Collected(int size) {
      this.size = size;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext leaf) throws IOException {
      urls = leaf.reader().getBinaryDocValues(PageFields.URL);
      docBase = leaf.docBase;
    }

    @Override
    public void collect(int doc) throws IOException {
      total++;
      BytesRef url = urls != null && urls.advanceExact(doc) ? urls.binaryValue() : NO_URL;
      int depth = depth(url);
      if (first.size() < size || depth <= first.peek().depth()) {
        offer(new Listed(depth, key(url.utf8ToString()), docBase + doc));
      }
    }

    void offer(Listed page) {
      if (first.size() < size) {
        first.add(page);
      } else if (SITE_ORDER.compare(page, first.peek()) < 0) {
        first.poll();
        first.add(page);
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
