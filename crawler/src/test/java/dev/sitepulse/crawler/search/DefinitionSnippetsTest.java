package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hit that links to a definition shows what the definition says, as an API reference's own search does. */
class DefinitionSnippetsTest {
  private static final String PAGE = "https://docs.example/library/text.html";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexAnApiPage() {
    searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), PAGE, """
        <html><head><title>text — Text utilities</title></head><body>
        <h1>text — Text utilities</h1>
        <p>This module helps split text: split a line, split a file, split on commas, split on tabs.
        The text module's split and join are its most used text functions, and text split by text is common.</p>
        <dl class="py function"><dt class="sig sig-object py" id="text.split">text.split(line, sep=None)</dt>
        <dd><p>Return a list of the words in the line, using sep as the delimiter.</p>
        <p>Consecutive separators are grouped.</p></dd></dl>
        <dl class="py function"><dt class="sig sig-object py" id="text.join">text.join(words)</dt>
        <dd><p>Return the words joined by single spaces.</p><pre>text.join(['a', 'b'])</pre></dd></dl>
        <p>Long lines go through text.fold first.</p>
        <dl class="py function"><dt class="sig sig-object py" id="text.fold">fold(line)</dt>
        <dd><p>Breaks a long line at spaces.</p></dd></dl>
        <dl class="py function"><dt class="sig sig-object py" id="into">into(value)</dt>
        <dd><p>Converts a value to a line.</p></dd></dl>
        <dl class="py function"><dt class="sig sig-object py" id="or">or(first, second)</dt>
        <dd><p>The first line unless it is blank, else the second.</p></dd></dl>
        <h2 id="recipes">Recipes</h2>
        <p>To split text twice, split the text and then split each text part: split, split, split the text.</p>
        </body></html>"""));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aHitLinkedToADefinitionShowsItsSignatureAndFirstSentenceNotTheBestPassagesElsewhere() throws Exception {
    SearchHit hit = onlyHit("text split");

    assertThat(hit.anchor()).isEqualTo("text.split");
    assertThat(hit.snippet()).isEqualTo(
        "text.split(line, sep=None) Return a list of the words in the line, using sep as the delimiter.");
  }

  @Test
  void aFunctionTypedWithoutItsModuleShowsTheDefinitionItFinds() throws Exception {
    SearchHit hit = onlyHit("join");

    assertThat(hit.anchor()).isEqualTo("text.join");
    assertThat(hit.snippet()).as("the example's code has no full stop: the next definition is not read on into")
        .isEqualTo("text.join(words) Return the words joined by single spaces. text.join(['a', 'b'])");
  }

  @Test
  void aDefinitionNamedByAStopWordShowsItsOwnOpeningThoughNothingInItMatches() throws Exception {
    SearchHit hit = onlyHit("into");

    assertThat(hit.anchor()).isEqualTo("into");
    assertThat(hit.snippet()).isEqualTo("into(value) Converts a value to a line.");
  }

  @Test
  void aDefinitionThatDoesNotWriteTheNameShowsItsOpeningNotTheMatchElsewhere() throws Exception {
    SearchHit hit = onlyHit("text.fold");

    assertThat(hit.anchor()).isEqualTo("text.fold");
    assertThat(hit.snippet()).isEqualTo("fold(line) Breaks a long line at spaces.");
  }

  @Test
  void anOperatorWordAloneIsTheWordAndFindsTheDefinitionOfThatName() throws Exception {
    // The grammar refused a lone OR: an operator with nothing to join.
    SearchHit hit = onlyHit("OR");

    assertThat(hit.anchor()).isEqualTo("or");
    assertThat(hit.snippet()).isEqualTo("or(first, second) The first line unless it is blank, else the second.");
  }

  @Test
  void aHitLinkedToASectionShowsThePagesBestPassagesAsBefore() throws Exception {
    SearchHit hit = onlyHit("split text twice");

    assertThat(hit.definition()).isFalse();
    assertThat(hit.snippet()).contains("To split text twice");
  }

  private static SearchHit onlyHit(String query) throws InvalidQueryException {
    List<SearchHit> hits = searcher.search(query, 10).hits();
    assertThat(hits).hasSize(1);
    return hits.get(0);
  }
}
