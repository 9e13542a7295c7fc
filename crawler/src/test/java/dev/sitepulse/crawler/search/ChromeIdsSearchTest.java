package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ids a theme puts on its scripts and controls on every page, which define no name. */
class ChromeIdsSearchTest {
  private static final String SITE = "https://docs.example/";
  /** The Python docs' theme, on each of their pages: an underscored and a camel-cased id. */
  private static final String THEME = "<script id='documentation_options' data-url_root='./' src='_static/doctools.js'>"
      + "</script><input type='checkbox' id='menuToggler' class='toggler__input' aria-label='Toggle menu'>"
      + "<nav id='main_nav'><a href='index.html'>Home</a></nav><button id='copyButton'>Copy</button>";

  @TempDir Path dir;
  PageSearcher searcher;

  @BeforeEach
  void index() {
    DocsSite.indexParsed(dir, Map.of(
        SITE + "library/functions.html", DocsSite.html("Built-in Functions", THEME + "<dl class='py function'>"
            + "<dt id='zip'>zip(*iterables)</dt><dd><p>Iterate over several iterables in parallel.</p></dd></dl>"),
        SITE + "library/os.html", DocsSite.html("os — Miscellaneous operating system interfaces", THEME
            + "<dl class='py function'><dt id='os.getcwd'>os.getcwd()</dt><dd><p>Return the working directory.</p></dd></dl>")));
    searcher = PageSearcher.open(dir);
  }

  @AfterEach
  void close() {
    searcher.close();
  }

  @Test
  void aThemesScriptControlsAndNavigationDefineNoNameOnAnyPage() throws Exception {
    // Before: every page defined documentation_options and menuToggler, and was a hit linked to them.
    for (String chrome : new String[] {"documentation_options", "menuToggler", "main_nav", "copyButton"}) {
      assertThat(searcher.search(chrome, 10).hits()).as(chrome).isEmpty();
    }
  }

  @Test
  void thePagesOwnDefinitionsStillRankAndLink() throws Exception {
    SearchHit first = searcher.search("zip", 10).hits().get(0);

    assertThat(first.link()).isEqualTo(SITE + "library/functions.html#zip");
    assertThat(first.definition()).isTrue();
    assertThat(searcher.search("getcwd", 10).hits().get(0).link()).isEqualTo(SITE + "library/os.html#os.getcwd");
  }
}
