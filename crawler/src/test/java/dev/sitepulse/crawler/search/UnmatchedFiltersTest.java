package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
  void aQueryWithHitsOrWhoseFiltersEachMatchSomePageHasNoNote() throws Exception {
    assertThat(notes("host:python OR json")).isEmpty();
    assertThat(notes("zzzzq host:docs.example")).isEmpty();
    assertThat(notes("zzzzq -host:python")).isEmpty();
  }

  private static List<String> notes(String query) throws Exception {
    return searcher.search(query, 10).notes();
  }
}
