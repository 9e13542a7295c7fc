package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.index.IndexedPage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query with a word no page has suggests the same query with its misspelt words corrected. */
class DidYouMeanTest {
  private static final String SITE = "https://docs.example/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexAFewPagesOfPythonDocs() {
    List<IndexedPage> pages = List.of(
        page("library/asyncio.html", "asyncio — Asynchronous I/O",
            "asyncio is a library to write concurrent code using the async/await syntax. asyncio is"
                + " used as a foundation for multiple Python asynchronous frameworks. asyncio's event"
                + " loop runs asynchronous tasks and callbacks."),
        page("tutorial/datastructures.html", "Data Structures",
            "Another useful data type built into Python is the dictionary. Dictionaries are sometimes"
                + " found in other languages as associative memories. Unlike sequences, dictionaries"
                + " are indexed by keys. Dict comprehensions create dictionaries from arbitrary key"
                + " and value expressions. List comprehensions provide a concise way to create lists."),
        page("library/pathlib.html", "pathlib — Object-oriented filesystem paths",
            "This module offers classes representing filesystem paths with semantics appropriate"
                + " for different operating systems. Path.glob(pattern) globs the given relative"
                + " pattern in the directory represented by this path."),
        page("library/glob.html", "glob — Unix style pathname pattern expansion",
            "The glob module finds all the pathnames matching a specified pattern according to the"
                + " rules used by the Unix shell."),
        page("library/subprocess.html", "subprocess — Subprocess management",
            "The subprocess module allows you to spawn new processes. The underlying process"
                + " creation and management in this module is handled by the subprocess.Popen class,"
                + " which offers a lot of flexibility. On Windows a refused pipe fails with error 10060."),
        page("library/hashlib.html", "hashlib — Secure hashes and message digests",
            "This module implements sha256 and md5. Its configuration is fixed when Python is built. An"
                + " exception is raised for an unknown name; exception1 in the examples is a made-up one."
                + " It needs python3.3, or version 1.10 of the backport."),
        page("library/smtplib.html", "smtplib — SMTP protocol client",
            "Send an e-mail from a script whose options argparse reads."));
    searcher = PageSearcher.open(DocsSite.indexInto(dir.resolve("index"), pages));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aMisspeltWordGetsTheWordThePagesHave() throws Exception {
    SearchResults results = searcher.search("asyncoi", 10);

    assertThat(results.totalHits()).isZero();
    assertThat(results.didYouMean()).isEqualTo("asyncio");
  }

  @Test
  void theCorrectionIsAWordThePagesWriteNotTheStemTheIndexHolds() throws Exception {
    // The index holds "dictionari" for dictionary and dictionaries; the nearer to what was typed wins.
    assertThat(suggestion("dictionry")).isEqualTo("dictionary");
    assertThat(suggestion("dictionaires")).isEqualTo("dictionaries");
  }

  @Test
  void aMisspeltWordAmongOthersIsTheOnlyChangeToTheQueryAsTyped() throws Exception {
    assertThat(suggestion("pathlb AND glob")).isEqualTo("pathlib AND glob");
    assertThat(suggestion("+title:asyncoi  +concurent^2")).isEqualTo("+title:asyncio  +concurrent^2");
  }

  @Test
  void aTypoInTheEndingTheStemmerStripsIsCorrectedToo() throws Exception {
    // "comprehensions" is indexed as "comprehens"; "comprehensoin" stays whole, three letters away.
    assertThat(suggestion("dictionry comprehensoin")).isEqualTo("dictionary comprehensions");
  }

  @Test
  void eachPartOfAWordTheAnalyzerSplitsIsCorrectedInPlace() throws Exception {
    assertThat(suggestion("asycn-await")).isEqualTo("async-await");
  }

  @Test
  void theCorrectionKeepsTheCaseTheWordWasTypedIn() throws Exception {
    assertThat(suggestion("Asyncoi")).isEqualTo("Asyncio");
    assertThat(suggestion("DICTIONRY")).isEqualTo("DICTIONARY");
    // Mixed case is no style to copy: the page's is as good a guess as any.
    assertThat(suggestion("subprocess.Popne")).isEqualTo("subprocess.Popen");
  }

  @Test
  void aMisspeltWordInAQuotedPhraseIsCorrectedAndTheQuotesStay() throws Exception {
    assertThat(suggestion("\"asyncio evnt loop\"")).isEqualTo("\"asyncio event loop\"");
    assertThat(suggestion("title:\"asyncoi\" AND \"concurent code\"~2"))
        .isEqualTo("title:\"asyncio\" AND \"concurrent code\"~2");
    assertThat(suggestion("\"dictionry comprehension\" OR asyncoi")).isEqualTo("\"dictionary comprehension\" OR asyncio");
  }

  @Test
  void aNameTypedAsCodeWritesItIsSuggestedAsTypedWithOnlyTheMisspeltWordChanged() throws Exception {
    // Searched as "subprocess.Popne()" and subprocess.Popne (CodeSpelling), but shown as typed.
    assertThat(suggestion("subprocess.Popne()")).isEqualTo("subprocess.Popen()");
    assertThat(suggestion("subprocess::Popne")).isEqualTo("subprocess::Popen");
    assertThat(suggestion("subprocss::Popen()")).isEqualTo("subprocess::Popen()");
    assertThat(suggestion("subprocess::Popne() OR title:\"asyncoi\" OR pathlb"))
        .isEqualTo("subprocess::Popen() OR title:\"asyncio\" OR pathlib");
  }

  @Test
  void aCorrectedPhraseThatNoPageHasIsNotSuggested() throws Exception {
    // The page says "asyncio's event loop": every word is there, not in this order.
    assertThat(suggestion("\"loop evnt asyncio\"")).isNull();
  }

  @Test
  void anExcludedPhraseIsLeftAsTyped() throws Exception {
    assertThat(suggestion("asyncoi -\"evnt loop\"")).isEqualTo("asyncio -\"evnt loop\"");
  }

  @Test
  void fieldValuesAreLeftAsTyped() throws Exception {
    assertThat(suggestion("asyncoi AND host:docs.example")).isEqualTo("asyncio AND host:docs.example");
    assertThat(suggestion("host:docs.exampel")).isNull();
    assertThat(suggestion("url:\"https://docs.example/library/asyncoi.html\"")).isNull();
  }

  @Test
  void excludedPrefixAndFuzzyWordsAreLeftAsTyped() throws Exception {
    assertThat(suggestion("asyncoi -dictionry")).isEqualTo("asyncio -dictionry");
    assertThat(suggestion("asyncoi NOT (pathlb OR glob)")).isEqualTo("asyncio NOT (pathlb OR glob)");
    assertThat(suggestion("dictionry asyncoi*")).isEqualTo("dictionary asyncoi*");
    assertThat(suggestion("dictionry zzyncio~1")).isEqualTo("dictionary zzyncio~1");
  }

  @Test
  void aFuzzyWordWithSpaceBeforeItsTildeOrABoostBetweenIsLeftAsTyped() throws Exception {
    // The grammar skips white space between a word and its ~: "asyncoi ~1" is asyncoi~1, and finds asyncio.
    assertThat(searcher.search("asyncoi~1", 10).didYouMean()).isNull();
    assertThat(searcher.search("asyncoi ~1", 10).didYouMean()).isNull();
    assertThat(searcher.search("asyncoi^2 ~1", 10).didYouMean()).isNull();
    assertThat(searcher.search("asyncoi^2~1", 10).didYouMean()).isNull();
    assertThat(searcher.search("asyncoi \u3000~", 10).didYouMean()).isNull();
  }

  @Test
  void aWordAfterARangeClosedByTheOtherKindOfBracketIsCorrected() throws Exception {
    // The grammar takes [a TO b} and {a TO b]: the range ends there, not at the end of the query.
    assertThat(suggestion("fetched_at:{0 TO 9999999999999] AND asyncoi"))
        .isEqualTo("fetched_at:{0 TO 9999999999999] AND asyncio");
    assertThat(suggestion("status:[200 TO 300} AND asyncoi")).isEqualTo("status:[200 TO 300} AND asyncio");
  }

  @Test
  void aWordAfterARangeWhoseBoundStartsWithAQuoteNoneClosesIsCorrected() throws Exception {
    // The grammar reads ["a as a bound that starts with a quote: the range ends at its bracket.
    assertThat(suggestion("title:[\"a TO z] AND asyncoi")).isEqualTo("title:[\"a TO z] AND asyncio");
  }

  @Test
  void twoEditsAreATypoInALongWordButNotInAShortOne() throws Exception {
    assertThat(suggestion("dictinry")).isEqualTo("dictionary");
    assertThat(suggestion("gxxb")).as("two letters of glob's four").isNull();
  }

  @Test
  void aLetterLeftOffTheEndOrAMisspeltSecondPartOfASplitWordIsCorrectedInPlace() throws Exception {
    assertThat(suggestion("configuratio")).isEqualTo("configuration");
    assertThat(suggestion("async-awiat")).isEqualTo("async-await");
  }

  @Test
  void onlyTheFirstFourMisspeltWordsAreLookedUpAsMoreAreNoTypo() throws Exception {
    assertThat(suggestion("asyncoi dictionry subprocss pathlb globb"))
        .isEqualTo("asyncio dictionary subprocess pathlib globb");
    assertThat(suggestion("globb")).isEqualTo("glob");
  }

  @Test
  void aQueryWithHitsGetsASuggestionOnlyWhenOneOfItsWordsIsOnNoPage() throws Exception {
    assertThat(searcher.search("asyncio", 10).didYouMean()).isNull();
    SearchResults someWords = searcher.search("pathlb glob", 10);
    assertThat(someWords.totalHits()).isPositive(); // the pages about glob
    assertThat(someWords.didYouMean()).isEqualTo("pathlib glob");
  }

  @Test
  void wordsTooShortToCorrectDoNotUseUpTheFourLookups() throws Exception {
    assertThat(suggestion("zzq qqx xxq wwq asyncoi")).isEqualTo("zzq qqx xxq wwq asyncio");
    // Each CJK character is a word of its own.
    assertThat(suggestion("日本語です asyncoi")).isEqualTo("日本語です asyncio");
  }

  @Test
  void aWordTypedManyTimesIsLookedUpOnce() throws Exception {
    assertThat(suggestion("asyncoi asyncoi asyncoi asyncoi dictionry"))
        .isEqualTo("asyncio asyncio asyncio asyncio dictionary");
  }

  @Test
  void aPossessiveIsCorrectedWithoutItsEndingWhichStaysAsTyped() throws Exception {
    assertThat(suggestion("asyncoi's")).isEqualTo("asyncio's");
    assertThat(suggestion("Dictionry’s")).isEqualTo("Dictionary’s");
  }

  @Test
  void aSlipThatChangesWhatTheStemmerStripsIsCorrected() throws Exception {
    // configuratoin and exceptionn stem to configuratoin and exceptionn, far from configur and except.
    assertThat(suggestion("configuratoin")).isEqualTo("configuration");
    assertThat(suggestion("configurationn")).isEqualTo("configuration");
    // exception1 is one edit away too, on fewer pages.
    assertThat(suggestion("exceptionn")).isEqualTo("exception");
  }

  @Test
  void aCorrectionStartsWithTheTypedWordsFirstLetter() throws Exception {
    // A letter dropped or added at the start is one edit, but no slip the suggestion may undo.
    assertThat(suggestion("email")).as("e-mail is the words e and mail").isNull();
    assertThat(suggestion("rgparse")).isNull();
    assertThat(suggestion("sargparse")).isNull();
    assertThat(suggestion("ragparse")).isNull();
  }

  @Test
  void theDigitsInAWordAreNotCorrectedThoughTheyMaySwapPlaces() throws Exception {
    assertThat(suggestion("python313")).isNull(); // no python3.3
    assertThat(suggestion("1e10")).isNull(); // no 1.10: a word with a letter is not corrected to a number
    assertThat(suggestion("sha265")).isEqualTo("sha256");
  }

  @Test
  void aQueryWithHitsGetsNoSuggestionWhoseWordsNoPageHasTogether() throws Exception {
    SearchResults results = searcher.search("asyncio dictionry", 10);

    assertThat(results.totalHits()).as("the asyncio page").isPositive();
    assertThat(results.didYouMean()).as("no page has asyncio and dictionary").isNull();
  }

  @Test
  void aNumberNoPageHasIsNotCorrectedToAnotherNumber() throws Exception {
    // 10060 is on a page, one edit away: an error code, not a typo of one.
    assertThat(searcher.search("asyncio 10061", 10).didYouMean()).isNull();
  }

  @Test
  void aWordWithNothingCloseGetsNoSuggestion() throws Exception {
    assertThat(suggestion("kubernetes")).isNull();
    assertThat(suggestion("zzqxv")).isNull();
    // Every word is on some page: nothing to correct, though no page has both.
    assertThat(suggestion("pathlib AND subprocess")).isNull();
  }

  @Test
  void aCorrectionThatStillFindsNothingIsNotSuggested() throws Exception {
    assertThat(suggestion("asyncoi AND pathlib")).isNull();
  }

  private static String suggestion(String query) throws Exception {
    SearchResults results = searcher.search(query, 10);
    assertThat(results.totalHits()).as(query).isZero();
    return results.didYouMean();
  }

  private static IndexedPage page(String path, String title, String body) {
    return new IndexedPage(SITE + path, "docs.example", title, List.of(), body, "", 1_700_000_000_000L, 200, "en", 0);
  }
}
