package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.sitepulse.crawler.RustdocPages.heading;
import static dev.sitepulse.crawler.RustdocPages.page;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import dev.sitepulse.crawler.search.SearchResults;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rustdoc documents an item on a page of its own at each path that re-exports it, with no
 * canonical link or redirect between them: std::collections::HashMap and
 * std::collections::hash_map::HashMap, std::iter::Iterator and core::iter::Iterator. A search
 * shows it once. Pages shaped as rustdoc 1.63 writes them, cut down.
 */
class RustdocReExportsTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir static Path data;
  static PageSearcher searcher;

  private static String method(String name, String source, String doc) {
    return "<section id='method." + name + "' class='method has-srclink'><span class='rightside'><a class='srclink' href='"
        + source + "'>source</a></span><h4 class='code-header'>pub fn " + name + "(&amp;self)</h4></section>"
        + "<div class='docblock'><p>" + doc + "</p></div>";
  }

  private static String hashMap(String module, String src) {
    return page("HashMap in " + module, heading("Struct", module + "::HashMap", src + "#213-215")
        + "<div class='docblock'>" + "A hash map implemented with quadratic probing and SIMD lookup. ".repeat(20) + "</div>"
        + method("entry", src + "#852", "Gets the given key's corresponding entry in the map for in-place manipulation."));
  }

  private static String iterator(String crate) {
    return page("Iterator in " + crate + "::iter", heading("Trait", crate + "::iter::Iterator",
        "../../src/core/iter/traits/iterator.rs.html#66-3774")
        + "<div class='docblock'>" + "An interface for dealing with iterators. ".repeat(20) + "</div>"
        + "<div id='tymethod.next' class='method has-srclink'><h4 class='code-header'>fn next(&amp;mut self)</h4></div>"
        + "<div class='docblock'>Advances the iterator and returns the next value.</div>");
  }

  /** A primitive type has no source to link: std and core document it alike. */
  private static String primitive(String crate) {
    return page("u8", "<div class='main-heading'><h1 class='fqn'><span class='in-band'>Primitive Type u8</span></h1>"
        + "<span class='out-of-band'><span class='since'>1.0.0</span></span></div><div class='docblock'>"
        + "The 8-bit unsigned integer type.</div>" + method("count_ones", "../src/core/num/mod.rs.html#337", "Returns the number of ones."));
  }

  /** Two items one macro defines at one place of the source: alike, but two. */
  private static String nonZero(String name) {
    return page(name + " in std::num", heading("Struct", "std::num::" + name, "../../src/core/num/nonzero.rs.html#160-173")
        + "<div class='docblock'>An integer that is known not to equal zero.</div>");
  }

  /** std's page of a function core defines links the line it starts at, core's its lines. */
  private static String swap(String crate, String lines) {
    return page("swap in " + crate + "::mem", heading("Function", crate + "::mem::swap", "../../src/core/mem/mod.rs.html#" + lines)
        + "<div class='docblock'>Swaps the values at two mutable locations, without deinitializing either one.</div>");
  }

  @BeforeAll
  static void crawlTheSite() throws Exception {
    searcher = CrawledDocs.crawl(site, data, Map.ofEntries(
        entry("/index.html", page("std", "<a href='std/collections/struct.HashMap.html'>HashMap</a>"
            + " <a href='std/collections/hash_map/struct.HashMap.html'>HashMap</a> <a href='std/iter/trait.Iterator.html'>Iterator</a>"
            + " <a href='core/iter/trait.Iterator.html'>Iterator</a> <a href='std/primitive.u8.html'>u8</a>"
            + " <a href='core/primitive.u8.html'>u8</a> <a href='std/num/struct.NonZeroU8.html'>NonZeroU8</a>"
            + " <a href='std/num/struct.NonZeroU16.html'>NonZeroU16</a> <a href='core/mem/fn.swap.html'>swap</a>"
            + " <a href='std/mem/fn.swap.html'>swap</a>")),
        entry("/std/mem/fn.swap.html", swap("std", "711")), entry("/core/mem/fn.swap.html", swap("core", "711-744")),
        entry("/std/collections/struct.HashMap.html", hashMap("std::collections", "../../src/std/collections/hash/map.rs.html")),
        entry("/std/collections/hash_map/struct.HashMap.html",
            hashMap("std::collections::hash_map", "../../../src/std/collections/hash/map.rs.html")),
        entry("/std/iter/trait.Iterator.html", iterator("std")), entry("/core/iter/trait.Iterator.html", iterator("core")),
        entry("/std/primitive.u8.html", primitive("std")), entry("/core/primitive.u8.html", primitive("core")),
        entry("/std/num/struct.NonZeroU8.html", nonZero("NonZeroU8")),
        entry("/std/num/struct.NonZeroU16.html", nonZero("NonZeroU16"))));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void anItemReExportedUnderAnotherPathIsOneHit() throws Exception {
    SearchResults results = searcher.search("HashMap entry", 10);
    assertThat(results.hits()).extracting(SearchHit::url).as("the better-ranked of the two")
        .containsOnlyOnce(url("/std/collections/struct.HashMap.html"))
        .doesNotContain(url("/std/collections/hash_map/struct.HashMap.html"));
    assertThat(results.hits().get(0).link()).isEqualTo(url("/std/collections/struct.HashMap.html") + "#method.entry");
    assertThat(results.totalHits()).as("every match fits: the hits are the total").isEqualTo(results.hits().size());
    assertThat(searcher.search("HashMap entry", 1).totalHits()).as("the same for any limit").isEqualTo(results.totalHits());
  }

  @Test
  void anItemOfOneCrateThatAnotherReExportsIsOneHitStdsPage() throws Exception {
    assertThat(searcher.search("Iterator next", 10).hits()).extracting(SearchHit::url)
        .filteredOn(u -> u.endsWith("/trait.Iterator.html")).containsExactly(url("/std/iter/trait.Iterator.html"));
    assertThat(searcher.search("swaps values", 10).hits()).extracting(SearchHit::url)
        .as("std's page links the line the function starts at, core's its lines")
        .filteredOn(u -> u.endsWith("/fn.swap.html")).containsExactly(url("/std/mem/fn.swap.html"));
    assertThat(searcher.search("u8", 10).hits()).extracting(SearchHit::url)
        .filteredOn(u -> u.endsWith("/primitive.u8.html")).as("a primitive type, which has no source").hasSize(1);
  }

  @Test
  void pagesOfOneItemThatFillTheFirstPlacesLeaveThemToTheNextPages() throws Exception {
    assertThat(searcher.search("hash map quadratic probing", 1).hits()).hasSize(1);
    assertThat(searcher.search("interface unsigned", 2).hits()).extracting(SearchHit::url).as("one Iterator, one u8")
        .anyMatch(u -> u.endsWith("/trait.Iterator.html")).anyMatch(u -> u.endsWith("/primitive.u8.html"));
  }

  @Test
  void twoItemsDefinedAtOnePlaceOfTheSourceAreTwoHits() throws Exception {
    assertThat(searcher.search("integer known not to equal zero", 10).hits()).extracting(SearchHit::url)
        .contains(url("/std/num/struct.NonZeroU8.html"), url("/std/num/struct.NonZeroU16.html"));
  }

  private static String url(String path) {
    return CrawledDocs.url(site, path);
  }
}
