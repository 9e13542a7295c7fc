package dev.sitepulse.crawler.search.internal.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.index.PageIndex;
import dev.sitepulse.crawler.index.TestPages;
import dev.sitepulse.crawler.search.DocsSite;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.internal.ranking.DefinitionLookups;
import dev.sitepulse.crawler.search.internal.ranking.HitFields;
import dev.sitepulse.crawler.search.internal.ranking.QueryPlanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query that finds nothing because a where-filter's value is on no page says so, and what the index holds. */
class UnmatchedFiltersTest {
  private static final String DOCS = "https://docs.example/";
  private static final String MIRROR = "http://mirror.example:8092/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexTwoHosts() {
    searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), Map.of(
        DOCS + "library/json.html", DocsSite.html("json — JSON encoder and decoder", "<p>Encode JSON.</p>"),
        DOCS + "library/pickle.html", DocsSite.html("pickle — Python object serialization", "<p>Pickle it.</p>"),
        MIRROR + "library/json.html", DocsSite.html("json — JSON encoder and decoder", "<p>Encode JSON.</p>"))));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aHostNoPageHasIsNamedWithTheHostsHereMostPagesFirstAsSeedsWriteThem() throws Exception {
    assertThat(notes("host:python")).containsExactly(
        "no page has host \"python\" (hosts here: docs.example, mirror.example:8092)");
    assertThat(notes("host:python json")).containsExactly(
        "no page has host \"python\" (hosts here: docs.example, mirror.example:8092)");
  }

  @Test
  void aLanguageNoPageHasIsNamedWithTheCodesHere() throws Exception {
    assertThat(notes("lang:english json")).containsExactly("no page has lang \"english\" (languages here: en)");
  }

  @Test
  void aStatusNoPageHasIsNamedWithTheStatusesHereAndWhichAreIndexed() throws Exception {
    assertThat(notes("status:404")).containsExactly(
        "no page has status 404 (statuses here: 200; only pages that answered 2xx are indexed)");
  }

  @Test
  void aValueWithControlCharactersIsNamedEscapedSoThatItCannotActOnTheTerminal() throws Exception {
    assertThat(notes("host:\"a\u001bcb\u2028c\" json")).containsExactly(
        "no page has host \"a\\u001bcb\\u2028c\" (hosts here: docs.example, mirror.example:8092)");
  }

  @Test
  void aQueryWithHitsOrWhoseFiltersEachMatchSomePageHasNoNote() throws Exception {
    assertThat(notes("host:python OR json")).isEmpty();
    assertThat(notes("zzzzq host:docs.example")).isEmpty();
    assertThat(notes("zzzzq -host:python")).isEmpty();
  }

  @Test
  void everyHostIsNamedThoughHostsOfOneNamePrefixSortAroundEachOther() throws Exception {
    Path index = dir.resolve("prefixes");
    try (PageIndex pages = PageIndex.open(index)) {
      for (String url : List.of("https://docs.example/a", "https://docs.example/b", "http://docs.example/c",
          "https://docs.example.org/a", "https://docs.example.org/b", "https://docs.example-b.org/a",
          "https://docs.example:8443/a", "https://docs.example:8443/b", "https://docs.example:8443/c",
          "https://docs.example?q")) {
        pages.upsert(TestPages.page(url).title("page").build());
      }
      pages.commit(Map.of());
    }
    try (PageSearcher prefixes = PageSearcher.open(index)) {
      assertThat(prefixes.search("host:python", 10).notes()).containsExactly("no page has host \"python\""
          + " (hosts here: docs.example, docs.example:8443, docs.example.org, docs.example-b.org)");
    }
  }

  @Test
  void aHostOrLanguageWhosePagesARefreshRemovedIsNoLongerNamed() throws Exception {
    Path index = dir.resolve("refreshed");
    try (PageIndex pages = PageIndex.open(index)) {
      for (int i = 0; i < 20; i++) { // so few deletions among them that no merge drops them
        pages.upsert(TestPages.page(DOCS + "library/" + i + ".html").title("page " + i).build());
      }
      pages.upsert(TestPages.page(MIRROR + "library/json.html").title("json").language("fr").build());
      pages.commit(Map.of());
      pages.delete(MIRROR + "library/json.html"); // in the segment still, until a merge
      pages.commit(Map.of());
    }
    try (PageSearcher refreshed = PageSearcher.open(index)) {
      // Before: the terms' page counts took in the deleted page, so the note named its host and language.
      assertThat(refreshed.search("host:python", 10).notes())
          .containsExactly("no page has host \"python\" (hosts here: docs.example)");
      assertThat(refreshed.search("lang:english", 10).notes())
          .containsExactly("no page has lang \"english\" (languages here: en)");
    }
  }

  @Test
  void anIndexThatCannotBeReadForTheNotesGivesNoneRatherThanAFailure() throws Exception {
    try (FSDirectory directory = FSDirectory.open(dir.resolve("index"));
        DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher failing = new IndexSearcher(reader) {
        @Override
        public int count(Query query) throws IOException {
          throw new IOException("read past EOF");
        }
      };
      QueryPlanner planner = new QueryPlanner(PageFields.analyzer(), new DefinitionLookups(reader, new HitFields(reader)));

      // Before: the IOException escaped, and the search it explained failed as "cannot search index".
      assertThat(new UnmatchedFilters(failing, planner).of("host:python")).isEmpty();
    }
  }

  private static List<String> notes(String query) throws Exception {
    return searcher.search(query, 10).notes();
  }
}
