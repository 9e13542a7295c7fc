package dev.sitepulse.crawler.search.internal.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.junit.jupiter.api.Test;

/** One page per item in a result list, whatever the limit: which page, where, and the total. */
class OneHitPerItemTest {

  /** A ranked list of pages, best first: each an item and a URL. */
  private record Page(String item, String url, float score) {}

  private static TopDocs best(List<Page> ranked, int size) throws Exception {
    OneHitPerItem.Ranked search = n -> {
      ScoreDoc[] hits = new ScoreDoc[Math.min(n, ranked.size())];
      Arrays.setAll(hits, i -> new ScoreDoc(i, ranked.get(i).score()));
      return new TopDocs(new TotalHits(ranked.size(), TotalHits.Relation.EQUAL_TO), hits);
    };
    OneHitPerItem.Pages pages = new OneHitPerItem.Pages() {
      @Override
      public String item(int doc) {
        return ranked.get(doc).item();
      }

      @Override
      public String url(int doc) {
        return ranked.get(doc).url();
      }
    };
    return OneHitPerItem.best(search, size, ranked.size(), pages);
  }

  /** Best first, as a search gives them. */
  private static final List<Page> RANKED = List.of(
      new Page("swap", "https://h/core/mem/fn.swap.html", 157f),
      new Page("swap", "https://h/std/mem/fn.swap.html", 48f),
      new Page("Iterator", "https://h/core/iter/trait.Iterator.html", 26.79f),
      new Page("iter", "https://h/std/iter/index.html", 9.96f),
      new Page("iter-core", "https://h/core/iter/index.html", 9.96f),
      new Page("Iterator", "https://h/std/iter/trait.Iterator.html", 26.73f),
      new Page(null, "https://h/blog/iterators.html", 5f));

  @Test
  void thePageOfAnItemWithTheShortestUrlTakesTheBestOnesPlaceFromBelowTheLimit() throws Exception {
    TopDocs top = best(RANKED, 2);

    assertThat(top.scoreDocs).extracting(hit -> RANKED.get(hit.doc).url())
        .containsExactly("https://h/core/mem/fn.swap.html", "https://h/std/iter/trait.Iterator.html");
    assertThat(top.scoreDocs[1].score).as("the best one's score, as its place").isEqualTo(26.79f);
  }

  @Test
  void aPageOfTheItemThatScoresFarLowerDoesNotTakeThePlace() throws Exception {
    // core mem swap: the query names core, and core's page scores three times std's.
    assertThat(best(RANKED, 10).scoreDocs).extracting(hit -> RANKED.get(hit.doc).url())
        .contains("https://h/core/mem/fn.swap.html").doesNotContain("https://h/std/mem/fn.swap.html");
  }

  @Test
  void pastAThousandMatchesTheTotalCountsPagesTheSameForAnyLimit() throws Exception {
    // 1,001 matches, one item's two pages apart: whether or not a limit makes all of them read.
    List<Page> many = new java.util.ArrayList<>();
    for (int i = 0; i < OneHitPerItem.READ_WHOLE + 1; i++) {
      many.add(new Page(i == 1 ? "item 0" : "item " + i, "https://h/" + i, 1000f - i));
    }
    for (int limit : new int[] {1, 10, 1000, 2000}) {
      assertThat(best(many, limit).totalHits.value).as("limit %d", limit).isEqualTo(OneHitPerItem.READ_WHOLE + 1);
    }
    assertThat(best(many.subList(0, OneHitPerItem.READ_WHOLE), 1).totalHits.value)
        .as("exactly a thousand: items").isEqualTo(OneHitPerItem.READ_WHOLE - 1);
  }

  @Test
  void theTotalCountsItemsTheSameForAnyLimit() throws Exception {
    assertThat(best(RANKED, 1).totalHits.value).isEqualTo(5);
    assertThat(best(RANKED, 3).totalHits.value).isEqualTo(5);
    assertThat(best(RANKED, 10).totalHits.value).isEqualTo(5);
    assertThat(best(RANKED, 10).scoreDocs).hasSize(5);
  }
}
