package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.index.IndexedPage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A method is searched by its own name, which pages write after its module or class. */
class NamePartsSearchTest {
  private static final String SITE = "https://docs.example/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexThreePages() {
    searcher = PageSearcher.open(DocsSite.indexInto(dir.resolve("index"), List.of(
        page("dgram.html", "UDP datagram sockets", "Create a socket with dgram.createSocket() and bind it."),
        page("json.html", "JSON encoder", "Serialize obj with json.dumps to a string."),
        page("pickle.html", "Pickling", "Unlike json, pickle dumps any object."))));
  }

  private static IndexedPage page(String path, String title, String body) {
    return new IndexedPage(SITE + path, "docs.example", title, List.of(), body, "", 1_700_000_000_000L, 200, "en", 0);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aMethodsOwnNameThatNoTextHasFindsThePageThatWritesItAfterItsModule() throws Exception {
    SearchResults results = searcher.search("createSocket", 10);

    assertThat(results.hits()).extracting(SearchHit::url).containsExactly(SITE + "dgram.html");
    assertThat(results.totalHits()).isEqualTo(1);
  }

  @Test
  void aWordSomeTextHasFindsThoseTextsOnlyAsBefore() throws Exception {
    assertThat(searcher.search("dumps", 10).hits()).extracting(SearchHit::url).containsExactly(SITE + "pickle.html");
    assertThat(searcher.search("json.dumps", 10).hits()).extracting(SearchHit::url).containsExactly(SITE + "json.html");
  }
}
