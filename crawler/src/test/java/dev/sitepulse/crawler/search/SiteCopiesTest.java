package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page that copies much of its site, as Node.js's all.html has every module's page again. */
class SiteCopiesTest {
  private static final String SITE = "https://nodejs.example/api/";

  @TempDir Path dir;

  /** The pages of a site of {@code modules} pages (stream and zlib among them), and all.html with all their text. */
  private static Map<String, String> siteWithAllInOne(int modules) {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("stream", "<p>" + "A stream pipeline pipes streams; a pipeline forwards errors down the pipeline. ".repeat(15) + "</p>");
    bodies.put("zlib", "<p>Compression streams go in a pipeline. " + "Zlib compresses with deflate and gzip. ".repeat(15) + "</p>");
    for (int i = bodies.size(); i < modules; i++) {
      bodies.put("module" + i, "<p>" + ("Module number " + i + " does its own thing well. ").repeat(15) + "</p>");
    }
    Map<String, String> pages = new LinkedHashMap<>();
    bodies.forEach((name, body) -> pages.put(SITE + name + ".html", DocsSite.html(name, body)));
    pages.put(SITE + "all.html", DocsSite.html("All", String.join("", bodies.values())));
    return pages;
  }

  @Test
  void aPageWithTheTextOfEveryOtherPageRanksBelowThePagesItCopies() throws Exception {
    try (PageSearcher searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), siteWithAllInOne(20)))) {
      // BM25 counts a word's repeats only so far: all.html, with stream's 45, came before zlib's one.
      assertThat(searcher.search("pipeline", 10).hits()).extracting(SearchHit::url)
          .containsExactly(SITE + "stream.html", SITE + "zlib.html", SITE + "all.html");
    }
  }

  @Test
  void onASmallSiteTheLongPageRanksByItsText() throws Exception {
    try (PageSearcher searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), siteWithAllInOne(5)))) {
      assertThat(searcher.search("pipeline", 10).hits()).extracting(SearchHit::url)
          .containsExactly(SITE + "stream.html", SITE + "all.html", SITE + "zlib.html");
    }
  }
}
