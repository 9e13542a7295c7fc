package dev.sitepulse.crawler.search;

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
 * Of an item's pages in the list, the one with the shortest URL takes the place of the
 * best-ranked, with its score: std's Iterator rather than core's, HashMap at std::collections
 * rather than std::collections::hash_map, index.html rather than title-page.html. The others still
 * count among the matches. Pages of an index from before that have no item are each their own.
 */
final class OneHitPerItem {

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
   * The best {@code size} hits, one page per item. A site without such pages is searched once,
   * for {@code size}; where pages of one item take places, it is searched again for twice as
   * many, until enough are left or there are no more.
   *
   * @param maxDoc the most hits there can be
   */
  static TopDocs best(Ranked search, int size, int maxDoc, Pages pages) throws IOException {
    int asked = size;
    while (true) {
      TopDocs top = search.top(asked);
      List<ScoreDoc> kept = new ArrayList<>(size);
      Map<String, Integer> placeOfItem = new HashMap<>();
      boolean full = false;
      for (ScoreDoc hit : top.scoreDocs) {
        String item = pages.item(hit.doc);
        Integer place = item == null ? null : placeOfItem.get(item);
        if (place != null) {
          ScoreDoc shown = kept.get(place);
          if (pages.url(hit.doc).length() < pages.url(shown.doc).length()) {
            kept.set(place, new ScoreDoc(hit.doc, shown.score));
          }
        } else if (!full) {
          if (item != null) {
            placeOfItem.put(item, kept.size());
          }
          kept.add(hit);
          full = kept.size() == size; // later pages may still be a shown item's
        }
      }
      if (full) {
        return new TopDocs(top.totalHits, kept.toArray(ScoreDoc[]::new)); // pages: some may be one item's
      }
      if (top.scoreDocs.length < asked || asked >= maxDoc) {
        // Every match seen: the total is the hits themselves, not "1 of 2" for one item's two pages.
        return new TopDocs(new TotalHits(kept.size(), TotalHits.Relation.EQUAL_TO), kept.toArray(ScoreDoc[]::new));
      }
      asked = (int) Math.min(maxDoc, 2L * asked);
    }
  }
}
