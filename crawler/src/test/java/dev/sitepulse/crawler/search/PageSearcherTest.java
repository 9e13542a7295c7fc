package dev.sitepulse.crawler.search;

import static dev.sitepulse.crawler.search.DocsSite.BLOG;
import static dev.sitepulse.crawler.search.DocsSite.DOCS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.crawler.index.IndexedPage;
import dev.sitepulse.crawler.index.SegmentDamage;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageSearcherTest {
  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexTheDocsSite() {
    searcher = PageSearcher.open(DocsSite.indexInto(dir.resolve("index")));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void thePageWhoseTitleMatchesRanksFirst() throws Exception {
    assertThat(urls("logging")).startsWith(DOCS + "guide/logging.html").hasSizeGreaterThan(2);
    assertThat(urls("timeouts")).startsWith(DOCS + "guide/troubleshooting.html");
    assertThat(urls("cache")).startsWith(DOCS + "guide/widget-cache.html");
  }

  @Test
  void stemmingMatchesOtherFormsOfAWord() throws Exception {
    assertThat(urls("logged"))
        .contains(DOCS + "guide/logging.html", DOCS + "guide/widget-cache.html");
  }

  @Test
  void aPhraseMatchesItsWordsOnlyInOrder() throws Exception {
    assertThat(urls("\"widget cache\""))
        .containsExactlyInAnyOrder(
            DOCS + "guide/widget-cache.html", BLOG + "2024/performance-tuning.html");
    assertThat(urls("\"cache widget\"")).containsExactly(DOCS + "reference/config-file.html");
  }

  @Test
  void aPhraseDoesNotRunFromTheEndOfOneHeadingIntoTheNext(@TempDir Path other) throws Exception {
    // Indexed here, not in the shared set-up, where PIT sees no test cover the analyzer.
    IndexedPage logging = DocsSite.PAGES.get(0);
    assertThat(logging.headings()).containsExactly("Log levels", "Structured output");
    try (PageSearcher one = PageSearcher.open(DocsSite.indexInto(other, List.of(logging)))) {
      assertThat(one.search("headings:\"levels structured\"", 10).hits()).isEmpty();
      assertThat(one.search("headings:\"structured output\"", 10).hits()).hasSize(1);
    }
  }

  @Test
  void pagesWhereThePlainWordsStandTogetherRankAbovePagesThatHaveThemApart() throws Exception {
    // The logging page has a heading "Log levels" and "log.level to debug"; the two below say
    // "at debug level".
    assertThat(urls("debug level").subList(0, 2)).containsExactlyInAnyOrder(
        DOCS + "guide/widget-cache.html", BLOG + "2024/performance-tuning.html");
    assertThat(urls("debug level")).contains(DOCS + "guide/logging.html");
  }

  @Test
  void aWordTheAnalyzerSplitsMeansItsPartsInOrder() throws Exception {
    assertThat(urls("per-widget")).containsExactly(DOCS + "guide/widget-cache.html");
  }

  @Test
  void titleQueriesLookOnlyAtTitles() throws Exception {
    assertThat(urls("title:timeouts")).containsExactly(DOCS + "guide/troubleshooting.html");
  }

  @Test
  void hostQueriesMatchTheWholeHost() throws Exception {
    assertThat(urls("host:blog.acme.example"))
        .containsExactlyInAnyOrder(
            BLOG + "2024/performance-tuning.html", BLOG + "2024/release.html");
    assertThat(urls("host:acme")).isEmpty();
  }

  @Test
  void aHostBesideWordsNarrowsTheSearchToThatHost() throws Exception {
    assertThat(urls("host:blog.acme.example cache")).containsExactly(BLOG + "2024/performance-tuning.html");
    assertThat(urls("cache host:blog.acme.example widget")).as("either word, on that host; both first")
        .containsExactly(BLOG + "2024/performance-tuning.html", BLOG + "2024/release.html");
    assertThat(urls("host:blog.acme.example host:docs.acme.example cache"))
        .as("two values of one field are alternatives: here the site's two hosts, so every page")
        .isEqualTo(urls("cache")).hasSizeGreaterThan(2);
  }

  @Test
  void aWhereFiltersValueIsNoWordTheSnippetMarks(@TempDir Path other) throws Exception {
    String html = DocsSite.html("Messages", "<section id='intro'><h2>Introduction</h2><p>"
        + "Messages are written for people who read them. ".repeat(20) + "</p></section><section id='choosing'>"
        + "<h2>Choosing one</h2><p>Pick a locale such as en or de for the messages.</p></section>");
    try (PageSearcher one = PageSearcher.open(DocsSite.indexParsed(other, DOCS + "locales.html", html))) {
      SearchHit alone = one.search("locale", 10).hits().get(0);
      SearchHit filtered = one.search("lang:en locale", 10).hits().get(0);
      assertThat(filtered.snippet()).isEqualTo(alone.snippet()).contains("such as en or");
      assertThat(filtered.anchor()).isEqualTo(alone.anchor()).isEqualTo("choosing");
      assertThat(filtered.highlights()).as("locale marked, en not").isEqualTo(alone.highlights()).hasSize(1);
    }
  }

  @Test
  void aHostJoinedToWordsByAnOperatorIsReadAsWritten() throws Exception {
    assertThat(urls("host:blog.acme.example OR cache"))
        .contains(BLOG + "2024/release.html", DOCS + "guide/widget-cache.html");
    assertThat(urls("host:blog.acme.example AND cache")).containsExactly(BLOG + "2024/performance-tuning.html");
  }

  @Test
  void urlQueriesMatchOneUrlAndPrefixesMatchASection() throws Exception {
    assertThat(urls("url:\"" + DOCS + "guide/install.html\""))
        .containsExactly(DOCS + "guide/install.html");
    // ':' and '/' are syntax (fields, regular expressions), so a url prefix escapes them.
    assertThat(urls("url:https\\:\\/\\/docs.acme.example\\/reference\\/*"))
        .containsExactly(DOCS + "reference/config-file.html");
  }

  @Test
  void aPrefixMatchesEveryWordThatStartsWithIt() throws Exception {
    assertThat(urls("quot*"))
        .containsExactlyInAnyOrder(
            DOCS + "guide/widget-cache.html", DOCS + "reference/config-file.html");
  }

  @Test
  void aPrefixThatIsAWholeWordFindsThePagesOfItsStemAndMarksTheWordsItMatched() throws Exception {
    // The index holds "instal" for installing and installation; "installation" prefixes neither.
    assertThat(urls("installation*")).containsExactly(DOCS + "guide/install.html");
    assertThat(urls("title:Installing*")).containsExactly(DOCS + "guide/install.html");
    assertThat(urls("configuration*")).contains(DOCS + "reference/config-file.html", BLOG + "2024/release.html");

    SearchHit hit = searcher.search("installation*", 1).hits().get(0);
    assertThat(hit.highlights())
        .extracting(h -> hit.snippet().substring(h.start(), h.end()))
        .contains("installing");
  }

  @Test
  void andOrAndNotCombineTerms() throws Exception {
    assertThat(urls("pipelines AND toml")).containsExactly(BLOG + "2024/release.html");
    assertThat(urls("pipelines OR quotas"))
        .containsExactlyInAnyOrder(
            BLOG + "2024/release.html",
            DOCS + "guide/widget-cache.html",
            DOCS + "reference/config-file.html");
    assertThat(urls("cache AND NOT quota"))
        .doesNotContain(DOCS + "guide/widget-cache.html")
        .isNotEmpty();
    assertThat(urls("cache -title:cache")).doesNotContain(DOCS + "guide/widget-cache.html");
  }

  @Test
  void exclusionsAloneFindEveryPageWithoutTheWord() throws Exception {
    List<String> withoutCache = urls("NOT cache");

    assertThat(withoutCache).isNotEmpty().doesNotContain(DOCS + "guide/widget-cache.html");
    assertThat(withoutCache.size() + urls("cache").size()).isEqualTo(DocsSite.PAGES.size());
    assertThat(urls("-title:cache -quota")).isNotEmpty().doesNotContain(DOCS + "guide/widget-cache.html");
  }

  @Test
  void aPastedParagraphOfHundredsOfWordsIsSearchedAndOnlyAnAbsurdQueryIsRefused() throws Exception {
    String paragraph = java.util.stream.IntStream.range(0, 400).mapToObj(i -> "cache" + i)
        .collect(java.util.stream.Collectors.joining(" ")) + " cache";
    String absurd = java.util.stream.IntStream.range(0, 3000).mapToObj(i -> "w" + i)
        .collect(java.util.stream.Collectors.joining(" "));

    assertThat(urls(paragraph)).contains(DOCS + "guide/widget-cache.html");
    assertThatThrownBy(() -> urls(absurd))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("it has too many words and terms to look up (at most 8192, each word counted once per field)");
  }

  @Test
  void aQueryOfMoreThan64KiBCharactersIsRefusedSayingHowLongItIs() throws Exception {
    String longest = "cache ".repeat(65_536 / 6) + "x".repeat(65_536 % 6);
    String megabyte = "cache ".repeat(170_000);

    assertThat(urls(longest)).contains(DOCS + "guide/widget-cache.html");
    assertThatThrownBy(() -> urls(megabyte))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageEndingWith(": it is 1020000 characters long, and a query may have at most 65536");
  }

  @Test
  void statusTakesNumbersAndRanges() throws Exception {
    assertThat(urls("status:200")).hasSize(DocsSite.PAGES.size());
    assertThat(urls("status:[400 TO *]")).isEmpty();
    assertThat(urls("status:{199 TO 201}")).hasSize(DocsSite.PAGES.size());
  }

  @Test
  void anExclusiveBoundLeavesItsValueOutAndAnOpenOneTakesEverything() throws Exception {
    int all = DocsSite.PAGES.size(); // each fetched with status 200 at 1700000000000
    assertThat(urls("status:{200 TO *]")).isEmpty();
    assertThat(urls("status:[* TO 200}")).isEmpty();
    assertThat(urls("status:[200 TO *]")).hasSize(all);
    assertThat(urls("status:{199 TO 200]")).hasSize(all);
    assertThat(urls("fetched_at:{1700000000000 TO *]")).isEmpty();
    assertThat(urls("fetched_at:[* TO 1700000000000}")).isEmpty();
    assertThat(urls("fetched_at:1700000000000")).hasSize(all);
  }

  @Test
  void aStatusBoundPastWhatAStatusHoldsIsClampedAndAnExclusiveOneThereDoesNotWrapAround() throws Exception {
    assertThat(urls("status:[-99999999999 TO 99999999999]")).hasSize(DocsSite.PAGES.size());
    assertThat(urls("status:{2147483647 TO *]")).isEmpty();
    assertThat(urls("status:[* TO -2147483648}")).isEmpty();
  }

  @Test
  void aRangeOverAWordFieldComparesItsValuesAsText() throws Exception {
    assertThat(urls("host:[blog.acme.example TO blog.acme.example]"))
        .containsExactlyInAnyOrder(BLOG + "2024/performance-tuning.html", BLOG + "2024/release.html");
  }

  @Test
  void starColonStarFindsEveryPage() throws Exception {
    assertThat(urls("*:*")).hasSize(DocsSite.PAGES.size());
  }

  @Test
  void theSnippetHoldsTheTermAndTheOffsetsPointAtIt() throws Exception {
    SearchHit hit = searcher.search("quotas", 10).hits().get(0);

    assertThat(hit.snippet()).containsIgnoringCase("quota");
    assertThat(hit.highlights()).isNotEmpty();
    for (Highlight h : hit.highlights()) {
      assertThat(hit.snippet().substring(h.start(), h.end())).matches("(?i)quotas?");
    }
  }

  @Test
  void aPhraseIsHighlightedAsOneSpan() throws Exception {
    SearchHit hit = searcher.search("\"widget cache\"", 1).hits().get(0);

    assertThat(hit.highlights())
        .extracting(h -> hit.snippet().substring(h.start(), h.end()).toLowerCase())
        .containsOnly("widget cache");
  }

  @Test
  void aTitleOnlyQueryStillHighlightsTheTermInTheBody() throws Exception {
    SearchHit hit = searcher.search("title:installing", 1).hits().get(0);

    assertThat(hit.url()).isEqualTo(DOCS + "guide/install.html");
    assertThat(hit.highlights())
        .extracting(h -> hit.snippet().substring(h.start(), h.end()))
        .containsOnly("installing");
  }

  @Test
  void aWordExcludedFromTheTitleDoesNotStopTheOtherWordsBeingMarkedInABodyThatHasIt() throws Exception {
    // The body of this page has "timeouts" too; only its title may not.
    SearchHit hit = searcher.search("cache -title:timeouts", 10).hits().stream()
        .filter(h -> h.url().equals(BLOG + "2024/performance-tuning.html")).findFirst().orElseThrow();

    assertThat(hit.highlights())
        .isNotEmpty()
        .extracting(h -> hit.snippet().substring(h.start(), h.end()).toLowerCase())
        .containsOnly("cache");
  }

  @Test
  void aHitWithoutABodyMatchShowsTheStartOfTheBody() throws Exception {
    SearchHit hit = searcher.search("host:docs.acme.example AND title:installing", 1).hits().get(0);
    SearchHit byUrl = searcher.search("url:\"" + DOCS + "guide/logging.html\"", 1).hits().get(0);

    assertThat(byUrl.snippet()).startsWith("The runtime writes human-readable logs");
    assertThat(byUrl.highlights()).isEmpty();
    assertThat(hit.title()).isEqualTo("Installing Acme Widgets");
  }

  @Test
  void aHitWithoutABodyMatchShowsMoreThanTheNumberOfTheHeadingTheBodyStartsWith(@TempDir Path other) throws Exception {
    IndexedPage numbered = new IndexedPage("https://docs.example/appetite.html", "docs.example",
        "1. Whetting Your Appetite", List.of("1. Whetting Your Appetite"),
        "1. Whetting Your Appetite If you do much work on computers, you find some task to automate. More.", "",
        1_700_000_000_000L, 200, "en", 0);
    try (PageSearcher one = PageSearcher.open(DocsSite.indexInto(other, List.of(numbered)))) {
      SearchHit hit = one.search("host:docs.example", 1).hits().get(0);

      assertThat(hit.snippet()).startsWith("1. Whetting Your Appetite If you do much work");
    }
  }

  @Test
  void hitsCarryTitleUrlAndDescendingScores() throws Exception {
    SearchResults results = searcher.search("widget", 10);

    assertThat(results.query()).isEqualTo("widget");
    assertThat(results.tookNanos()).isPositive();
    assertThat(results.hits()).allSatisfy(hit -> assertThat(hit.title()).isNotBlank());
    assertThat(results.hits())
        .extracting(SearchHit::score)
        .isSortedAccordingTo((a, b) -> Float.compare(b, a));
  }

  @Test
  void theTotalCountsEveryMatchNotJustThoseReturned() throws Exception {
    SearchResults results = searcher.search("cache", 1);

    assertThat(results.hits()).hasSize(1);
    assertThat(results.totalHits()).isEqualTo(4);
  }

  @Test
  void theSearcherCountsThePagesOfItsCommit() {
    assertThat(searcher.docCount()).isEqualTo(DocsSite.PAGES.size());
  }

  @Test
  void aSearchReportsNoMoreTimeThanTheCallTook() throws Exception {
    long before = System.nanoTime();
    SearchResults results = searcher.search("cache", 10);
    long took = System.nanoTime() - before;

    assertThat(results.tookNanos()).isBetween(0L, took);
  }

  @Test
  void aLimitBelowOneIsRejected() {
    assertThatThrownBy(() -> searcher.search("cache", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
  }

  @Test
  void openingAMissingIndexFailsAndCreatesNothing() {
    Path missing = dir.resolve("no-such-index");

    assertThatThrownBy(() -> PageSearcher.open(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("no index at");
    assertThat(Files.exists(missing)).isFalse();
  }

  @Test
  void anIndexFolderWithoutACommitFailsSayingNothingIsCommittedYet() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("not-committed-yet"));

    assertThatThrownBy(() -> PageSearcher.open(empty)).isInstanceOf(NoCommitException.class);
  }

  @Test
  void anIndexFolderWithSegmentFilesButNoCommitPointSaysSoAndNamesItAsDamage() throws Exception {
    Path index = DocsSite.indexInto(dir.resolve("commit-point-deleted"));
    try (var files = Files.list(index)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.delete(f);
      }
    }
    Path empty = Files.createDirectories(dir.resolve("no-segments"));

    assertThatThrownBy(() -> PageSearcher.open(index))
        .isInstanceOfSatisfying(NoCommitException.class, e -> {
          assertThat(e.holdsSegmentFiles()).isTrue();
          assertThat(e.asDamage()).hasMessage("cannot open index " + index + ": damaged: segment files"
              + " without a commit point (segments_N missing); crawl again with --fresh to rebuild it");
        });
    assertThatThrownBy(() -> PageSearcher.open(empty))
        .isInstanceOfSatisfying(NoCommitException.class, e -> assertThat(e.holdsSegmentFiles()).isFalse());
  }

  @Test
  void aDamagedIndexFailsWithOneShortLineNamingTheFile() throws Exception {
    Path damaged = Files.createDirectories(dir.resolve("damaged"));
    Files.writeString(damaged.resolve("segments_1"), "junk\n");

    assertThatThrownBy(() -> PageSearcher.open(damaged))
        .isInstanceOf(UncheckedIOException.class)
        .isNotInstanceOf(NoCommitException.class)
        .hasMessage("cannot open index " + damaged
            + ": not an index this version can read: damaged, or written by another Lucene (segments_1)");
  }

  @Test
  void aPageWhoseStoredTextWasOverwrittenFailsInOneLineSayingTheIndexIsDamagedAndHowToRebuildIt()
      throws Exception {
    Path index = DocsSite.indexInto(dir.resolve("overwritten"));
    SegmentDamage.overwriteLengthOf(index, "The runtime writes human-readable logs");

    assertSearchFailsSayingItIsDamaged(index);
  }

  @Test
  void aTermsDictionaryOverwrittenWithRandomBytesFailsInOneLineSayingTheIndexIsDamaged() throws Exception {
    // Seeds whose bytes make Lucene's reader fail on this index's terms. They depend on what a page
    // indexes: with others, a test JVM's assertions (-ea) fire inside Lucene first, which a user's
    // run, without them, does not have.
    for (long seed : new long[] {4, 10}) {
      Path index = DocsSite.indexInto(dir.resolve("random-" + seed));
      SegmentDamage.randomBytes(index, "_Lucene912_0.tim", seed);

      assertSearchFailsSayingItIsDamaged(index);
    }
  }

  private static void assertSearchFailsSayingItIsDamaged(Path index) {
    try (PageSearcher damaged = PageSearcher.open(index)) {
      assertThatThrownBy(() -> damaged.search("logging", 10))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage("cannot search index " + index + ": damaged: checksum failed (_0.cfs);"
              + " crawl again with --fresh to rebuild it");
    }
  }

  @Test
  void anotherProgramsLuceneIndexIsRefusedNotSearched() throws Exception {
    Path theirs = Files.createDirectories(dir.resolve("theirs"));
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(theirs), new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new TextField("body", "a cache of widgets", Field.Store.YES));
      writer.addDocument(doc);
    }

    assertThatThrownBy(() -> PageSearcher.open(theirs))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot open index " + theirs + ": not a sitepulse index: its documents have no url field");
  }

  private static List<String> urls(String query) throws InvalidQueryException {
    return searcher.search(query, 20).hits().stream().map(SearchHit::url).toList();
  }
}
