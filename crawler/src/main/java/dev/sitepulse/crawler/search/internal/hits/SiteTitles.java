package dev.sitepulse.crawler.search.internal.hits;

import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.search.internal.ranking.HitFields;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;

/**
 * The name a site puts after every page's own title ({@code os — Miscellaneous operating system
 * interfaces — Python 3.11.2 documentation}, {@code Intro | My Site}, {@code Vec in std::vec - Rust}):
 * the tail after a title's last separator that most of the site's pages share. A result list shows
 * each page's own title, and says the site's name once rather than on every line. Read from the
 * first pages of each site (scheme, host and port) a search meets, once per searcher.
 */
public final class SiteTitles {
  private static final String[] SEPARATORS = {" — ", " – ", " | ", " - ", " · ", " :: "};
  /** Pages read per host: enough to tell a site's name from a common word, few enough to cost nothing. */
  private static final int SAMPLE = 64;
  private static final int AT_LEAST = 3;
  private static final String NONE = ""; // a host without one

  private final IndexSearcher searcher;
  private final HitFields fields;
  private final Map<String, String> byOrigin = new ConcurrentHashMap<>();

  public SiteTitles(IndexSearcher searcher, HitFields fields) {
    this.searcher = searcher;
    this.fields = fields;
  }

  /**
   * The site's name that {@code title} ends with, after a separator, when most pages of the site at
   * {@code origin} ({@code http://127.0.0.1:8092/}: one host may serve several sites on its ports)
   * put it there; or null.
   */
  String siteOf(String origin, String title) throws IOException {
    String tail = byOrigin.get(origin);
    if (tail == null) {
      tail = commonTail(origin);
      byOrigin.put(origin, tail);
    }
    if (tail.isEmpty() || !title.endsWith(tail) || title.length() == tail.length()) {
      return null;
    }
    return tail.substring(tail.indexOf(' ', 1) + 1); // the separator left out
  }

  private String commonTail(String origin) throws IOException {
    ScoreDoc[] sample = searcher.search(new PrefixQuery(new Term(PageFields.URL, origin)), SAMPLE).scoreDocs;
    Map<String, Integer> tails = new HashMap<>();
    for (ScoreDoc doc : sample) {
      String tail = tail(fields.title(doc.doc));
      if (tail != null) {
        tails.merge(tail, 1, Integer::sum);
      }
    }
    String best = NONE;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : tails.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return bestCount >= AT_LEAST && bestCount * 2 >= sample.length ? best : NONE;
  }

  /** The title's last separator and what follows it, or null for a title without one. */
  private static String tail(String title) {
    int at = -1;
    for (String separator : SEPARATORS) {
      at = Math.max(at, title.lastIndexOf(separator));
    }
    return at > 0 && at + 3 < title.length() ? title.substring(at) : null;
  }
}
