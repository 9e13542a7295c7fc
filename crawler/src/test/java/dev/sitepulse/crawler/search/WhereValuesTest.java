package dev.sitepulse.crawler.search;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * host:, url: and fetched_at: take the values a user writes there: a host with its port, a word
 * of a URL, a date. Each found nothing, and said nothing.
 */
class WhereValuesTest {
  private static final String LOCAL = "http://127.0.0.1:8092/";
  private static final String OTHER_PORT = "http://127.0.0.1:8093/";
  private static final String SECURE = "https://docs.example/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexPagesOfTwoPortsAndTwoYears() throws Exception {
    searcher = SearchedPages.indexed(dir,
        page(LOCAL + "index.html").title("Docs").body("Welcome.").fetchedAt(at("2025-12-31T23:59:59.999Z")).build(),
        page(LOCAL + "library/json.html").title("json").body("json dumps").fetchedAt(at("2026-01-01T00:00:00Z")).build(),
        page(LOCAL + "library/asyncio-task.html").title("Tasks").body("asyncio gather").fetchedAt(at("2026-12-07T05:00:00Z")).build(),
        page(OTHER_PORT + "library/json.html").title("json").body("json on another port").build(),
        page(SECURE + "Library/intro.html").title("Intro").body("json in a library").build(),
        page(SECURE + "mylibrary/json.html").title("Mine").body("json of mine").build());
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aHostWithItsPortFindsThatPortsPagesAndAHostAloneEveryPort() throws Exception {
    List<String> local = List.of(LOCAL + "index.html", LOCAL + "library/json.html", LOCAL + "library/asyncio-task.html");

    assertThat(urls("host:127.0.0.1:8092")).containsExactlyInAnyOrderElementsOf(local);
    assertThat(urls("host:\"127.0.0.1:8092\"")).containsExactlyInAnyOrderElementsOf(local);
    assertThat(urls("host:127.0.0.1:8092 json")).containsExactly(LOCAL + "library/json.html");
    assertThat(urls("json host:127.0.0.1:8093")).containsExactly(OTHER_PORT + "library/json.html");
    assertThat(urls("host:127.0.0.1")).hasSize(4);
    assertThat(urls("host:Docs.Example:443")).hasSize(2); // the scheme's own port, which its URLs leave out
    assertThat(urls("-host:127.0.0.1:8092 json")).hasSize(3);
  }

  @Test
  void aPortOrPathNoHostCanHaveIsAnErrorThatSaysSo() {
    assertThatThrownBy(() -> searcher.search("host:127.0.0.1:99999 json", 10))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("cannot parse query \"host:127.0.0.1:99999 json\": host 127.0.0.1:99999 has a port outside 1"
            + " to 65535 at column 6");
    assertThatThrownBy(() -> searcher.search("host:\"http://127.0.0.1:8092/\"", 10))
        .hasMessage("cannot parse query \"host:\\\"http://127.0.0.1:8092/\\\"\": host takes a host name, maybe"
            + " with its port (host:docs.python.org, host:127.0.0.1:8092), not \"http://127.0.0.1:8092/\" at column 7");
  }

  @Test
  void aWordOfAUrlFindsThePagesWhoseUrlsHoldItBetweenSeparators() throws Exception {
    assertThat(urls("url:library")).containsExactlyInAnyOrder(LOCAL + "library/json.html",
        LOCAL + "library/asyncio-task.html", OTHER_PORT + "library/json.html", SECURE + "Library/intro.html");
    assertThat(urls("url:library asyncio")).containsExactly(LOCAL + "library/asyncio-task.html");
    assertThat(urls("url:\"library/json\"")).containsExactlyInAnyOrder(LOCAL + "library/json.html", OTHER_PORT + "library/json.html");
    assertThat(urls("url:asyn*")).containsExactly(LOCAL + "library/asyncio-task.html");
    assertThat(urls("url:8093")).containsExactly(OTHER_PORT + "library/json.html");
    // A whole URL is still the one page, in its case.
    assertThat(urls("url:\"" + LOCAL + "library/json.html\"")).containsExactly(LOCAL + "library/json.html");
    assertThat(urls("url:\"" + SECURE + "library/intro.html\"")).isEmpty();
  }

  @Test
  void aDateFindsThePagesFetchedInThatYearMonthOrDay() throws Exception {
    assertThat(urls("fetched_at:2026")).containsExactlyInAnyOrder(LOCAL + "library/json.html", LOCAL + "library/asyncio-task.html");
    assertThat(urls("fetched_at:2025")).containsExactly(LOCAL + "index.html");
    assertThat(urls("fetched_at:2026-12 asyncio")).containsExactly(LOCAL + "library/asyncio-task.html");
    assertThat(urls("fetched_at:2026-01-01")).containsExactly(LOCAL + "library/json.html");
    assertThat(urls("fetched_at:[2025-12-31 TO 2026-01-01]")).containsExactlyInAnyOrder(LOCAL + "index.html", LOCAL + "library/json.html");
    assertThat(urls("fetched_at:{2025 TO *]")).containsExactlyInAnyOrder(LOCAL + "library/json.html", LOCAL + "library/asyncio-task.html");
    assertThat(urls("fetched_at:[* TO 2026}")).hasSize(4); // before 2026: the three at the default time too
    assertThat(urls("fetched_at:" + at("2026-01-01T00:00:00Z"))).containsExactly(LOCAL + "library/json.html");
  }

  @Test
  void aFetchTimeThatIsNoDateIsAnErrorThatSaysWhatTheFieldTakes() {
    assertThatThrownBy(() -> searcher.search("fetched_at:2026-13 json", 10))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("cannot parse query \"fetched_at:2026-13 json\": fetched_at takes a date, 2026, 2026-12 or"
            + " 2026-12-07 (in UTC), or epoch milliseconds, not \"2026-13\" at column 12");
  }

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static List<String> urls(String query) throws Exception {
    return SearchedPages.urls(searcher, query);
  }
}
