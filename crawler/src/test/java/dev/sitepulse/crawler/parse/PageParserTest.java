package dev.sitepulse.crawler.parse;

import static dev.sitepulse.crawler.parse.StubSite.parse;
import static dev.sitepulse.crawler.parse.StubSite.parseHtml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class PageParserTest {

  @Test
  void extractsTitleDescriptionHeadingsAndLanguage() {
    ParsedPage page = parse("index.html");

    assertThat(page.title()).isEqualTo("Acme Widgets Documentation");
    assertThat(page.description()).startsWith("Official documentation for Acme Widgets:");
    assertThat(page.headings())
        .containsExactly(
            "Acme Widgets Documentation", "Where to start", "News and history", "For maintainers");
    assertThat(page.language()).isEqualTo("en");
  }

  @Test
  void aPageWithMoreThanFiftyThousandLinksKeepsTheFirstFiftyThousand() {
    StringBuilder html = new StringBuilder("<title>Huge</title><p>");
    for (int i = 0; i < 50_010; i++) {
      html.append("<a href=\"/l").append(i).append("\">").append(i).append("</a> ");
    }

    ParsedPage page = parseHtml(html.toString(), "https://docs.example/huge.html");

    assertThat(page.outlinks()).hasSize(50_000);
    assertThat(page.outlinks().get(0).url()).isEqualTo("https://docs.example/l0");
    assertThat(page.outlinks().get(49_999).url()).isEqualTo("https://docs.example/l49999");
    assertThat(page.text()).as("the text keeps every link's words").endsWith("50009");
  }

  @Test
  void mainTextLeavesOutScriptsStylesAndNavigation() {
    ParsedPage page =
        parseHtml(
            """
            <html><head><title>T</title><style>p { color: red }</style></head><body>
            <header><p>Site banner</p></header>
            <nav><a href="/">Home</a></nav>
            <div role="navigation"><h3>Previous topic</h3>Sidebar links</div>
            <main><h1>Real heading</h1><p>First   paragraph
            wraps.</p><p>Second&nbsp;one.</p>
            <script>var tracking = 1;</script><noscript>Enable JavaScript</noscript></main>
            <aside>Related posts</aside><footer>Copyright</footer>
            </body></html>""",
            "https://docs.example/page.html");

    assertThat(page.text()).isEqualTo("Real heading First paragraph wraps. Second one.");
    assertThat(page.headings()).containsExactly("Real heading");
  }

  @Test
  void aFooterMarkedByClassIdOrRoleIsFurnitureButAFooterOfSomethingElseIsContent() {
    ParsedPage page =
        parseHtml(
            """
            <div class="body"><p>Real text.</p><div class="card-footer">Card note.</div></div>
            <div class="footer">Copyright 2001, Found a bug?</div>
            <div id="footer">Licence</div><div role="contentinfo">Contact us</div>""",
            "https://docs.example/page.html");

    assertThat(page.text()).isEqualTo("Real text. Card note.");
  }

  @Test
  void docBooksNavigationRowsAboveAndBelowThePageAreFurniture() {
    // PostgreSQL's docs: every page opened with "Prev Up SQL Commands Home Next" and closed with
    // its neighbours' titles, so "CREATE LANGUAGE" matched the CREATE INDEX page.
    ParsedPage page =
        parseHtml(
            """
            <body><div class="navheader"><table summary="Navigation header"><tr><th>CREATE INDEX</th></tr>
            <tr><td><a href="sql-creategroup.html">Prev</a></td><td><a href="sql-commands.html">Up</a></td>
            <th>SQL Commands</th><td><a href="index.html">Home</a></td></tr></table><hr></div>
            <div class="refentry" id="SQL-CREATEINDEX"><h2>CREATE INDEX</h2><p>define a new index</p></div>
            <div class="navfooter"><hr><table summary="Navigation footer"><tr><td><a href="sql-creategroup.html">Prev</a></td>
            <td>CREATE GROUP</td><td>CREATE LANGUAGE</td></tr></table></div></body>""",
            "https://docs.example/sql-createindex.html");

    assertThat(page.text()).isEqualTo("CREATE INDEX define a new index");
    assertThat(page.outlinks()).extracting(Outlink::url).contains("https://docs.example/sql-commands.html");
  }

  @Test
  void rustdocsControlsAreFurnitureButTheirLinksAreFollowed() {
    // Rust's std docs (rustdoc 1.63): "source", "[−]", "Expand description" and "Run" on every item.
    ParsedPage page =
        parseHtml(
            """
            <h1 class="fqn">Function std::str::from_utf8</h1><span class="out-of-band"><span class="since">1.0.0</span>
            · <a class="srclink" href="../../src/core/str/converts.rs.html#87">source</a>
            · <a id="toggle-all-docs" href="javascript:void(0)">[<span class="inner">&#x2212;</span>]</a></span>
            <details class="rustdoc-toggle top-doc" open><summary class="hideme"><span>Expand description</span></summary>
            <div class="docblock"><p>Converts a slice of bytes to a string slice.</p><div class="example-wrap">
            <pre class="rust"><code>let s = from_utf8(v);</code></pre><a class="test-arrow" href="https://play.rust-lang.org/">Run</a>
            </div></div></details><a class="src" href="../src/lib.rs.html">source</a>""",
            "https://docs.example/std/str/fn.from_utf8.html");

    assertThat(page.text()).isEqualTo(
        "Function std::str::from_utf8 1.0.0 · · Converts a slice of bytes to a string slice. let s = from_utf8(v);");
    assertThat(page.outlinks()).extracting(Outlink::url)
        .contains("https://docs.example/src/core/str/converts.rs.html#87", "https://play.rust-lang.org/");
  }

  @Test
  void rustdocsNotableTraitsTooltipIsFurnitureButItsLinksAreFollowed() {
    // Rust's std docs (rustdoc 1.63): a method returning an iterator carries the iterator's
    // implementation, hidden until "ⓘ" is hovered, inside its signature; snippets of str::split
    // read "Split<'a, P>ⓘNotable traits for Split<'a, P>impl<'a, P> Iterator for Split<'a, P>…".
    ParsedPage page =
        parseHtml(
            """
            <section id="method.split" class="method"><h4 class="code-header">pub fn             <a href="#method.split" class="fnname">split</a>&lt;'a, P&gt;(&amp;'a self, pat: P) -&gt;             <a class="struct" href="str/struct.Split.html">Split</a>&lt;'a, P&gt;<span class="notable-traits">            <span class="notable-traits-tooltip">ⓘ<span class="notable-traits-tooltiptext"><span class="docblock">            <span class="notable">Notable traits for <a class="struct" href="str/struct.Split.html">Split</a>&lt;'a, P&gt;</span>            <code class="content"><span class="where fmt-newline">impl&lt;'a, P&gt;             <a class="trait" href="iter/trait.Iterator.html">Iterator</a> for Split&lt;'a, P&gt;</span></code>            </span></span></span></span></h4></section>
            <div class="docblock"><p>An iterator over substrings of this string slice.</p></div>""",
            "https://docs.example/std/primitive.str.html");

    assertThat(page.text()).isEqualTo(
        "pub fn split<'a, P>(&'a self, pat: P) -> Split<'a, P> An iterator over substrings of this string slice.");
    assertThat(page.outlinks()).extracting(Outlink::url)
        .contains("https://docs.example/std/iter/trait.Iterator.html");
  }

  @Test
  void nodesHeadingPermalinkIsFurnitureButAMarkWithWordsOrThatLinksElsewhereIsText() {
    ParsedPage page = parseHtml("<h4><code>blob.size</code><span><a class=\"mark\" href=\"#blobsize\" id=\"blobsize\">#</a></span></h4>"
        + "<p>The total size.</p><p>See <a class=\"mark\" href=\"#blobsize\">size</a>.</p>"
        + "<p>A <a class=\"mark\" href=\"#quote\" id=\"quote\">marked quote</a>.</p>", "https://docs.example/buffer.html");

    assertThat(page.text()).isEqualTo("blob.size The total size. See size. A marked quote.");
  }

  @Test
  void anInstantMetaRefreshNamesTheCanonicalPageUnlessALinkDoes() {
    String url = "https://docs.example/api/index.html";
    assertThat(parseHtml("<head><meta http-equiv=\"refresh\" content=\"0;URL=macro.Eq.html\">", url).canonical())
        .as("rustdoc's").isEqualTo("https://docs.example/api/macro.Eq.html");
    assertThat(parseHtml("<head><noscript><meta http-equiv=\"Refresh\" content=\"0;org/acme/package-summary.html\">"
        + "</noscript>", url).canonical()).as("javadoc's, without url=").isEqualTo("https://docs.example/api/org/acme/package-summary.html");
    assertThat(parseHtml("<head><meta http-equiv=\"refresh\" content=\" 0 , url = 'new.html' \">", url).canonical())
        .isEqualTo("https://docs.example/api/new.html");
    assertThat(parseHtml("<head><meta http-equiv=\"refresh\" content=\"5; url=new.html\">", url).canonical())
        .as("after a while: the page is shown first").isNull();
    assertThat(parseHtml("<head><meta http-equiv=\"refresh\" content=\"0\">", url).canonical()).as("reloads itself").isNull();
    assertThat(parseHtml("<head><meta http-equiv=\"refresh\" content=\"0;url=a.html\"><link rel=canonical href=b.html>", url)
        .canonical()).isEqualTo("https://docs.example/api/b.html");
    assertThat(parseHtml("<head><noscript><meta http-equiv=refresh content=\"0; url=/nojs.html\"></noscript></head>"
        + "<body><p>" + "Zebrafish swim in schools of many. ".repeat(20) + "</p></body>", url).canonical())
        .as("a script-driven app's fallback for readers without scripts, on a page with text of its own").isNull();
  }

  /** The head javadoc 17 and later write, comment and meta generator. */
  private static final String JAVADOC_17_HEAD = "<!DOCTYPE HTML><html lang=\"en\"><head>"
      + "<!-- Generated by javadoc (17) on Sat Dec 05 21:20:07 UTC 2026 --><title>TermQuery (Lucene 9.12.0 core API)</title>"
      + "<meta name=\"generator\" content=\"javadoc/ClassWriterImpl\"></head><body class=\"class-declaration-page\">";

  @Test
  void aTableOrAButtonThatADocCommentShowsOnAJavadocPageKeepsItsText() {
    // The JDK's Formatter and DateTimeFormatter document their patterns in tables with a caption
    // (doclint requires one) and th scope=col; only javadoc's own summary tables are furniture.
    ParsedPage page = parseHtml(JAVADOC_17_HEAD + """
        <main role="main"><div class="block"><table class="striped"><caption>Pattern Letters and Symbols</caption>
        <thead><tr><th scope="col">Symbol</th><th scope="col">Meaning</th></tr></thead>
        <tbody><tr><th scope="row">G</th><td>era</td></tr></tbody></table>
        <p>Press <button type="button">Reset</button> to start again.</p></div></main>""", "https://docs.example/api/F.html");

    assertThat(page.text()).contains("Pattern Letters and Symbols", "Symbol Meaning", "G era", "Reset");
  }

  @Test
  void javadocsTableHeadersTabsAndTheJdksInheritedMembersAreFurniture() {
    // Javadoc 17: on every class page, each summary table's tabs and column headers, the
    // "Methods inherited from class java.lang.Object" list and java.lang.Object atop the
    // inheritance tree: they topped analyze's terms.
    ParsedPage page = parseHtml(JAVADOC_17_HEAD + """
        <main role="main"><h1 title="Class TermQuery" class="title">Class TermQuery</h1>
        <div class="inheritance" title="Inheritance Tree"><a href="https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/Object.html" class="external-link">java.lang.Object</a>
        <div class="inheritance"><a href="Query.html" title="class in org.apache.lucene.search">org.apache.lucene.search.Query</a>
        <div class="inheritance">org.apache.lucene.search.TermQuery</div></div></div>
        <div class="block">A Query that matches documents containing a term.</div>
        <section class="method-summary" id="method-summary"><h2>Method Summary</h2>
        <div class="table-tabs" role="tablist"><button id="method-summary-table-tab0" role="tab" class="active-table-tab">All Methods</button><button id="method-summary-table-tab2" role="tab" class="table-tab">Instance Methods</button></div>
        <div class="summary-table three-column-summary"><div class="table-header col-first">Modifier and Type</div>
        <div class="table-header col-second">Method</div><div class="table-header col-last">Description</div>
        <div class="col-first"><code>Term</code></div><div class="col-second"><code><a href="#getTerm()">getTerm</a>()</code></div>
        <div class="col-last"><div class="block">Returns the term of this query.</div></div></div>
        <div class="inherited-list"><h3 id="methods-inherited-from-class-org.apache.lucene.search.Query">Methods inherited from class&nbsp;org.apache.lucene.search.<a href="Query.html" title="class in org.apache.lucene.search">Query</a></h3>
        <code><a href="Query.html#classHash()">classHash</a>, <a href="Query.html#rewrite(org.apache.lucene.search.IndexSearcher)">rewrite</a></code></div>
        <div class="inherited-list"><h3 id="methods-inherited-from-class-java.lang.Object">Methods inherited from class&nbsp;java.lang.<a href="https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/Object.html" class="external-link">Object</a></h3>
        <code><a href="https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/Object.html#clone()" class="external-link">clone</a>, <a href="https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/Object.html#wait()" class="external-link">wait</a></code></div>
        </section><section class="constructor-summary" id="constructor-summary"><h2>Constructor Summary</h2>
        <div class="caption"><span>Constructors</span></div><div class="summary-table two-column-summary">
        <div class="table-header col-first">Constructor</div><div class="table-header col-last">Description</div>
        <div class="col-constructor-name"><code><a href="#%3Cinit%3E(org.apache.lucene.index.Term)">TermQuery</a>(Term&nbsp;t)</code></div>
        <div class="col-last"><div class="block">Constructs a query for the term t.</div></div></div></section></main>""",
        "https://docs.example/org/apache/lucene/search/TermQuery.html");

    assertThat(page.text()).as("the names this class inherits from the site's own Query are what it offers").isEqualTo(
        "Class TermQuery org.apache.lucene.search.Query org.apache.lucene.search.TermQuery"
            + " A Query that matches documents containing a term. Method Summary Term getTerm() Returns the"
            + " term of this query. classHash, rewrite Constructor Summary TermQuery(Term t) Constructs a query for the term t.");
    assertThat(page.headings()).containsExactly("Class TermQuery", "Method Summary", "Constructor Summary");
    assertThat(page.outlinks()).extracting(Outlink::url).as("followed all the same")
        .contains("https://docs.example/org/apache/lucene/search/Query.html#rewrite(org.apache.lucene.search.IndexSearcher)");
  }

  @Test
  void javadocsCopyButtonsAreFurniture() {
    // Javadoc 18 and later: every {@snippet} has a "Copy" button, and 22+ pages a sidebar's.
    ParsedPage page = parseHtml(JAVADOC_17_HEAD.replace("(17)", "(25)") + """
        <main role="main"><div class="block">A synchronization aid.
        <div class="snippet-container"><button class="copy snippet-copy" aria-label="Copy snippet" onclick="copySnippet(this)"><span data-copied="Copied!">Copy</span><img src="../copy.svg" alt="Copy snippet"></button>
        <pre class="snippet"><code class="language-java">done.await();</code></pre></div></div>
        <button class="hide-sidebar"><span>Hide sidebar&nbsp;</span></button></main>""",
        "https://docs.example/org/acme/concurrent/Latch.html");

    assertThat(page.text()).isEqualTo("A synchronization aid. done.await();");
  }

  @Test
  void javadocsNoteThatAMethodsDescriptionIsCopiedFromAnotherIsFurniture() {
    // On each method that overrides one: 544 of Lucene's 1,198 pages, all matched by "copy".
    String detail = """
        <main role="main"><section class="detail" id="visit(org.apache.lucene.search.QueryVisitor)"><h3>visit</h3>
        <div class="block"><span class="%s">Description copied from class:&nbsp;<code><a href="Query.html#visit(org.apache.lucene.search.QueryVisitor)">Query</a></code></span></div>
        <div class="block">Recurse through the query tree, visiting any child queries.</div></section></main>""";
    String url = "https://docs.example/org/apache/lucene/search/TermQuery.html";

    assertThat(parseHtml(JAVADOC_17_HEAD + detail.formatted("descfrm-type-label"), url).text())
        .isEqualTo("visit Recurse through the query tree, visiting any child queries.");
    assertThat(parseHtml(JAVADOC_17_HEAD.replace("(17)", "(25)") + detail.formatted("description-from-type-label"), url)
        .text()).as("javadoc 25").isEqualTo("visit Recurse through the query tree, visiting any child queries.");
  }

  @Test
  void olderJavadocsTableHeadersTabsAndInheritedListsAreFurnitureToo() {
    // Javadoc 9 to 16 (Lucene's own javadoc): a table's caption holds its tabs, th scope=col its
    // headers, and an inherited list is a list item after an anchor of its own.
    ParsedPage page = parseHtml("<html><head><!-- Generated by javadoc (11.0.19) on Mon Jun 03 2024 -->"
        + "<title>TermQuery (Lucene 9.12.0 core API)</title></head><body><main role=\"main\">" + """
        <table class="memberSummary"><caption><span id="t0" class="activeTableTab"><span>All Methods</span><span class="tabEnd">&nbsp;</span></span></caption>
        <tr><th class="colFirst" scope="col">Modifier and Type</th><th class="colSecond" scope="col">Method</th><th class="colLast" scope="col">Description</th></tr>
        <tr id="i0" class="altColor"><td class="colFirst"><code>Term</code></td><th class="colSecond" scope="row"><code><a href="#getTerm()">getTerm</a>()</code></th>
        <td class="colLast"><div class="block">Returns the term of this query.</div></td></tr></table>
        <ul class="blockList"><li class="blockList"><a id="methods.inherited.from.class.org.apache.lucene.search.Query"><!--   --></a>
        <h3>Methods inherited from class&nbsp;org.apache.lucene.search.<a href="Query.html">Query</a></h3>
        <code><a href="Query.html#rewrite(org.apache.lucene.index.IndexReader)">rewrite</a></code></li></ul>
        <ul class="blockList"><li class="blockList"><a id="methods.inherited.from.class.java.lang.Object"><!--   --></a>
        <h3>Methods inherited from class&nbsp;java.lang.<a href="https://docs.oracle.com/javase/8/docs/api/java/lang/Object.html?is-external=true" class="externalLink">Object</a></h3>
        <code>clone, equals, wait</code></li></ul></main>""", "https://docs.example/org/apache/lucene/search/TermQuery.html");

    assertThat(page.text()).isEqualTo("Term getTerm() Returns the term of this query. rewrite");
  }

  @Test
  void buttonsCaptionsAndColumnHeadersOfOtherSitesAreContent() {
    // A FAQ's questions are often buttons that open their answers; a table's caption is its title.
    ParsedPage page = parseHtml("""
        <h2><button class="accordion-button">How do I reset my password?</button></h2><p>Use the form.</p>
        <table><caption>Prices</caption><tr><th scope="col">Plan</th></tr><tr><td>Free</td></tr></table>
        <div class="caption">Figure 1</div>""", "https://docs.example/faq.html");

    assertThat(page.text()).isEqualTo("How do I reset my password? Use the form. Prices Plan Free Figure 1");
  }

  @Test
  void rustdocsMethodsOfATraitsImplementationAndOfTheDerefTargetAreToldFromTheTypesOwn() {
    String main = """
        <section id="method.push" class="method has-srclink"><h4 class="code-header">pub fn push(&amp;mut self, value: T)</h4></section>
        <div id="trait-implementations-list"><section id="impl-Clone-for-Vec%3CT%2C%20A%3E" class="impl has-srclink"></section>
        <div class="impl-items"><section id="method.clone" class="method trait-impl has-srclink"><h4>fn clone(&amp;self)</h4></section>
        <section id="method.clone_from" class="method trait-impl has-srclink"><h4>fn clone_from(&amp;mut self)</h4></section></div></div>
        <h2 id="deref-methods-%5BT%5D" class="small-section-header">Methods from Deref&lt;Target = [T]&gt;</h2>
        <div id="deref-methods-%5BT%5D-1"><div class="impl-items"><section id="method.len-1" class="method has-srclink"><h4>pub fn len(&amp;self)</h4></section>
        <section id="method.sort" class="method has-srclink"><h4>pub fn sort(&amp;mut self)</h4></section></div></div>
        <section id="method.last" class="method has-srclink"></section>""";
    ParsedPage rustdoc = parseHtml("<head><meta name=\"generator\" content=\"rustdoc\"></head><body>" + main,
        "https://docs.example/std/vec/struct.Vec.html");
    ParsedPage other = parseHtml(main, "https://docs.example/vec.html");

    assertThat(rustdoc.declaredElsewhereIds()).as("the trait's, and the slice's Vec dereferences to")
        .containsExactlyInAnyOrder("method.clone", "method.clone_from", "method.len-1", "method.sort");
    assertThat(rustdoc.anchors()).contains("method.push", "method.clone");
    assertThat(other.declaredElsewhereIds()).as("not rustdoc's").isEmpty();
  }

  @Test
  void rustdocsHeadingLinksTheSourceOfTheItemThePageDocuments() {
    String head = "<head><meta name=\"generator\" content=\"rustdoc\"></head><body><section id=\"main-content\">";
    String member = "<section id=\"method.len\" class=\"method has-srclink\"><a class=\"srclink\" href=\"../../src/alloc/vec/mod.rs.html#2040\">source</a></section>";
    ParsedPage vec = parseHtml(head + "<div class=\"main-heading\"><h1 class=\"fqn\">Struct std::vec::Vec</h1>"
        + "<span class=\"out-of-band\"><a class=\"srclink\" href=\"../../src/alloc/vec/mod.rs.html#400-403\">source</a></span></div>"
        + member, "https://docs.example/std/vec/struct.Vec.html");
    ParsedPage newer = parseHtml(head + "<div class=\"main-heading\"><h1>Struct <span class=\"struct\">Vec</span></h1>"
        + "<span class=\"sub-heading\"><a class=\"src\" href=\"../../src/alloc/vec/mod.rs.html#409-412\">Source</a></span></div>",
        "https://docs.example/std/vec/struct.Vec.html");
    ParsedPage primitive = parseHtml(head + "<div class=\"main-heading\"><h1 class=\"fqn\">Primitive Type u8</h1></div>" + member,
        "https://docs.example/std/primitive.u8.html");

    assertThat(vec.itemSource()).isEqualTo("https://docs.example/src/alloc/vec/mod.rs.html#400-403");
    assertThat(newer.itemSource()).as("rustdoc 1.73+").isEqualTo("https://docs.example/src/alloc/vec/mod.rs.html#409-412");
    assertThat(primitive.itemSource()).as("no source of its own; its members' are theirs").isNull();
  }

  @Test
  void permalinkSignsAfterHeadingsAndDefinitionsAreFurniture() {
    // Sphinx, MkDocs and Material end every heading and definition with a "¶" link to itself:
    // kept, snippets read "Basic Usage¶ json.dump(obj, …)¶ Serialize obj".
    ParsedPage page =
        parseHtml(
            """
            <h1 id="json">json<a class="headerlink" href="#json" title="Permalink to this heading">¶</a></h1>
            <dl><dt id="json.dumps">json.dumps(obj)<a class="headerlink" href="#json.dumps">¶</a></dt>
            <dd><p>Serialize obj.</p></dd></dl>
            <h2 id="promise-example">Promise example<a class="headerlink" href="#promise-example" title="Permanent link">&para;</a></h2>""",
            "https://docs.example/json.html");

    assertThat(page.text()).isEqualTo("json json.dumps(obj) Serialize obj. Promise example");
  }

  @Test
  void materialsSkipToContentLinkIsFurniture() {
    // MkDocs' Material theme opens every page with it: "Skip to content" matched all 26 pages.
    ParsedPage page =
        parseHtml(
            """
            <body><div data-md-component="skip"><a href="#file-system" class="md-skip">Skip to content</a></div>
            <article class="md-content__inner md-typeset"><h1 id="file-system">File system</h1>
            <p>The node:fs module.</p></article></body>""",
            "https://docs.example/fs/");

    assertThat(page.text()).isEqualTo("File system The node:fs module.");
  }

  @Test
  void docusaurusAndVitePressSkipLinksAreFurnitureButALinkElsewhereThatSaysSkipIsNot() {
    // Their themes open every page with one: "skip", "main" and "content" were on all 245 pages of
    // a Docusaurus site, the top of its terms; VitePress's on all 201 of one.
    ParsedPage docusaurus =
        parseHtml(
            """
            <body><div id="__docusaurus"><div role="region" aria-label="Skip to main content">
            <a class="skipToContent_fXgn" href="#__docusaurus_skipToContent_fallback">Skip to main content</a></div>
            <main id="__docusaurus_skipToContent_fallback"><h1>Skip lists</h1>
            <p>See <a class="skip-list" href="/skip-lists">Skip lists in depth</a>.</p>
            <p>See <a class="skipped-tests" href="#skipped">skipped tests</a>.</p>
            <p><span class="permalink"><a href="/2020/03/03/">March 3, 2020</a></span></p></main></div></body>""",
            "https://docs.example/docs/skip-lists/");
    ParsedPage vitePress =
        parseHtml(
            """
            <div id="app"><span tabindex="-1"></span><a href="#VPContent" class="VPSkipLink visually-hidden">Skip to content</a>
            <div class="VPContent" id="VPContent"><h1 id="dgram">UDP/datagram sockets</h1></div></div>""",
            "https://docs.example/node-api/dgram.html");

    assertThat(docusaurus.text()).as("a class that merely has skip, and a blog's permalink date, are text")
        .isEqualTo("Skip lists See Skip lists in depth. See skipped tests. March 3, 2020");
    assertThat(vitePress.text()).isEqualTo("UDP/datagram sockets");
  }

  @Test
  void starlightsSkipLinkAndWhatItTellsSearchToIgnoreAreFurniture() {
    // Starlight 0.37: "Skip to content" (a class Astro hashes) opened all 199 pages of a site,
    // "Section titled “Install”", for screen readers, followed every heading and "Terminal window"
    // captioned every shell block.
    ParsedPage page = parseHtml("""
        <body class="astro-bguv2lll"> <a href="#_top" class="astro-7q3lir66">Skip to content</a> <div class="page sl-flex">
        <main data-pagefind-body><h1 id="_top">supports-color</h1><div class="sl-markdown-content"><p>Detect colors.</p>
        <div class="sl-heading-wrapper level-h2"><h2 id="install">Install</h2><a class="sl-anchor-link" href="#install">
        <span aria-hidden="true" class="sl-anchor-icon"><svg></svg></span><span class="sr-only" data-pagefind-ignore="">Section titled “Install”</span></a></div>
        <p>Run npm.</p><div class="expressive-code"><figure class="frame is-terminal not-content"><figcaption class="header">
        <span class="title"></span><span class="sr-only">Terminal window</span></figcaption><pre data-language="sh"><code>
        <div class="ec-line"><div class="code"><span>npm install supports-color</span></div></div></code></pre><div class="copy">
        <button title="Copy to clipboard" data-copied="Copied!"><div></div></button></div></figure></div></div></main></div></body>""",
        "https://docs.example/guides/supports-color/");
    // A link to a place on the page that is not the body's first element is the page's own.
    ParsedPage other = parseHtml("<body><p>Intro</p><a href='#usage'>Usage</a></body>", "https://docs.example/");
    // A page that opens with a link around its own heading and text: no skip link says so much.
    ParsedPage opening = parseHtml("<body><a href='#intro'><h1>Widgets</h1><p>Widgets fold, spin and wrap lines.</p></a></body>",
        "https://docs.example/w.html");

    assertThat(page.text()).isEqualTo("supports-color Detect colors. Install Run npm. npm install supports-color");
    assertThat(page.headings()).containsExactly("supports-color", "Install");
    assertThat(other.text()).isEqualTo("Intro Usage");
    assertThat(opening.text()).isEqualTo("Widgets Widgets fold, spin and wrap lines.");
  }

  @Test
  void docusaurussTableOfContentsAndVitePresssBarForSmallScreensAreFurniture() {
    // Docusaurus 3.10: "On this page" opened every doc, and its headings came again at its end.
    ParsedPage docusaurus =
        parseHtml(
            """
            <article><div class="tocCollapsible_ETCw theme-doc-toc-mobile tocMobile_ITEo">
            <button type="button" class="clean-btn tocCollapsibleButton_TO0P">On this page</button></div>
            <div class="theme-doc-markdown markdown"><header><h1>Semver</h1></header><p>Parses versions.</p>
            <h2 class="anchor" id="ranges">Ranges</h2><p>A range is a set of comparators.</p></div></article>
            <div class="col col--3"><div class="tableOfContents_bqdL thin-scrollbar theme-doc-toc-desktop">
            <ul class="table-of-contents"><li><a href="#ranges" class="table-of-contents__link">Ranges</a></li></ul></div></div>""",
            "https://docs.example/docs/semver/");
    ParsedPage vitePress =
        parseHtml(
            """
            <div class="VPLocalNav has-sidebar empty"><div class="container">
            <button class="menu" aria-expanded="false" aria-controls="VPSidebarNav"><span class="menu-text">Menu</span></button>
            <div class="VPLocalNavOutlineDropdown"><button>Return to top</button></div></div></div>
            <div class="VPContent"><h1 id="semver">Semver</h1><p>Parses versions.</p></div>""",
            "https://docs.example/semver.html");

    assertThat(docusaurus.text()).isEqualTo("Parses versions. Ranges A range is a set of comparators.");
    assertThat(docusaurus.headings()).containsExactly("Semver", "Ranges");
    assertThat(docusaurus.linkTextShare()).isZero();
    assertThat(vitePress.text()).isEqualTo("Semver Parses versions.");
  }

  @Test
  void theLanguageVitePressWritesOnACodeBlockIsFurnitureButALanguageInTextIsNot() {
    ParsedPage page =
        parseHtml(
            """
            <p>Read it with <span class="lang">JavaScript</span>:</p>
            <div class="language-mjs vp-adaptive-theme"><button title="Copy Code" class="copy"></button>
            <span class="lang">mjs</span><pre class="shiki vp-code"><code><span class="line">
            <span style="--shiki-light:#D73A49">import</span><span> { readFile } from 'node:fs';</span></span></code></pre></div>""",
            "https://docs.example/fs.html");

    assertThat(page.text()).isEqualTo("Read it with JavaScript: import { readFile } from 'node:fs';");
  }

  @Test
  void doxygensProjectTitleFolderPathPermalinksAndGeneratedByAreFurniture() {
    // Doxygen 1.9 on ICU's headers: "ICU4C International Components for Unicode" and "Generated
    // by" on all 811 pages, "usr include unicode" on 630, "◆" before every member.
    ParsedPage page =
        parseHtml(
            """
            <body><div id="top"><div id="titlearea"><table><tr id="projectrow"><td id="projectalign">
            <div id="projectname">ICU4C</div><div id="projectbrief">International Components for Unicode</div>
            </td></tr></table></div><div id="main-nav"></div>
            <div id="nav-path" class="navpath"><ul><li class="navelem"><a class="el" href="dir_c4a6.html">usr</a></li>
            <li class="navelem"><a class="el" href="dir_050f.html">unicode</a></li></ul></div></div>
            <div class="header"><div class="headertitle"><div class="title">ucnv.h File Reference</div></div></div>
            <div class="contents"><a id="a90c5efb" name="a90c5efb"></a>
            <h2 class="memtitle"><span class="permalink"><a href="#a90c5efb">&#9670;&nbsp;</a></span>ucnv_open()</h2>
            <div class="memitem"><div class="memdoc"><p>Creates a UConverter object.</p></div></div></div>
            <hr class="footer"/><address class="footer"><small>Generated by&#160;<a href="https://www.doxygen.org/index.html">            <img class="footer" src="doxygen.svg" alt="doxygen"/></a> 1.9.4</small></address></body>""",
            "https://docs.example/ucnv_8h.html");

    assertThat(page.text()).isEqualTo("ucnv.h File Reference ucnv_open() Creates a UConverter object.");
    assertThat(page.outlinks()).extracting(Outlink::url).contains("https://docs.example/dir_c4a6.html");
  }

  @Test
  void typedocsSettingsOnThisPageAndCopyButtonsAreFurnitureAndItsBadgesAreWordsOfTheirOwn() {
    // TypeDoc 0.28 on rxjs: "Settings Member Visibility Protected Inherited External ThemeOSLightDark"
    // ended every page, "On This Page" every class's, "Copy" every example, and "Optionaloptions".
    ParsedPage page = parseHtml("""
        <div class="container container-main"><div class="col-content"><div class="tsd-page-title"><h1>Function isWeekend</h1></div>
        <ul class="tsd-parameter-list"><li><span><code class="tsd-tag">Optional</code><span class="tsd-kind-parameter">options</span>:
        <a href="../interfaces/IsWeekendOptions.html">IsWeekendOptions</a></span></li></ul>
        <pre><code class="ts"><span class="hl-2">isWeekend</span>(<span class="hl-0">new</span> Date())</code><button type="button">Copy</button></pre></div>
        <div class="col-sidebar"><div class="page-menu"><div class="tsd-navigation settings"><details class="tsd-accordion">
        <summary class="tsd-accordion-summary"><h3>Settings</h3></summary><div class="tsd-filter-visibility">
        <span class="settings-label">Member Visibility</span><ul><li><label><input type="checkbox" id="tsd-filter-protected"/>
        <span>Protected</span></label></li></ul></div><div class="tsd-theme-toggle"><label class="settings-label" for="tsd-theme">Theme</label>
        <select id="tsd-theme"><option value="os">OS</option><option value="light">Light</option></select></div></details></div>
        <details open class="tsd-accordion tsd-page-navigation"><summary class="tsd-accordion-summary"><h3>On This Page</h3></summary>
        <div class="tsd-accordion-details"><a href="#example"><span>Example</span></a></div></details></div></div></div>""",
        "https://docs.example/functions/isWeekend.html");
    // A button of prose, or beside a code block rather than in it, is a button still.
    ParsedPage other = parseHtml("<p>Press <button>Copy</button> to copy it.</p><div><pre>ls</pre><button>Run</button></div>",
        "https://docs.example/");

    assertThat(page.text()).isEqualTo("Function isWeekend Optional options: IsWeekendOptions isWeekend(new Date())");
    assertThat(page.headings()).containsExactly("Function isWeekend");
    assertThat(other.text()).isEqualTo("Press Copy to copy it. ls Run");
  }

  @Test
  void typedocsMembersNameThemselvesAsTheirItemsUnderTheirIds() {
    // TypeDoc 0.28 ids a member by its name lower-cased, after badges ("Optional"); 0.25 on an
    // anchor before the heading. A constructor and a symbol ("[observable]") name nothing, nor does
    // a heading of the item's prose. Its index and hierarchy list what other pages define.
    ParsedPage page = parseHtml("""
        <div class="tsd-page-title"><ul class="tsd-breadcrumb"><li><a href="">Observable</a></li></ul><h1>Class Observable&lt;T&gt;</h1></div>
        <h2 class="tsd-anchor-link" id="example">Example</h2>
        <section class="tsd-panel tsd-member"><h3 class="tsd-anchor-link" id="constructor"><span>constructor</span></h3></section>
        <section class="tsd-panel tsd-member"><h3 class="tsd-anchor-link" id="pipe"><span>pipe</span><a href="#pipe" class="tsd-anchor-icon"></a></h3></section>
        <section class="tsd-panel tsd-member tsd-is-inherited"><h3 class="tsd-anchor-link" id="topromise"><code class="tsd-tag">Optional</code><span class="deprecated">to<wbr>Promise</span></h3></section>
        <section class="tsd-panel tsd-member"><h3 class="tsd-anchor-link" id="_observable_"><span>[observable]</span></h3></section>
        <section class="tsd-panel tsd-member"><a id="forEach" class="tsd-anchor"></a><h3 class="tsd-anchor-link"><span>forEach</span></h3></section>
        <dl><dt class="tsd-member-summary" id="adddays"><a href="functions/addDays.html">addDays</a></dt><dt id="zip">zip</dt></dl>
        <ul class="tsd-full-hierarchy"><li data-refl="408" id="BehaviorSubject"><a href="classes/BehaviorSubject.html">BehaviorSubject</a></li></ul>""",
        "https://docs.example/classes/Observable.html");

    assertThat(page.termNames()).containsOnly(entry("pipe", "Observable.pipe"), entry("topromise", "Observable.toPromise"),
        entry("forEach", "Observable.forEach"));
    assertThat(page.declaredElsewhereIds()).containsExactlyInAnyOrder("topromise", "adddays", "BehaviorSubject");
    assertThat(page.definitionIds()).containsExactly("zip");
  }

  @Test
  void aBootstrapNavbarAndAComplementarySidebarAreFurniture() {
    // MkDocs' own theme: the menu of every page's title, then "Search Previous Next Edit on
    // GitHub", and a table-of-contents sidebar; kept, "theme configuration" matched them everywhere.
    ParsedPage page =
        parseHtml(
            """
            <body><div class="navbar fixed-top navbar-expand-lg navbar-dark bg-primary"><div class="container">
            <a class="navbar-brand" href="index.html">MkDocs</a><ul class="nav navbar-nav">
            <li><a href="user-guide/configuration.html">Configuration</a></li></ul>
            <a rel="next" href="getting-started.html">Next</a></div></div>
            <div class="col-md-3"><div class="navbar-light bs-sidebar hidden-print affix" role="complementary">
            <ul class="nav flex-column"><li><a href="#plugins">Plugins</a></li></ul></div></div>
            <div class="col-md-9" role="main"><h1 id="plugins">Plugins</h1><p>A plugin adds features.</p>
            <div class="navbar-note">Kept.</div></div></body>""",
            "https://docs.example/dev-guide/plugins.html");

    assertThat(page.text()).isEqualTo("Plugins A plugin adds features. Kept.");
    assertThat(page.headings()).containsExactly("Plugins");
    assertThat(page.outlinks()).extracting(Outlink::url)
        .contains("https://docs.example/dev-guide/user-guide/configuration.html");
  }

  @Test
  void aDialogIsFurniture() {
    // MkDocs' own theme ends every page with its search box and keyboard help as hidden modal
    // dialogs: "Close", "Enter", "keyboard" and "Previous page" were on all of its pages.
    ParsedPage page =
        parseHtml(
            """
            <body><div role="main"><h1 id="installation">Installation</h1><p>pip install mkdocs</p></div>
            <div class="modal" id="mkdocs_keyboard_modal" tabindex="-1" role="dialog"><div class="modal-content">
            <h4 class="modal-title">Keyboard Shortcuts</h4><button type="button" class="close">Close</button>
            <table><tr><td><kbd>p</kbd></td><td>Previous page</td></tr></table></div></div></body>""",
            "https://docs.example/user-guide/installation.html");

    assertThat(page.text()).isEqualTo("Installation pip install mkdocs");
    assertThat(page.headings()).containsExactly("Installation");
  }

  @Test
  void mdBooksMenuBarAndKeyboardHelpAreFurniture() {
    // mdBook 0.4 (The Rust Programming Language): the theme picker and the book's title as an h1
    // on every page; mdBook 0.4.4x opens every page with its keyboard help as well.
    ParsedPage page =
        parseHtml(
            """
            <body><div id="mdbook-help-container"><div id="mdbook-help-popup">
            <h2 class="mdbook-help-title">Keyboard shortcuts</h2><div>
            <p>Press <kbd>←</kbd> or <kbd>→</kbd> to navigate between chapters</p></div></div></div>
            <nav id="sidebar" class="sidebar" aria-label="Table of contents"><ol class="chapter">
            <li class="chapter-item expanded"><a href="ch08-02-strings.html">Strings</a></li></ol></nav>
            <div id="page-wrapper" class="page-wrapper"><div class="page">
            <div id="menu-bar" class="menu-bar sticky bordered"><div class="left-buttons">
            <ul id="theme-list" class="theme-popup" aria-label="Themes" role="menu">
            <li role="none"><button role="menuitem" class="theme" id="light">Light (default)</button></li>
            <li role="none"><button role="menuitem" class="theme" id="ayu">Ayu</button></li></ul></div>
            <h1 class="menu-title">The Rust Programming Language</h1>
            <div class="right-buttons"><a href="print.html" title="Print this book"><i id="print-button" class="fa fa-print"></i></a></div></div>
            <div id="content" class="content"><main><h1 id="storing-lists"><a class="header" href="#storing-lists">Storing Lists of Values with Vectors</a></h1>
            <p>A vector holds values of one type.</p></main></div></div></div></body>""",
            "https://docs.example/book/ch08-01-vectors.html");

    assertThat(page.text()).isEqualTo("Storing Lists of Values with Vectors A vector holds values of one type.");
    assertThat(page.headings()).containsExactly("Storing Lists of Values with Vectors");
    assertThat(page.outlinks()).extracting(Outlink::url).contains("https://docs.example/book/print.html");
  }

  @Test
  void theLinesMdBookHidesInACodeBlockAreNotText() {
    // The Rust Reference: mdBook wraps each example in hidden lines until the eye button shows them.
    ParsedPage page =
        parseHtml(
            """
            <main><h2 id="object-safety">Object Safety</h2><pre><pre class="playground"><code class="language-rust">\
            <span class="boring">#![allow(unused)]
            </span><span class="boring">fn main() {
            </span>trait Seq&lt;T&gt; { fn len(&amp;self) -&gt; u32; }
            <span class="boring">}</span></code></pre></pre>
            <p>A <span class="boring">boring</span> word in prose is text.</p></main>""",
            "https://docs.example/reference/items/traits.html");

    assertThat(page.text()).isEqualTo("Object Safety trait Seq<T> { fn len(&self) -> u32; } A boring word in prose is text.");
  }

  @Test
  void pydataSphinxThemesPageSectionsAndPreviousNextAreaAreFurniture() {
    // pydata-sphinx-theme 0.7 (Groonga's docs): "On this page", "Edit this page" and the pages
    // before and after on 291 to 302 of 304 pages.
    ParsedPage page =
        parseHtml(
            """
            <body><div class="bd-toc"><div class="toc-item"><div class="tocsection onthispage pt-5 pb-3">
            <i class="fas fa-list"></i> On this page</div></div>
            <div class="toc-item"><div class="tocsection editthispage">
            <a href="https://git.example/edit/select.rst"><i class="fas fa-pencil-alt"></i> Edit this page</a></div></div></div>
            <main class="bd-content" role="main"><div><section id="select"><h1>select</h1>
            <p>select finds records.</p></section></div>
            <div class="prev-next-area"><a class="left-prev" id="prev-link" href="schema.html" title="previous page">
            <div class="prev-next-info"><p class="prev-next-subtitle">previous</p><p class="prev-next-title">schema</p></div></a></div>
            </main></body>""",
            "https://docs.example/reference/commands/select.html");

    assertThat(page.text()).isEqualTo("select select finds records.");
    assertThat(page.outlinks()).extracting(Outlink::url).contains("https://docs.example/reference/commands/schema.html");
  }

  @Test
  void sphinxViewcodesSourceAndDocsLinksAreFurnitureButTheNamesTheyFollowAreNot() {
    ParsedPage page =
        parseHtml(
            """
            <dl class="py class"><dt class="sig sig-object py" id="scrapy.spiders.CrawlSpider">\
            <em class="property"><span class="pre">class</span><span class="w"> </span></em>\
            <span class="sig-prename descclassname"><span class="pre">scrapy.spiders.</span></span>\
            <span class="sig-name descname"><span class="pre">CrawlSpider</span></span>\
            <a class="reference internal" href="../_modules/scrapy/spiders/crawl.html#CrawlSpider">\
            <span class="viewcode-link"><span class="pre">[source]</span></span></a></dt>
            <dd><p>The spider for crawling sites.</p></dd></dl>""",
            "https://docs.example/topics/spiders.html");

    ParsedPage source =
        parseHtml(
            """
            <h1>Source code for scrapy.spiders.crawl</h1><div class="highlight"><pre>\
            <div class="viewcode-block" id="CrawlSpider"><a class="viewcode-back" href="../../../topics/spiders.html#scrapy.spiders.CrawlSpider">[docs]</a>\
            <span class="k">class</span> <span class="nc">CrawlSpider</span>(Spider):</div></pre></div>""",
            "https://docs.example/_modules/scrapy/spiders/crawl.html");

    assertThat(page.text()).isEqualTo("class scrapy.spiders.CrawlSpider The spider for crawling sites.");
    assertThat(page.outlinks()).extracting(Outlink::url)
        .contains("https://docs.example/_modules/scrapy/spiders/crawl.html#CrawlSpider");
    assertThat(source.text()).as("the [docs] link back on the highlighted module")
        .isEqualTo("Source code for scrapy.spiders.crawl class CrawlSpider(Spider):");
    assertThat(source.declaredElsewhereIds()).as("the docs define it").containsExactly("CrawlSpider");
    assertThat(page.declaredElsewhereIds()).isEmpty();
  }

  @Test
  void theReadTheDocsThemesVersionBadgeIsFurniture() {
    // MkDocs' readthedocs theme ends every page with "« Previous Next »" in it; on readthedocs.io
    // sphinx_rtd_theme fills it with "Read the Docs v: latest Versions … Downloads".
    ParsedPage page =
        parseHtml(
            """
            <body><div role="main"><h1 id="path">Path</h1><p>The node:path module.</p></div>
            <div class="rst-versions" role="note" aria-label="Versions"><span class="rst-current-version">
            <span><a href="../os/">&laquo; Previous</a></span><span><a href="../process/">Next &raquo;</a></span>
            </span></div></body>""",
            "https://docs.example/path/");

    assertThat(page.text()).isEqualTo("Path The node:path module.");
    assertThat(page.outlinks()).extracting(Outlink::url).contains("https://docs.example/process/");
  }

  @Test
  void aHeadingInsideAPageHeaderIsStillAHeading() {
    ParsedPage page =
        parseHtml(
            "<article><header><h1>Post title</h1></header><p>Body</p></article>", "http://x/");

    assertThat(page.headings()).containsExactly("Post title");
    assertThat(page.text()).isEqualTo("Body");
  }

  @Test
  void blockElementsSeparateWordsButInlineElementsDoNot() {
    ParsedPage page = parseHtml("<div>one</div><div>two<br>three <b>fo</b>ur</div>", "http://x/");

    assertThat(page.text()).isEqualTo("one two three four");
  }

  @Test
  void buttonsAndInputsSideBySideAreSeparateWordsAsABrowserDrawsThem() {
    // Javadoc 17+'s table tabs read "All MethodsStatic MethodsInstance Methods"; VitePress's tabs
    // over a group of code blocks, a radio input before each label, "npmyarn".
    ParsedPage javadoc = parseHtml("<div role='tablist'><button>All Methods</button><button>Static Methods</button>"
        + "<button>Instance Methods</button></div><p>Sum<b>mary</b></p>", "http://x/");
    ParsedPage vitePress = parseHtml("<div class='tabs'><input type='radio' name='group-ak2lc' id='tab-L8xc2Ch' checked>"
        + "<label data-title='npm' for='tab-L8xc2Ch'>npm</label><input type='radio' name='group-ak2lc' id='tab-R60XXyv'>"
        + "<label data-title='yarn' for='tab-R60XXyv'>yarn</label></div><p>Sum<b>mary</b></p>", "http://x/");

    assertThat(javadoc.text()).isEqualTo("All Methods Static Methods Instance Methods Summary");
    assertThat(vitePress.text()).isEqualTo("npm yarn Summary");
  }

  @Test
  void outlinksCarryAnchorTextNofollowAndSourceLine() {
    ParsedPage page = parse("about.html");

    assertThat(page.outlinks())
        .contains(
            new Outlink(StubSite.BASE + "latin1.html", "café page", false, 27),
            new Outlink(StubSite.BASE + "contact.html", "Write to the maintainers", true, 30));
  }

  @Test
  void whitespaceAroundAnHrefIsTrimmed() {
    ParsedPage page = parse("index.html");

    assertThat(page.outlinks())
        .contains(new Outlink(StubSite.BASE + "faq.html", "Frequently asked questions", false, 31));
  }

  @Test
  void relativeLinksWithDotDotResolveAgainstThePageUrl() {
    ParsedPage page = parse("blog/performance-tuning.html");

    assertThat(page.outlinks())
        .extracting(Outlink::url)
        .contains(
            StubSite.BASE + "guide/widget-cache.html", StubSite.BASE + "tutorial/scaling.html")
        .noneMatch(url -> url.contains(".."));
  }

  @Test
  void mailtoAndJavascriptLinksAreKeptAsWritten() {
    assertThat(parse("contact.html").outlinks())
        .extracting(Outlink::url)
        .contains("mailto:support@acme-widgets.example");
    assertThat(parse("about.html").outlinks())
        .extracting(Outlink::url)
        .contains("javascript:void(0)");
  }

  @Test
  void emptyHrefsAndAnchorsWithoutHrefAreNotLinks() {
    ParsedPage page =
        parseHtml(
            "<a href=''>empty</a><a href='  '>blank</a><a>none</a><a href=x>x</a>", "http://h/d/");

    assertThat(page.outlinks()).extracting(Outlink::url).containsExactly("http://h/d/x");
  }

  @Test
  void areasAndImageLinksTakeTheirAltTextAsAnchor() {
    ParsedPage page =
        parseHtml(
            "<a href='/home'><img src=logo.png alt='Acme home'></a>"
                + "<map><area href='/north' alt='North wing'></map>",
            "http://h/");

    assertThat(page.outlinks())
        .extracting(Outlink::url, Outlink::anchor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("http://h/home", "Acme home"),
            org.assertj.core.groups.Tuple.tuple("http://h/north", "North wing"));
  }

  @Test
  void aLinkNestedInsideAnotherByForeignContentIsKeptToo() {
    ParsedPage page =
        parseHtml("<a href=/outer>outer <svg><a href=/inner>inner</a></svg></a>", "http://h/");

    assertThat(page.outlinks())
        .extracting(Outlink::url)
        .containsExactlyInAnyOrder("http://h/outer", "http://h/inner");
  }

  @Test
  void anSvgLinkByXlinkHrefIsALinkAsBrowsersFollowItAndHrefWinsOverIt() {
    ParsedPage page = parseHtml("<svg><a xlink:href=/old.html><text>old</text></a>"
        + "<a href=/new.html xlink:href=/ignored.html><text>new</text></a></svg><a xlink:href=/html-a.html>no</a>",
        "http://h/");

    assertThat(page.outlinks()).extracting(Outlink::url, Outlink::anchor).as("an HTML <a> has no xlink:href")
        .containsExactly(org.assertj.core.groups.Tuple.tuple("http://h/old.html", "old"),
            org.assertj.core.groups.Tuple.tuple("http://h/new.html", "new"));
  }

  @Test
  void anchorTextIsCollapsedToOneLine() {
    ParsedPage page =
        parseHtml("<a href=a.html>\n  Read\n   <em>the</em>\n  guide\n</a>", "http://h/");

    assertThat(page.outlinks().get(0).anchor()).isEqualTo("Read the guide");
  }

  @Test
  void aBaseElementOverridesThePageUrlForResolution() {
    ParsedPage page =
        parseHtml(
            "<head><base href='https://cdn.example/docs/'></head><a href='a/b.html'>x</a>",
            "http://origin.example/page.html");

    assertThat(page.outlinks().get(0).url()).isEqualTo("https://cdn.example/docs/a/b.html");
  }

  @Test
  void canonicalIsResolvedToAnAbsoluteUrl() {
    assertThat(parse("guide/install-print.html").canonical())
        .isEqualTo("http://127.0.0.1:8089/site/guide/install.html");
    assertThat(parse("guide/install.html").canonical()).isNull();
  }

  @Test
  void metaRobotsAreKeptInTheWordsOfTheXRobotsTagHeader() {
    ParsedPage page = parseHtml("<meta name=ROBOTS content='NoIndex, nofollow'>"
        + "<meta name=googlebot content='unavailable_after: 2010-06-25'><meta name=SitePulse content=none>"
        + "<meta name=viewport content='width=device-width'><meta name=description content='none of it'>"
        + "<meta name='a b' content=noindex>", "http://h/");

    assertThat(page.robotsMeta())
        .containsExactly("NoIndex, nofollow", "googlebot: unavailable_after: 2010-06-25", "SitePulse: none");
    assertThat(parseHtml("<p>no meta robots</p>", "http://h/").robotsMeta()).isEmpty();
  }

  @Test
  void definitionIdsAreThoseOfDefinitionTermsOnly() {
    ParsedPage page = parseHtml("<section id=built-in-functions><h1>Built-in functions</h1><dl>"
        + "<dt id=enumerate>enumerate(iterable)</dt><dd id=note>Returns pairs.</dd></dl>"
        + "<dl><dt>no id</dt></dl><p id=intro>x</p></section>", "http://h/");

    assertThat(page.definitionIds()).containsExactly("enumerate");
    assertThat(page.anchors()).containsExactlyInAnyOrder("built-in-functions", "enumerate", "note", "intro");
  }

  @Test
  void idsAndNamesInsideATemplateAreNoAnchorsAsABrowserCannotScrollToThem() {
    // A <template>'s content is a fragment outside the document until a script clones it.
    ParsedPage page = parseHtml("<p id=shown>x</p><template id=row><div id=tmplid><a name=tmplname>y</a>"
        + "<template><p id=deeper></p></template></div></template><p id=after>z</p>", "http://h/");

    assertThat(page.anchors()).as("the template itself is in the document").containsExactlyInAnyOrder(
        "shown", "row", "after");
  }

  @Test
  void theIdsOfScriptsControlsAndNavigationAreAnchorsThatMayDefineNothing() {
    ParsedPage page = parseHtml("<head><script id=documentation_options src=a.js></script></head><body>"
        + "<input type=checkbox id=menuToggler><nav id=main_nav></nav><dl><dt id=zip>zip()</dt></dl></body>", "http://h/");

    assertThat(page.anchors()).as("a link to any of them lands").containsExactlyInAnyOrder(
        "documentation_options", "menuToggler", "main_nav", "zip");
    assertThat(page.contentIds()).containsExactly("zip");
  }

  @Test
  void aSectionsLabelThatItsHeadingWritesAsCodeIsADefinitionId() {
    // Sphinx's reST labels before the language reference's statements; a label of another name, or
    // one with text, or a heading's own slug, defines nothing.
    ParsedPage page = parseHtml("<section id=the-import-statement><span id=from></span><span id=import></span>"
        + "<h2>7.11. The <code class='xref std std-keyword'><span class=pre>import</span></code> statement</h2>"
        + "<p>Imports.</p></section><section id=raising><span id=raise>raise</span><h2>The <code>raise</code>"
        + " statement</h2></section><section id=errors><span id=tut-errors></span><h2>Errors and Exceptions</h2></section>",
        "http://h/");

    assertThat(page.definitionIds()).containsExactly("import");
    assertThat(page.anchors()).contains("from", "import", "raise", "tut-errors");
  }

  @Test
  void aDefinitionTermsIdThatSpellsItsNameInAnotherFormNamesIt() {
    // PostgreSQL's DocBook: settings, libpq functions; a glossary's phrase or an option's clause is no name.
    ParsedPage page = parseHtml("<dl><dt id=GUC-MAX-CONNECTIONS><span class=term><code>max_connections</code>"
        + " (<code>integer</code>)</span></dt><dd>Determines the maximum number of connections.</dd>"
        + "<dt id=LIBPQ-PQSENDQUERY><code>PQsendQuery</code><a id=id-1.7.3 class=indexterm></a></dt>"
        + "<dt id=SQL-ROLLBACK-CHAIN>AND CHAIN</dt><dt id=GUC-SEARCH-PATH>search_path_x</dt>"
        + "<dt id=enumerate>enumerate(iterable)</dt></dl>", "http://h/");
    // A glossary explains words, which its ids spell too: DocBook's and Sphinx's.
    ParsedPage glossary = parseHtml("<dl><dt id=GLOSSARY-VACUUM><span class=glossterm>Vacuum</span></dt>"
        + "<dd>The process of removing outdated tuple versions.</dd><dt id=term-iterator>iterator</dt></dl>", "http://h/");

    assertThat(glossary.termNames()).isEmpty();
    assertThat(page.termNames()).containsOnly(
        entry("GUC-MAX-CONNECTIONS", "max_connections"), entry("LIBPQ-PQSENDQUERY", "PQsendQuery"));
    assertThat(page.text()).startsWith("max_connections (integer) Determines");
  }

  @Test
  void aDefinitionTermWithoutAnIdThatOpensWithCodeNamesItAtItsSection() {
    // Sphinx's :noindex: entries, an older Sphinx's descname, a <code> term; a plain term, a term
    // with an id and one before any section's id name nothing.
    ParsedPage page = parseHtml("""
        <h1>Data Structures</h1><dl><dt><code>early()</code></dt></dl>
        <section id="more-on-lists"><h2>More on Lists</h2>
        <dl class="py method"><dt class="sig sig-object py"><span class="sig-prename descclassname"><span class="pre">list.</span></span><span class="sig-name descname"><span class="pre">append</span></span><span class="sig-paren">(</span><em class="sig-param">x</em><span class="sig-paren">)</span></dt><dd>Add an item.</dd></dl>
        <dl><dt><code class="descclassname">list.</code><code class="descname">pop</code>(<em>i</em>)</dt><dd>Remove it.</dd>
        <dt>Return value</dt><dd>The item.</dd><dt id="list.clear"><code>list.clear()</code></dt></dl></section>
        <section id="os"><h2>os</h2><dl><dt><code>os.getcwd()</code></dt><dd>The working directory.</dd></dl></section>""",
        "http://h/");

    assertThat(page.sectionTerms()).containsExactly(new SectionTerm("list.append", "more-on-lists"),
        new SectionTerm("list.pop", "more-on-lists"), new SectionTerm("os.getcwd", "os"));
  }

  @Test
  void aHeadingThatOpensWithCodeNamesWhatItsIdIsASlugOf() {
    // The Node.js docs' ### `dgram.createSocket(options[, callback])`, as Docusaurus and VitePress
    // id it; a heading whose id is another, or whose text only starts with a name, names nothing.
    ParsedPage page = parseHtml("""
        <h3 class="anchor" id="dgramcreatesocketoptions-callback"><code>dgram.createSocket(options[, callback])</code>        <a href="#dgramcreatesocketoptions-callback" class="hash-link">​</a></h3>
        <h3 id="fs-readfile-path-options-callback" tabindex="-1"><code>fs.readFile(path[, options], callback)</code>         <a class="header-anchor" href="#fs-readfile-path-options-callback">​</a></h3>
        <h3 id="napi_create_string_utf8"><code>napi_create_string_utf8</code></h3>
        <h2 id="usage"><code>fs.readFileSync</code></h2><h2 id="javascript-modules">JavaScript modules</h2>
        <h2 id="using-fswatch">Using <code>fs.watch</code></h2>""", "http://h/");

    assertThat(page.termNames()).containsOnly(
        entry("dgramcreatesocketoptions-callback", "dgram.createSocket"),
        entry("fs-readfile-path-options-callback", "fs.readFile"));
    assertThat(page.headings()).startsWith("dgram.createSocket(options[, callback])");
  }

  @Test
  void nodesOwnDocsNameWhatTheIdOfTheHeadingsPermalinkIsASlugOfAfterALabel() {
    // Node.js's HTML docs: the id on the permalink inside the heading, a label before the code
    // that the id starts with; an event's quoted name and a label the id leaves out name nothing.
    ParsedPage page = parseHtml("""
        <title>Buffer | Node.js v20.20.2 Documentation</title>
        <h4><code>fs.readFile(path[, options], callback)</code><span><a class="mark" href="#fsreadfilepath-options-callback" id="fsreadfilepath-options-callback">#</a></span><a aria-hidden="true" class="legacy" id="fs_fs_readfile_path_options_callback"></a></h4>
        <h3>Static method: <code>Buffer.from(array)</code><span><a class="mark" href="#static-method-bufferfromarray" id="static-method-bufferfromarray">#</a></span></h3>
        <h4><code>blob.size</code><span><a class="mark" href="#blobsize" id="blobsize">#</a></span></h4>
        <h4>Event: <code>'close'</code><span><a class="mark" href="#event-close" id="event-close">#</a></span></h4>
        <h4>Deprecated: <code>buf.parent</code><span><a class="mark" href="#bufparent" id="bufparent">#</a></span></h4>
        <h4><code>buf.slice()</code><span><a class="mark" href="#other" id="elsewhere">#</a></span></h4>""", "http://h/");

    assertThat(page.termNames()).containsOnly(
        entry("fsreadfilepath-options-callback", "fs.readFile"),
        entry("static-method-bufferfromarray", "Buffer.from"),
        entry("blobsize", "blob.size"));
  }

  @Test
  void aHeadingThatOpensWithAPermalinkNamesTheNameAloneAfterIt() {
    // Doxygen 1.9's members, each under a hashed id; a constructor is its class, which the title
    // names; a permalink before prose, another theme's permalink (VuePress's #, just-the-docs'
    // icon) before a lone word, or a link with words, names nothing.
    ParsedPage page = parseHtml("""
        <title>ICU4C: icu::UnicodeString Class Reference</title>
        <a id="a90c5efb" name="a90c5efb"></a>
        <h2 class="memtitle"><span class="permalink"><a href="#a90c5efb">&#9670;&nbsp;</a></span>ucnv_open()</h2>
        <a id="a5b1a2c3"></a><h2 class="memtitle"><span class="permalink"><a href="#a5b1a2c3">&#9670;&nbsp;</a></span>UCNV_SI</h2>
        <a id="ab12"></a><h2 class="memtitle"><span class="permalink"><a href="#ab12">&#9670;&nbsp;</a></span>UnicodeString() [1/24]</h2>
        <a id="ab13"></a><h2 class="memtitle"><span class="permalink"><a href="#ab13">&#9670;&nbsp;</a></span>~UnicodeString()</h2>
        <h2 id="install"><a href="#install" class="header-anchor">#</a> JavaScript modules</h2>
        <h2 id="javascript"><a href="#javascript" class="header-anchor">#</a> JavaScript</h2>
        <h2 id="node_modules"><a href="#node_modules" class="anchor-heading"><svg></svg></a> Node_modules</h2>
        <h2><a href="#ab14">u_strlen</a></h2>""", "http://h/");

    assertThat(page.termNames()).containsOnly(entry("a90c5efb", "ucnv_open"), entry("a5b1a2c3", "UCNV_SI"));
  }

  @Test
  void anchorsHoldEveryIdAndEveryNamedAnchor() {
    ParsedPage faq = parse("faq.html");
    ParsedPage named =
        parseHtml("<a name=top></a><p id=intro>x</p><a href=#top>up</a>", "http://h/");

    assertThat(faq.anchors())
        .containsExactlyInAnyOrder("license", "platforms", "memory", "timeouts");
    assertThat(named.anchors()).containsExactlyInAnyOrder("top", "intro");
    assertThat(named.outlinks().get(0).url()).isEqualTo("http://h/#top");
  }

  @Test
  void languageFallsBackToContentLanguageAndIsNullWhenUndeclared() {
    ParsedPage declared =
        parseHtml("<meta http-equiv=Content-Language content='de-CH, en'><p>x", "http://h/");
    ParsedPage undeclared = parseHtml("<p>x", "http://h/");

    assertThat(declared.language()).isEqualTo("de-CH");
    assertThat(undeclared.language()).isNull();
  }

  @Test
  void aDeclaredLanguageThatIsNoLanguageTagIsIgnoredHoweverLong() {
    ParsedPage immense = parseHtml("<html lang='" + "x".repeat(40_000) + "'><p>x", "http://h/");
    ParsedPage sentence = parseHtml("<html lang='English please'><meta http-equiv=Content-Language content=fr>",
        "http://h/");
    ParsedPage regional = parseHtml("<html lang=' zh-Hant-TW '><p>x", "http://h/");

    assertThat(immense.language()).isNull();
    assertThat(sentence.language()).as("falls back to Content-Language").isEqualTo("fr");
    assertThat(regional.language()).isEqualTo("zh-Hant-TW");
  }

  @Test
  void linkTextShareIsHowMuchOfTheMainTextIsInsideLinks() {
    ParsedPage prose = parseHtml(
        "<nav><a href=/>Home</a> <a href=/a>About</a></nav><p>Forty characters of prose, and then"
            + " a <a href=/x>link</a>.</p>", "http://x/");
    ParsedPage index = parseHtml(
        "<h1>Index</h1><ul><li><a href=/a>alpha</a><li><a href=/b>beta</a><li><a href=/c>gamma</a></ul>",
        "http://x/");
    ParsedPage empty = parseHtml("<p><a href=/a><img alt=only-an-image></a></p>", "http://x/");

    // Navigation is not main text, so its links do not count.
    assertThat(prose.linkTextShare()).isEqualTo(4f / prose.text().length());
    assertThat(index.text()).isEqualTo("Index alpha beta gamma");
    assertThat(index.linkTextShare()).isEqualTo(14f / index.text().length());
    assertThat(empty.linkTextShare()).isZero();
  }

  @Test
  void aParseForSearchHasEveryLineMinusOne() {
    ParsedPage page =
        PageParser.parseForSearch(StubSite.bytes("index.html"), null, StubSite.BASE);

    assertThat(page.outlinks()).isNotEmpty().allMatch(link -> link.line() == -1);
    assertThat(page.title()).isEqualTo("Acme Widgets Documentation");
  }

  @Test
  void everyStubSitePageParsesWithATitle() throws Exception {
    try (var files = java.nio.file.Files.walk(StubSite.ROOT)) {
      for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        String page = StubSite.ROOT.relativize(file).toString();
        assertThat(parse(page).title()).as(page).isNotBlank();
      }
    }
  }
}
