package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A where-filter (host, lang, status, fetched_at, url) says which pages may match, never how well
 * they do: each page a query finds scores the same with a filter that keeps it as without one.
 */
class FiltersScoreNothingTest {
  private static final String DOCS = "https://docs.example/";
  private static final String MIRROR = "https://mirror.example/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexTwoHosts() {
    searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), Map.of(
        DOCS + "library/json.html", DocsSite.html("json — JSON encoder and decoder",
            "<p>JSON is a lightweight data interchange format. Use dumps to write it.</p>"),
        DOCS + "library/pickle.html", DocsSite.html("pickle — Python object serialization",
            "<p>Unlike json, pickle writes a binary format; dumps returns bytes.</p>"),
        MIRROR + "tutorial/inputoutput.html", DocsSite.html("Input and Output",
            "<p>The standard module json can take Python data hierarchies; json dumps shows them.</p>"),
        MIRROR + "library/marshal.html", DocsSite.html("marshal — Internal object serialization",
            "<p>Not a general persistence module; see json for that.</p>"))));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aGroupOfHostsThatKeepsEveryPageScoresEachAsTheWordsAlone() throws Exception {
    // Before: the group was left among the words, so json was no longer one name (half the score),
    // and with every word required it asked for a page on both hosts (no page had every word first).
    assertThat(scores("host:(docs.example mirror.example) json")).isEqualTo(scores("json"));
    assertThat(scores("host:(docs.example mirror.example) json dumps")).isEqualTo(scores("json dumps"));
    assertThat(scores("(host:docs.example host:mirror.example) json dumps")).isEqualTo(scores("json dumps"));
  }

  @Test
  void aQuotedOrBoostedValueScoresNothing() throws Exception {
    assertThat(scores("host:\"docs.example\" json")).isEqualTo(scores("json host:docs.example"));
    assertThat(scores("host:docs.example^2 json")).isEqualTo(scores("json host:docs.example"));
    assertThat(scores("json host:docs.example")).containsAllEntriesOf(onDocs(scores("json")));
  }

  @Test
  void aFilterJoinedByAndNarrowsAsOneBesideWordsDoes() throws Exception {
    assertThat(scores("json AND lang:en")).isEqualTo(scores("json"));
    assertThat(scores("json && host:docs.example")).isEqualTo(scores("json host:docs.example"));
    assertThat(scores("json (host:docs.example OR host:mirror.example)")).isEqualTo(scores("json"));
    assertThat(scores("(json OR dumps) host:(docs.example mirror.example)")).isEqualTo(scores("(json OR dumps)"));
  }

  @Test
  void anExcludedValueKeepsItsPagesOutAndScoresNothing() throws Exception {
    // Before: json -host:a scored json.html twice as json did, and tutorial pages four times.
    assertThat(scores("json -host:nowhere.example")).isEqualTo(scores("json"));
    assertThat(scores("json NOT lang:fr")).isEqualTo(scores("json"));
    assertThat(scores("json AND NOT host:mirror.example")).isEqualTo(scores("json host:docs.example"));
    assertThat(scores("json dumps -host:mirror.example")).isEqualTo(onDocs(scores("json dumps")))
        .doesNotContainKey(MIRROR + "tutorial/inputoutput.html");
  }

  @Test
  void aFilterJoinedByOrStillAddsItsPagesButScoresNothing() throws Exception {
    Map<String, Float> anyLanguage = scores("json OR lang:en");

    assertThat(anyLanguage).containsAllEntriesOf(scores("json OR lang:zz"));
    assertThat(searcher.search("dumps OR host:mirror.example", 10).hits())
        .filteredOn(hit -> hit.url().equals(MIRROR + "library/marshal.html"))
        .singleElement().extracting(SearchHit::score).isEqualTo(0f);
  }

  @Test
  void anOrWrittenAgainstAParenthesisJoinsAsOneBetweenSpacesDoes() throws Exception {
    // Before: OR( was read as part of one top clause, so the query was narrowed to the host.
    Map<String, Float> asWritten = scores("json OR host:mirror.example");

    assertThat(scores("json OR(host:mirror.example)")).isEqualTo(asWritten);
    assertThat(scores("(json)OR(host:mirror.example)")).isEqualTo(asWritten);
    assertThat(scores("(json)||(host:mirror.example)")).isEqualTo(asWritten);
  }

  private static Map<String, Float> scores(String query) throws Exception {
    Map<String, Float> byUrl = new LinkedHashMap<>();
    searcher.search(query, 10).hits().forEach(hit -> byUrl.put(hit.url(), hit.score()));
    return byUrl;
  }

  private static Map<String, Float> onDocs(Map<String, Float> scores) {
    Map<String, Float> kept = new LinkedHashMap<>(scores);
    kept.keySet().removeIf(url -> !url.startsWith(DOCS));
    return kept;
  }
}
