package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.sitepulse.crawler.RustdocPages.page;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Items of one name at several depths of a crate, as std's fs and its platforms' fs extension modules. */
class RustdocItemDepthTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir static Path data;
  static PageSearcher searcher;

  /**
   * The module everyone means by fs: a short summary, then its items' table, mostly links, which
   * ranking weighs as an index's.
   */
  private static final String FS = page("std::fs", "<h1>Module std::fs</h1><div class='docblock'>"
      + "Filesystem manipulation operations.</div><h2 id='structs'>Structs</h2><div class='item-table'>"
      + ("<div class='item-row'><a href='struct.File.html'>DirBuilder OpenOptions Permissions ReadDir</a>"
      + " A builder.</div>").repeat(25) + "</div>");

  /** A platform's extensions, also named fs, deeper in the crate: short, and says fs often. */
  private static String platformFs(String os) {
    return page("std::os::" + os + "::fs", "<h1>Module std::os::" + os + "::fs</h1><div class='docblock'>"
        + os + "-specific extensions to primitives in the std::fs module: fs permissions, fs file types.</div>"
        + "<h2 id='traits'>Traits</h2>");
  }

  /** The module vec, shallower than the struct Vec it holds. */
  private static final String VEC_MODULE = page("std::vec", "<h1>Module std::vec</h1><div class='docblock'>"
      + "A contiguous growable array type with heap-allocated contents, written Vec&lt;T&gt;. Vectors have O(1)"
      + " indexing, amortized O(1) push (to the end) and O(1) pop (from the end).</div>"
      + "<h2 id='structs'>Structs</h2><a href='struct.Vec.html'>Vec</a>");
  private static final String VEC = page("Vec in std::vec", "<h1>Struct std::vec::Vec</h1><div class='docblock'>"
      + "A contiguous growable array type, written as Vec&lt;T&gt;, short for vector. ".repeat(10) + "</div>");

  @BeforeAll
  static void crawlTheSite() throws Exception {
    searcher = CrawledDocs.crawl(site, data, Map.ofEntries(
        entry("/index.html", page("std", "<a href='std/fs/index.html'>fs</a> <a href='std/os/unix/fs/index.html'>unix</a>"
            + " <a href='std/os/wasi/fs/index.html'>wasi</a> <a href='std/vec/index.html'>vec</a>")),
        entry("/std/vec/index.html", VEC_MODULE), entry("/std/vec/struct.Vec.html", VEC),
        entry("/std/fs/index.html", FS), entry("/std/os/unix/fs/index.html", platformFs("unix")),
        entry("/std/os/wasi/fs/index.html", platformFs("wasi"))));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aNameThatItemsAtSeveralDepthsHaveFindsTheShallowestFirst() throws Exception {
    // The platforms' modules came first: shorter, and they say fs more often.
    assertThat(searcher.search("fs", 10).hits().get(0).url()).isEqualTo(url("/std/fs/index.html"));
  }

  @Test
  void aNameIsLookedUpInTheCaseTypedAsRustNamesAModuleAndATypeApart() throws Exception {
    assertThat(searcher.search("Vec", 10).hits().get(0).url()).isEqualTo(url("/std/vec/struct.Vec.html"));
    assertThat(searcher.search("vec", 10).hits().get(0).url()).isEqualTo(url("/std/vec/index.html"));
  }

  @Test
  void theDeeperItemIsFoundByItsPath() throws Exception {
    assertThat(searcher.search("unix fs", 10).hits().get(0).url()).isEqualTo(url("/std/os/unix/fs/index.html"));
    assertThat(searcher.search("std::os::wasi::fs", 10).hits().get(0).url()).isEqualTo(url("/std/os/wasi/fs/index.html"));
  }

  private static String url(String path) {
    return CrawledDocs.url(site, path);
  }
}
