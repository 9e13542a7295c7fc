package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.sitepulse.crawler.RustdocPages.page;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.search.InvalidQueryException;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names searched on a site rustdoc generated, as a Rust programmer types them: the type's page
 * ranks first and the hit links to the method. Pages shaped as rustdoc 1.63 writes them, cut down.
 */
class RustdocSearchTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir static Path data;
  static PageSearcher searcher;

  private static String method(String kind, String name, String doc) {
    return "<section id='" + kind + "." + name + "' class='method has-srclink'><h4 class='code-header'>pub fn " + name
        + "(&amp;mut self)</h4></section><div class='docblock'><p>" + doc + "</p></div>";
  }

  /** A method of a trait's implementation for the type, as rustdoc marks it: the trait declares it. */
  private static String traitImpl(String id, String doc) {
    String name = id.substring(id.indexOf('.') + 1).replaceFirst("-\\d+$", "");
    return "<details class='rustdoc-toggle method-toggle' open><summary><section id='" + id
        + "' class='method trait-impl has-srclink'><h4 class='code-header'>fn " + name
        + "(&amp;self)</h4></section></summary><div class='docblock'><p>" + doc + "</p></div></details>";
  }

  private static final String HASH_MAP = page("HashMap in std::collections", "<h1>Struct std::collections::HashMap</h1>"
      + "<div class='docblock'>" + "A hash map implemented with quadratic probing and SIMD lookup. ".repeat(30)
      + "HashMap also implements an Entry API, which allows for more complex methods of getting, setting, updating"
      + " and removing keys and their values.</div>"
      + "<h2 id='implementations'>Implementations</h2><div id='impl-HashMap%3CK%2C%20V%2C%20S%3E'></div>"
      + method("method", "insert", "Inserts a key-value pair into the map.")
      + method("method", "entry", "Gets the given key's corresponding entry in the map for in-place manipulation.")
      + "<h2 id='trait-implementations'>Trait Implementations</h2><div id='trait-implementations-list'>"
      + "<section id='impl-Clone-for-HashMap%3CK%2C%20V%2C%20S%3E' class='impl has-srclink'></section><div class='impl-items'>"
      + traitImpl("method.clone", "Returns a copy of the value.") + "</div>"
      + "<section id='impl-Debug' class='impl has-srclink'></section><div class='impl-items'>"
      + traitImpl("method.fmt", "Formats the value.") + traitImpl("method.fmt-1", "Formats the value.") + "</div></div>");
  /** Says HashMap and entry more often, and shorter, as the pages of a type's helpers do. */
  private static final String ENTRY = page("Entry in std::collections::hash_map", "<h1>Enum std::collections::hash_map::Entry</h1>"
      + "<div class='docblock'>A view into a single entry in a map. This enum is constructed from the entry method on"
      + " HashMap: HashMap entry, HashMap::entry, map.entry(key).</div>"
      + "<section id='variant.Occupied' class='variant'><h3>Occupied</h3></section>");
  private static final String ITERATOR = page("Iterator in std::iter", "<h1>Trait std::iter::Iterator</h1>"
      + "<div class='docblock'>" + "An interface for dealing with iterators, lazily. ".repeat(30) + "</div>"
      + method("tymethod", "next", "Advances the iterator and returns the next value.")
      + method("method", "map", "Takes a closure and creates an iterator which calls that closure on each element."));
  /** The struct the map method returns: its own name is map. */
  private static final String MAP = page("Map in std::iter", "<h1>Struct std::iter::Map</h1><div class='docblock'>"
      + "An iterator that maps the values of iter with f. This struct is created by the map method on Iterator:"
      + " Iterator map, Iterator::map.</div>" + traitImpl("method.next", "Advances the iterator."));
  /** The trait that declares clone; its docs are long, as a trait's are. */
  private static final String CLONE = page("Clone in std::clone", "<h1>Trait std::clone::Clone</h1>"
      + "<div class='docblock'>" + "A common trait for the ability to explicitly duplicate an object. ".repeat(30) + "</div>"
      + "<h2 id='required-methods'>Required Methods</h2>" + method("tymethod", "clone", "Returns a copy of the value.")
      + "<h2 id='provided-methods'>Provided Methods</h2>" + method("method", "clone_from", "Performs copy-assignment from source."));
  /** The primitive type that declares sort. */
  private static final String SLICE = page("slice", "<h1>Primitive Type slice</h1><div class='docblock'>"
      + "A dynamically-sized view into a contiguous sequence, [T]. ".repeat(30) + "</div>"
      + method("method", "sort", "Sorts the slice. This sort is stable and O(n * log(n)) worst-case."));
  /** Short, and lists slice's methods, sort among them, as its own: it dereferences to a slice. */
  private static final String IO_SLICE = page("IoSliceMut in std::io", "<h1>Struct std::io::IoSliceMut</h1>"
      + "<div class='docblock'>A buffer type used with Read::read_vectored; sort it, sort.</div>"
      + "<h2 id='deref-methods-%5Bu8%5D' class='small-section-header'>Methods from Deref&lt;Target = [u8]&gt;</h2>"
      + "<div id='deref-methods-%5Bu8%5D-1'><div class='impl-items'>"
      + method("method", "sort", "Sorts the slice.") + "</div></div>");
  /** A trait whose method's name is a stop word of English, which the text leaves out. */
  private static final String INTO = page("Into in std::convert", "<h1>Trait std::convert::Into</h1>"
      + "<div class='docblock'>" + "A value-to-value conversion that consumes the input value. ".repeat(10) + "</div>"
      + method("tymethod", "into", "Converts this type into the (usually inferred) input type."));
  /** The derive macro of the same name and path as the trait: one short line. Built in, so a "Macro". */
  private static final String DERIVE_CLONE = page("Clone in std::clone", "<h1 class='fqn'>Macro std::clone::Clone</h1>"
      + "<pre class='rust macro'>pub macro Clone($item:item) { /* proc-macro */ }</pre>"
      + "<div class='docblock'>Derive macro generating an impl of the trait Clone.</div>");
  /** Short, about cloning, and with Clone implemented: Iterator's cloned() returns it. */
  private static final String CLONED = page("Cloned in std::iter", "<h1>Struct std::iter::Cloned</h1><div class='docblock'>"
      + "An iterator that clones the elements of an underlying iterator: clone, clone, clone.</div>"
      + "<div id='trait-implementations-list'>" + traitImpl("method.clone", "Returns a copy of the value.")
      + traitImpl("method.next", "Advances the iterator and returns the next value.") + "</div>");
  private static final String READ_TO_STRING = page("read_to_string in std::fs", "<h1>Function std::fs::read_to_string</h1>"
      + "<pre>pub fn read_to_string(path: P) -&gt; Result&lt;String&gt;</pre><div class='docblock'>"
      + "Read the entire contents of a file into a string. ".repeat(20) + "</div>");
  private static final String FILE = page("File in std::fs", "<h1>Struct std::fs::File</h1><div class='docblock'>"
      + "An object providing access to an open file. Use fs::read_to_string or io::read_to_string, or"
      + " read_to_string on a File; see std::fs::read_to_string.</div>" + method("method", "open", "Opens a file."));

  @BeforeAll
  static void crawlTheSite() throws Exception {
    searcher = CrawledDocs.crawl(site, data, Map.ofEntries(entry("/index.html", page("std",
        "<a href='std/collections/struct.HashMap.html'>HashMap</a> <a href='std/collections/hash_map/enum.Entry.html'>Entry</a>"
        + " <a href='std/iter/trait.Iterator.html'>Iterator</a> <a href='std/iter/struct.Map.html'>Map</a>"
        + " <a href='std/fs/fn.read_to_string.html'>read_to_string</a> <a href='std/fs/struct.File.html'>File</a>"
        + " <a href='std/clone/trait.Clone.html'>Clone</a> <a href='std/iter/struct.Cloned.html'>Cloned</a>"
        + " <a href='std/clone/macro.Clone.html'>Clone</a> <a href='std/convert/trait.Into.html'>Into</a>"
        + " <a href='std/primitive.slice.html'>slice</a> <a href='std/io/struct.IoSliceMut.html'>IoSliceMut</a>")),
        entry("/std/collections/struct.HashMap.html", HASH_MAP), entry("/std/collections/hash_map/enum.Entry.html", ENTRY),
        entry("/std/iter/trait.Iterator.html", ITERATOR), entry("/std/iter/struct.Map.html", MAP),
        entry("/std/fs/fn.read_to_string.html", READ_TO_STRING), entry("/std/fs/struct.File.html", FILE),
        entry("/std/clone/trait.Clone.html", CLONE), entry("/std/iter/struct.Cloned.html", CLONED),
        entry("/std/clone/macro.Clone.html", DERIVE_CLONE), entry("/std/convert/trait.Into.html", INTO),
        entry("/std/primitive.slice.html", SLICE), entry("/std/io/struct.IoSliceMut.html", IO_SLICE)));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aTypeAndMethodNameFindsTheTypePageFirstAndLinksToTheMethod() throws Exception {
    assertThat(first("HashMap.entry").link()).isEqualTo(url("/std/collections/struct.HashMap.html") + "#method.entry");
    assertThat(first("hashmap entry").link()).as("typed with a space, in lower case")
        .isEqualTo(url("/std/collections/struct.HashMap.html") + "#method.entry");
  }

  @Test
  void aTraitsRequiredAndProvidedMethodsLinkToTheirDefinitions() throws Exception {
    assertThat(first("Iterator.next").link()).isEqualTo(url("/std/iter/trait.Iterator.html") + "#tymethod.next");
    assertThat(first("Iterator.map").link()).isEqualTo(url("/std/iter/trait.Iterator.html") + "#method.map");
  }

  @Test
  void anItemsPathFindsItsPageFirst() throws Exception {
    assertThat(first("std.fs.read_to_string").url()).isEqualTo(url("/std/fs/fn.read_to_string.html"));
    assertThat(first("fs read_to_string").url()).isEqualTo(url("/std/fs/fn.read_to_string.html"));
  }

  @Test
  void aPathWrittenWithDoubleColonsAsRustWritesItFindsAndLinksTheDefinition() throws Exception {
    assertThat(first("HashMap::entry").link()).isEqualTo(url("/std/collections/struct.HashMap.html") + "#method.entry");
    assertThat(first("Iterator::map").link()).isEqualTo(url("/std/iter/trait.Iterator.html") + "#method.map");
    assertThat(first("std::fs::read_to_string").url()).isEqualTo(url("/std/fs/fn.read_to_string.html"));
  }

  @Test
  void aTraitsMethodIsDefinedByTheTraitNotByEveryTypeThatImplementsIt() throws Exception {
    assertThat(first("clone").link()).isEqualTo(url("/std/clone/trait.Clone.html") + "#tymethod.clone");
    assertThat(first("next").link()).isEqualTo(url("/std/iter/trait.Iterator.html") + "#tymethod.next");
  }

  @Test
  void aTraitsNameFindsTheTraitAheadOfTheDeriveMacroOfTheSameNameAndPath() throws Exception {
    assertThat(first("Clone.clone").link()).as("clone::Clone, lower-cased, is Clone.clone too")
        .isEqualTo(url("/std/clone/trait.Clone.html") + "#tymethod.clone");
    assertThat(first("Clone clone").link()).isEqualTo(url("/std/clone/trait.Clone.html") + "#tymethod.clone");
    assertThat(first("Clone").url()).isEqualTo(url("/std/clone/trait.Clone.html"));
    assertThat(first("derive Clone").url()).as("found by its words").isEqualTo(url("/std/clone/macro.Clone.html"));
  }

  @Test
  void aNameThatIsAStopWordFindsItsDefinition() throws Exception {
    assertThat(first("into").link()).isEqualTo(url("/std/convert/trait.Into.html") + "#tymethod.into");
    assertThat(first("Into.into").link()).isEqualTo(url("/std/convert/trait.Into.html") + "#tymethod.into");
    assertThatThrownBy(() -> searcher.search("the", 10)).as("a stop word that names nothing")
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("only stop words");
  }

  @Test
  void aMethodOfTheTypeATypeDereferencesToIsDefinedByThatType() throws Exception {
    assertThat(first("sort").link()).isEqualTo(url("/std/primitive.slice.html") + "#method.sort");
    assertThat(first("IoSliceMut sort").link()).as("the type's page lists it")
        .isEqualTo(url("/std/io/struct.IoSliceMut.html") + "#method.sort");
  }

  @Test
  void anImplementationsMethodIsStillFoundByItsTypesName() throws Exception {
    assertThat(first("Cloned.clone").link()).isEqualTo(url("/std/iter/struct.Cloned.html") + "#method.clone");
    assertThat(first("HashMap clone").link()).isEqualTo(url("/std/collections/struct.HashMap.html") + "#method.clone");
  }

  @Test
  void theSecondMethodOfANameLinksToTheFirst() throws Exception {
    assertThat(first("HashMap.fmt").link()).isEqualTo(url("/std/collections/struct.HashMap.html") + "#method.fmt");
  }

  @Test
  void rustdocsKindsOfIdDefineNothing() throws Exception {
    assertThat(searcher.search("method.entry", 10).hits()).noneMatch(SearchHit::definition);
  }

  private static SearchHit first(String query) throws Exception {
    return searcher.search(query, 10).hits().get(0);
  }

  private static String url(String path) {
    return CrawledDocs.url(site, path);
  }
}
