package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module and a member's name typed without the member's class, on pages shaped as Sphinx's. */
class MemberWordsSearchTest {
  private static final String SITE = "https://docs.example/library/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  private static String module(String name, String title, String body) {
    return "<html><head><title>" + name + " — " + title + "</title></head><body><section id=\"module-" + name + "\"><h1>"
        + name + " — " + title + "</h1>" + body + "</section></body></html>";
  }

  @BeforeAll
  static void indexTwoModules() {
    searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), Map.of(
        SITE + "pathlib.html", module("pathlib", "Object-oriented filesystem paths", "<p>"
            + "This module offers classes representing filesystem paths with semantics for operating systems. ".repeat(20)
            + "</p><dl class=\"py method\"><dt id=\"pathlib.Path.glob\">glob(pattern)</dt><dd><p>Yield the existing"
            + " files matching the pattern.</p></dd></dl>"),
        SITE + "glob.html", module("glob", "Unix style pathname pattern expansion", "<p>The glob module finds the"
            + " pathnames matching a pattern. See also pathlib, whose glob is like this glob; pathlib paths glob too.</p>"
            + "<dl class=\"py function\"><dt id=\"glob.glob\">glob.glob(pathname)</dt><dd><p>Return a list of"
            + " path names that match pathname.</p></dd></dl>"))));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aModuleAndTheLastPartOfANameItDefinesFindThatDefinitionFirst() throws Exception {
    // The glob module's page came first: it says both words, and glob.glob defines the one.
    SearchHit first = searcher.search("pathlib glob", 10).hits().get(0);

    assertThat(first.url()).isEqualTo(SITE + "pathlib.html");
    assertThat(first.anchor()).isEqualTo("pathlib.Path.glob");
  }
}
