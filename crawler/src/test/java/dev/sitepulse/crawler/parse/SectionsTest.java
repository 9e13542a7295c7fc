package dev.sitepulse.crawler.parse;

import static dev.sitepulse.crawler.parse.StubSite.parseHtml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where in a page's text each heading's or definition's section starts, by the id a link uses. */
class SectionsTest {
  private static final String URL = "https://docs.example/page.html";

  @Test
  void eachHeadingNamesItsSectionByTheIdEachGeneratorPutsInItsOwnPlace() {
    ParsedPage page = parseHtml("""
        <h1>Guide</h1><p>Intro.</p>
        <h2 id="install">Install</h2><p>Run it.</p>
        <section id="usage"><h2>Usage<a class="headerlink" href="#usage">¶</a></h2><p>Call it.</p></section>
        <h2><span class="mw-headline" id="History">History</span></h2><p>Old.</p>
        <a id="faq"></a><h2>FAQ</h2><p>Ask.</p>
        <h2><a class="toc-backref" href="#id3">Limits</a><a class="headerlink" href="#limits">¶</a></h2><p>Few.</p>
        """, URL);

    assertThat(ids(page)).containsExactly("", "install", "usage", "History", "faq", "limits");
    assertThat(textOf(page, "usage")).isEqualTo("Usage Call it.");
    assertThat(textOf(page, "limits")).isEqualTo("Limits Few.");
  }

  @Test
  void aSectionThatSphinxOpensWithLabelsEmptySpansIsTheSectionsAndEachLabelGoesThereToo() {
    ParsedPage page = parseHtml("""
        <section id="why-no-assignment"><span id="id1"></span><h2>Why no assignment?</h2><p>Because.</p></section>
        <section id="the-for-statement"><span id="for"></span><h2>The <code>for</code> statement</h2>
        <p>Iterates.</p></section>
        """, URL);

    assertThat(ids(page)).containsExactly("why-no-assignment", "id1", "the-for-statement", "for");
    assertThat(textOf(page, "id1")).isEqualTo("Why no assignment? Because.");
    assertThat(textOf(page, "for")).isEqualTo(textOf(page, "the-for-statement")).isEqualTo("The for statement Iterates.");
  }

  @Test
  void aRustdocMethodsSectionIsItsHeadingsThoughItsSourceLinkComesFirst() {
    ParsedPage page = parseHtml("""
        <details open><summary><section id="method.push" class="method"><span class="rightside"><a class="srclink"
        href="../src/vec.rs.html#10">source</a></span><a href="#method.push" class="anchor"></a>
        <h4 class="code-header">pub fn push(&mut self, value: T)</h4></section></summary>
        <div class="docblock"><p>Appends an element.</p></div></details>
        <details open><summary><section id="method.pop" class="method"><span class="rightside"><a class="srclink"
        href="../src/vec.rs.html#20">source</a></span>
        <h4 class="code-header">pub fn pop(&mut self)</h4></section></summary><div class="docblock"><p>Removes the last.</p></div></details>
        """, URL);

    assertThat(textOf(page, "method.push")).isEqualTo("pub fn push(&mut self, value: T) Appends an element.");
  }

  @Test
  void aHeadingWithoutAnyIdEndsTheSectionBeforeItAndLinksNowhere() {
    ParsedPage page = parseHtml("""
        <h2 id="a">A</h2><p>First.</p><div><p>Lead</p><h2>B</h2></div><p>Second.</p>
        """, URL);

    assertThat(ids(page)).containsExactly("a", "");
    assertThat(textOf(page, "a")).isEqualTo("A First. Lead");
  }

  @Test
  void aDefinitionsSectionRunsToTheEndOfItsListAndNestsInItsClass() {
    ParsedPage page = parseHtml("""
        <h2 id="api">API</h2>
        <dl><dt id="Widget">class Widget</dt><dd><p>A widget.</p>
          <dl><dt id="Widget.spin">spin()</dt><dd>Spins it.</dd></dl>
          <p>Widgets stack.</p></dd></dl>
        <p>After the list.</p>
        """, URL);

    assertThat(textOf(page, "Widget.spin")).isEqualTo("spin() Spins it.");
    assertThat(textOf(page, "Widget")).isEqualTo("class Widget A widget. spin() Spins it. Widgets stack.");
    assertThat(textOf(page, "api")).endsWith("After the list.");
  }

  @Test
  void aLinkInAHeadingThatReadsAsWordsIsNoPermalink() {
    ParsedPage page = parseHtml("""
        <h2 id="a">A</h2><p>x</p><h2>Usage <a href="#top">back to top</a></h2><p>Call it.</p>
        <h2>Setup <a class="anchor" href="#setup"><svg></svg></a></h2><p>y</p>
        """, URL);

    assertThat(ids(page)).containsExactly("a", "", "setup");
  }

  @Test
  void aSubheadingsSectionLiesWithinItsHeadingsUpToTheNextOfTheSameRank() {
    ParsedPage page = parseHtml("""
        <h2 id="install">Install</h2><p>Run it.</p><h3>On Linux</h3><p>Use apt.</p>
        <h2 id="usage">Usage</h2><p>Call it.</p>
        """, URL);

    assertThat(textOf(page, "install")).isEqualTo("Install Run it. On Linux Use apt.");
  }

  @Test
  void labelsCountAgainstTheLimitOfSectionsAPageKeeps() {
    StringBuilder html = new StringBuilder();
    for (int i = 0; i < 1_500; i++) {
      html.append("<section id=s").append(i).append("><span id=a").append(i).append("></span><span id=b").append(i)
          .append("></span><h2>S").append(i).append("</h2><p>w").append(i).append("</p></section>");
    }
    ParsedPage page = parseHtml(html.toString(), URL);

    assertThat(page.sections()).hasSize(2_000);
    assertThat(ids(page)).startsWith("s0", "b0", "a0", "s1");
  }

  @Test
  void pastTheLimitTheRestOfThePageIsInNoSection() {
    StringBuilder html = new StringBuilder();
    for (int i = 0; i < 2_100; i++) {
      html.append("<h2 id=s").append(i).append(">S").append(i).append("</h2><p>w").append(i).append("</p>");
    }
    ParsedPage page = parseHtml(html.toString(), URL);

    Section last = page.sections().get(page.sections().size() - 1);
    assertThat(last.id()).isEmpty();
    assertThat(page.text().substring(last.start()).strip()).startsWith("S2000 w2000");
    assertThat(page.sections()).filteredOn(s -> !s.id().isEmpty())
        .allMatch(s -> s.end() <= last.start());
  }

  @Test
  void headingsInNavigationAreNoSectionsOfTheText() {
    ParsedPage page = parseHtml("""
        <nav><h3 id="toc">Contents</h3><a href="#x">X</a></nav><h2 id="x">X</h2><p>Text.</p>
        """, URL);

    assertThat(ids(page)).containsExactly("x");
  }

  private static List<String> ids(ParsedPage page) {
    return page.sections().stream().map(Section::id).toList();
  }

  private static String textOf(ParsedPage page, String id) {
    Section s = page.sections().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    return page.text().substring(s.start(), s.end()).strip();
  }
}
