package dev.sitepulse.crawler.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * One hit per item an API reference documents, where it documents one item on several pages:
 * rustdoc writes a whole page for each path that re-exports an item (std::collections::HashMap
 * and std::collections::hash_map::HashMap; std::iter::Iterator and core::iter::Iterator), which
 * ranked side by side, each with the same snippet. The best-ranked page of an item stands for
 * the others, which still count among the matches. Elsewhere a page's item is its title and text,
 * so that a copy at another URL (mdBook's index.html of its first chapter) takes no second place.
 * Pages of an index from before that have no item are each their own.
 */
final class OneHitPerItem {

  /** The best {@code size} hits of a search, as asked of it for a given number. */
  interface Ranked {
    TopDocs top(int size) throws IOException;
  }

  /** The item a document is a page of ({@link HitFields#item}), or null. */
  interface ItemOf {
    String item(int doc) throws IOException;
  }

  private OneHitPerItem() {}

  /**
   * The best {@code size} hits, each item's first only. A site without such pages is searched
   * once, for {@code size}; where pages of one item take places, it is searched again for twice
   * as many, until enough are left or there are no more.
   *
   * @param maxDoc the most hits there can be
   */
  static TopDocs best(Ranked search, int size, int maxDoc, ItemOf itemOf) throws IOException {
    int asked = size;
    while (true) {
      TopDocs top = search.top(asked);
      List<ScoreDoc> kept = new ArrayList<>(size);
      Set<String> items = new HashSet<>();
      for (ScoreDoc hit : top.scoreDocs) {
        String item = itemOf.item(hit.doc);
        if (item == null || items.add(item)) {
          kept.add(hit);
          if (kept.size() == size) {
            break;
          }
        }
      }
      if (kept.size() == size) {
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
