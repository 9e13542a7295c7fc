package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hit links to the section whose heading's id is the query's words beyond the page's title. */
class NamedSectionLinksTest {
  private static final String TOOLS = "https://docs.example/cli.html";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexAToolsPage() {
    searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), TOOLS, """
        <html><head><title>cli — command-line tools</title></head><body>
        <h1>cli — command-line tools</h1><p>Build command-line tools with cli.</p>
        <section id="options"><h2>Options</h2><p>Subcommands take options; subcommands take flags; the options
        of subcommands come after them.</p></section>
        <section id="sub-commands"><h2>Sub-commands</h2><p>A parser may hold nested parsers.</p></section>
        <section id="environment-variables"><h2>Environment variables</h2><p>Read at start.</p></section>
        <section id="settings"><h2>Settings</h2><p>Every environment variable read is a setting; a variable of
        the environment overrides a setting's default, and an environment variable overrides a flag.</p></section>
        <section id="loading"><span id="plugins-loaded"></span><h2>Loading</h2><p>Startup is lazy.</p></section>
        <section id="registry"><h2>Registry</h2><p>Each plugin registers; loading a plugin registers it; plugin
        loading happens once; a plugin loading twice is an error.</p></section>
        <section id="tools"><h2>Tools</h2><p>A list of what it ships.</p></section>
        </body></html>"""));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aSectionWhoseIdIsTheQuerysWordsIsTheLinkNotTheBestPassage() throws Exception {
    SearchHit hit = onlyHit("environment variable");

    assertThat(hit.link()).isEqualTo(TOOLS + "#environment-variables");
    assertThat(hit.snippet()).as("from the section linked").startsWith("Environment variables Read at start");
  }

  @Test
  void anIdsWordsRunTogetherNameTheWordTheQueryRunsTogether() throws Exception {
    assertThat(onlyHit("cli subcommands").link()).isEqualTo(TOOLS + "#sub-commands");
  }

  @Test
  void aLabelBeforeAHeadingIsNoHeadingsWords() throws Exception {
    assertThat(onlyHit("plugin loading").link()).isEqualTo(TOOLS + "#registry");
  }

  @Test
  void aQueryTheTitleSaysLinksWhereItsBestPassageIs() throws Exception {
    assertThat(onlyHit("cli tools").link()).isEqualTo(TOOLS);
  }

  private static SearchHit onlyHit(String query) throws InvalidQueryException {
    List<SearchHit> hits = searcher.search(query, 10).hits();
    assertThat(hits).hasSize(1);
    return hits.get(0);
  }
}
