package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A definition term without an id (Sphinx's {@code :noindex:}) that opens with a code name
 * defines that name within its section: the tutorial's {@code list.append(x)}.
 */
class UnidentifiedTermsSearchTest {
  private static final String TUTORIAL = "https://docs.example/tutorial/datastructures.html";
  private static final String DIS = "https://docs.example/library/dis.html";
  private static final String LISTS = "https://docs.example/c-api/list.html";
  private static final String TYPES = "https://docs.example/library/stdtypes.html";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexThreePages() {
    searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), Map.of(
        TUTORIAL, DocsSite.html("5. Data Structures", """
            <p>This chapter describes some things you have learned about already in more detail.</p>
            <section id="more-on-lists"><h2>More on Lists</h2>
            <p>The list data type has some more methods. Here are all of the methods of list objects:</p>
            <dl class="py method"><dt class="sig sig-object py"><span class="sig-prename descclassname">
            <span class="pre">list.</span></span><span class="sig-name descname"><span class="pre">append</span>
            </span><span class="sig-paren">(</span><em class="sig-param">x</em><span class="sig-paren">)</span></dt>
            <dd><p>Add an item to the end of the list.</p></dd></dl>
            <dl class="py method"><dt class="sig sig-object py"><span class="sig-prename descclassname">
            <span class="pre">list.</span></span><span class="sig-name descname"><span class="pre">pop</span>
            </span><span class="sig-paren">(</span><span class="sig-paren">)</span></dt>
            <dd><p>Remove the item at the given position in the list, and return it.</p></dd></dl>
            </section>
            <section id="the-del-statement"><h2>The del statement</h2><p>Removes an item.</p></section>"""),
        DIS, DocsSite.html("dis — Disassembler for Python bytecode", """
            <p>The dis module supports the analysis of bytecode.</p>
            <dl class="std opcode"><dt class="sig sig-object std" id="opcode-LIST_APPEND">
            <span class="sig-name descname"><span class="pre">LIST_APPEND</span></span>
            <span class="sig-paren">(</span><em class="sig-param">i</em><span class="sig-paren">)</span></dt>
            <dd><p>Calls list.append(STACK[-i], STACK.pop()). Used to implement list comprehensions.</p></dd>
            </dl>"""),
        LISTS, DocsSite.html("List Objects", """
            <p>The list type of the C API.</p>
            <dl class="c function"><dt class="sig sig-object c" id="c.PyList_Append">
            <span class="kt">int</span> <span class="sig-name descname">PyList_Append</span>(PyObject *list,
            PyObject *item)</dt>
            <dd><p>Append the object item at the end of list list. Analogous to list.append(item).</p></dd>
            </dl>"""),
        TYPES, DocsSite.html("Built-in Types", """
            <p>The principal built-in types are numerics, sequences, mappings, classes and exceptions.</p>
            <section id="lists"><h2>Lists</h2><p>Lists are mutable sequences of items of any type.</p>
            <dl class="py method"><dt class="sig sig-object py" id="list.pop">
            <span class="sig-name descname">pop</span>(<em>i</em>)</dt>
            <dd><p>Takes an item of a sequence of many kinds of items of any type out.</p></dd></dl>
            </section>"""))));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aTermWithoutAnIdDefinesItsNameAtItsSection() throws Exception {
    SearchHit first = searcher.search("list.append", 10).hits().get(0);

    assertThat(first.link()).isEqualTo(TUTORIAL + "#more-on-lists");
    assertThat(first.definition()).isTrue();
  }

  @Test
  void theNamesWordsFindItFirstToo() throws Exception {
    assertThat(searcher.search("list append", 10).hits().get(0).link()).isEqualTo(TUTORIAL + "#more-on-lists");
  }

  @Test
  void aNameAPageDefinesByAnIdIsItsDefinitionNotTheSectionsEntry() throws Exception {
    SearchHit first = searcher.search("list.pop", 10).hits().get(0);

    assertThat(first.link()).isEqualTo(TYPES + "#list.pop");
    assertThat(searcher.search("list.pop", 10).hits()).extracting(SearchHit::link)
        .contains(TUTORIAL + "#more-on-lists");
  }

  @Test
  void aTermThatOpensWithNoCodeNameDefinesNothing() throws Exception {
    assertThat(searcher.search("del", 10).hits()).allSatisfy(hit -> assertThat(hit.definition()).isFalse());
  }
}
