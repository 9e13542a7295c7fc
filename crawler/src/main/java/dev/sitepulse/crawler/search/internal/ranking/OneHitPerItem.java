package dev.sitepulse.crawler.search.internal.ranking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * One hit per item an API reference documents, where it documents one item on several pages:
 * rustdoc writes a whole page for each path that re-exports an item (std::collections::HashMap
 * and std::collections::hash_map::HashMap; std::iter::Iterator and core::iter::Iterator), which
 * ranked side by side, each with the same snippet. Elsewhere a page's item is its title and text,
 * so that a copy at another URL (mdBook's index.html of its first chapter) takes no second place.
 * Of an item's pages that score alike, the one with the shortest URL shows, at the best one's
 * place and with its score: std's Iterator rather than core's, HashMap at std::collections rather
 * than std::collections::hash_map, index.html rather than title-page.html; a query that names
 * core ({@code core mem swap}) scores core's page higher, and keeps it. Pages of an index from
 * before that have no item are each their own.
 */
final class OneHitPerItem {

  /**
   * Up to this many matches are all read, whatever the limit: the total then counts items, the
   * same for any limit, and an item's pages far down the list are seen. Beyond, it counts pages.
   */
  static final int READ_WHOLE = 1000;
  /**
   * How close to the shown page's score another page of its item must come to take its place.
   * Re-exports of one item score within 0.2% of each other; a page whose crate the query names
   * scores several times more. Tight, as the scores compared include the head start of pages with
   * every word ({@link AllWordsFirst}), which brings any two such pages closer.
   */
  private static final float ALIKE = 0.995f;
  /** The place of an item whose first page came after the list was full. */
  private static final int NOT_SHOWN = -1;

  /** The best {@code size} hits of a search, as asked of it for a given number. */
  interface Ranked {
    TopDocs top(int size) throws IOException;
  }

  /** What the list needs to know of a page ({@link HitFields}). */
  interface Pages {
    /** The item a document is a page of, or null. */
    String item(int doc) throws IOException;

    String url(int doc) throws IOException;
  }

  private OneHitPerItem() {}

  /**
   * The best {@code size} hits, one page per item. The first {@value #READ_WHOLE} matches are
   * read at once; where more match and pages of one item take places, twice as many, until enough
   * are left or there are no more.
   *
   * @param maxDoc the most hits there can be; none when it is 0
   */
  static TopDocs best(Ranked search, int size, int maxDoc, Pages pages) throws IOException {
    if (maxDoc == 0) { // a crawl that indexed no page: Lucene takes no search for no hits
      return new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);
    }
    int asked = Math.min(maxDoc, Math.max(size, READ_WHOLE));
    while (true) {
      TopDocs top = search.top(asked);
      List<ScoreDoc> kept = new ArrayList<>(size);
      Map<String, Integer> placeOfItem = new HashMap<>();
      int items = 0;
      for (ScoreDoc hit : top.scoreDocs) {
        String item = pages.item(hit.doc);
        Integer place = item == null ? null : placeOfItem.get(item);
        if (place == null) {
          items++;
          boolean shown = kept.size() < size;
          if (item != null) {
            placeOfItem.put(item, shown ? kept.size() : NOT_SHOWN);
          }
          if (shown) {
            kept.add(hit);
          }
        } else if (place != NOT_SHOWN) {
          ScoreDoc shown = kept.get(place);
          if (hit.score >= ALIKE * shown.score && pages.url(hit.doc).length() < pages.url(shown.doc).length()) {
            kept.set(place, new ScoreDoc(hit.doc, shown.score));
          }
        }
      }
      ScoreDoc[] hits = kept.toArray(ScoreDoc[]::new);
      boolean everyMatchRead = top.totalHits.value <= top.scoreDocs.length || asked >= maxDoc;
      if (everyMatchRead || kept.size() == size) {
        // Up to READ_WHOLE matches the total counts items, not "1 of 2" for one item's two pages;
        // beyond, pages, whatever the limit made this read.
        return new TopDocs(everyMatchRead && top.totalHits.value <= READ_WHOLE
            ? new TotalHits(items, TotalHits.Relation.EQUAL_TO) : top.totalHits, hits);
      }
      asked = (int) Math.min(maxDoc, 2L * asked);
    }
  }
}
