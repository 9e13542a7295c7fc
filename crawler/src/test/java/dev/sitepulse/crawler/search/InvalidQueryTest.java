package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InvalidQueryTest {
  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexTheDocsSite() {
    searcher = PageSearcher.open(DocsSite.indexInto(dir));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void anUnclosedGroupReportsTheEndOfTheQueryAndWhereTheGroupOpened() {
    InvalidQueryException e = invalid("title:(foo");

    assertThat(e).hasMessage("cannot parse query \"title:(foo\": unexpected end: the group opened at column 7"
        + " is not closed, as in (a OR b) (quote text with brackets to search for it) at column 11");
    assertThat(e.column()).isEqualTo(11);
    assertThat(e.query()).isEqualTo("title:(foo");
  }

  @Test
  void aLongQueryIsQuotedOnlyInPartAndTheColumnStillCountsFromItsStart() {
    String query = "x".repeat(300) + " title:(foo";

    InvalidQueryException e = invalid(query);

    assertThat(e).hasMessage("cannot parse query \"" + "x".repeat(200) + "…\": unexpected end: the group opened at column 308"
        + " is not closed, as in (a OR b) (quote text with brackets to search for it) at column 312");
    assertThat(e.query()).isEqualTo(query);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "foo)               | cannot parse query \"foo)\": unexpected \")\" (quote text with brackets to search"
            + " for it) at column 4",
        "print(x))          | cannot parse query \"print(x))\": unexpected \")\" (quote text with brackets to"
            + " search for it) at column 9",
        "HashMap::entry)    | cannot parse query \"HashMap::entry)\": unexpected \")\" (quote text with brackets"
            + " to search for it) at column 15",
        "dict[str, int]     | cannot parse query \"dict[str, int]\": unexpected \"int\" (quote text with brackets"
            + " to search for it) at column 11",
        "cache AND          | cannot parse query \"cache AND\": unexpected end after \"AND\", an operator (to search"
            + " for the word, quote it: \"AND\") at column 10",
        "OR sockets         | cannot parse query \"OR sockets\": unexpected \"OR\", an operator (to search for the"
            + " word, quote it: \"OR\") at column 1",
        "cache &&           | cannot parse query \"cache &&\": unexpected end at column 9",
        "status:[200 - 299] | cannot parse query \"status:[200 - 299]\": unexpected \"-\" at column 13",
        "title:(foo OR OR)  | cannot parse query \"title:(foo OR OR)\": unexpected \"OR\", an operator (to"
            + " search for the word, quote it: \"OR\") at column 15",
        "'\"unclosed'       | cannot parse query \"\\\"unclosed\": unclosed quote, unexpected end"
            + " at column 10",
        "'\"'              | cannot parse query \"\\\"\": unclosed quote, unexpected end at column 2",
        "'zip \"'          | cannot parse query \"zip \\\"\": unclosed quote, unexpected end at column 6",
        "a:b:c              | cannot parse query \"a:b:c\": unexpected \":\" at column 4",
        "status:abc         | cannot parse query \"status:abc\": status takes a whole number, not"
            + " \"abc\" at column 8",
        "x OR fetched_at:[1 TO 2x] | cannot parse query \"x OR fetched_at:[1 TO 2x]\": fetched_at takes a date,"
            + " 2026, 2026-12 or 2026-12-07 (in UTC), or epoch milliseconds, not \"2x\" at column 23",
        "status:99999999999 | cannot parse query \"status:99999999999\": status 99999999999 is out of range at"
            + " column 8",
      })
  void everyParseErrorIsOneLineWithItsPosition(String query, String message) {
    InvalidQueryException e = invalid(query);

    assertThat(e).hasMessage(message);
    assertThat(e.getMessage()).doesNotContain("\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "title:/re[/        | regular expression /re[/: unexpected end-of-string at column 11",
        "x /[a/             | regular expression /[a/: expected ']' at column 6",
        "body:/a{99999}/    | regular expression /a{99999}/: too complex at column 6",
        "url:/a{2,1}/       | regular expression /a{2,1}/: invalid repetition range(out of order):"
            + " 2..1 at column 5",
      })
  void aRegularExpressionLuceneRefusesIsAQueryErrorPlacedInTheQuery(String query, String problem) {
    InvalidQueryException e = invalid(query);

    assertThat(e).hasMessage("cannot parse query \"" + query + "\": " + problem);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "titel:loop            | titel   | 1",
        "asyncio AND tilte:run | tilte   | 13",
        "lang:en OR autor:x*   | autor   | 12",
      })
  void aFieldNoPageHasIsAQueryErrorNamingItAndTheFieldsThereAre(String query, String field, int column) {
    InvalidQueryException e = invalid(query);

    assertThat(e).hasMessage("cannot parse query \"" + query + "\": no field \"" + field + "\" (the fields are"
        + " title, headings, body, description, url, host, lang, status, fetched_at; quote text with a colon)"
        + " at column " + column);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*cache              | 1",
        "widget ?ache        | 8",
        "wid*et title:*cache | 14",
      })
  void aWordThatStartsWithAWildcardIsAQueryErrorPlacedAtThatWord(String query, int column) {
    InvalidQueryException e = invalid(query);

    assertThat(e).hasMessage("cannot parse query \"" + query + "\": a word may not start with * or ?"
        + " (quote it to search for its text) at column " + column);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "url:*cache*       | url:/.*cache.*/     | 5",
        "cache host:?ocs*  | host:/.ocs.*/       | 12",
      })
  void aLeadingWildcardInAWholeValueFieldPointsToTheRegularExpressionThatFindsIt(
      String query, String regexp, int column) throws Exception {
    // Quoted, as the message for text says, url:"*asyncio*" looks for that very URL: nothing.
    assertThat(invalid(query)).hasMessage("cannot parse query \"" + query + "\": a word may not start with"
        + " * or ? (a url, host or lang value that holds a text is found by a regular expression: "
        + regexp + ") at column " + column);
    assertThat(searcher.search(regexp, 10).totalHits()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"*args", "def f(**kwargs)"})
  void aPythonSignatureWithAStarSaysToQuoteItAndQuotedItIsAQuery(String query) {
    // Lucene's "not allowed as first character in WildcardQuery" left a Python programmer stuck.
    assertThat(invalid(query).getMessage()).contains("(quote it to search for its text)");
    assertThatNoException().isThrownBy(() -> searcher.search("\"" + query.replace("\"", "") + "\"", 10));
  }

  @Test
  void aBoostPastFloatsRangeIsAQueryErrorPlacedAtItsCaret() {
    String query = "cache title:widget^1" + "0".repeat(39);

    InvalidQueryException e = invalid(query);

    assertThat(e.getMessage()).endsWith(": boost too large (at most 3.4e38) at column 19");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "cache^1e3          | boost ^1e3 is not a number as a boost is written: digits, with a fraction if need be"
            + " (^2, ^0.5) at column 6",
        "cache ^1e3         | boost ^1e3 is not a number as a boost is written: digits, with a fraction if need be"
            + " (^2, ^0.5) at column 7",
        "cache^2x loop      | boost ^2x is not a number as a boost is written: digits, with a fraction if need be"
            + " (^2, ^0.5) at column 6",
        "cache~1e400        | a word's ~1e400 is not a number of edits: after a word, ~ takes 0, 1 or 2, the letters"
            + " it may differ by (~ alone is 2) at column 6",
        "cache~-1           | a word's ~-1 is not a number of edits: after a word, ~ takes 0, 1 or 2, the letters it"
            + " may differ by (~ alone is 2) at column 6",
        "cache~2.5          | a word's ~2.5 is not a number of edits: after a word, ~ takes 0, 1 or 2, the letters it"
            + " may differ by (~ alone is 2) at column 6",
        "'\"event loop\"~1e3' | a phrase's ~1e3 is not a number: after a phrase, ~ takes how many words its words"
            + " may stand apart, in digits (~3) at column 13",
        "'\"event loop\" ~1e3' | a phrase's ~1e3 is not a number: after a phrase, ~ takes how many words its words"
            + " may stand apart, in digits (~3) at column 14",
      })
  void aBoostOrDistanceNotWrittenAsThePlainNumberItTakesIsAQueryErrorNotMisread(String query, String problem) {
    assertThat(invalid(query)).hasMessage("cannot parse query " + InvalidQueryException.quoted(query) + ": " + problem);
  }

  @Test
  void plainBoostsAndDistancesAreStillTaken() {
    for (String query : new String[] {"cache^2", "cache^0.5", "cache~", "cache~1", "cache~0.8", "cache~1^2",
        "\"event loop\"~3", "\"a~1e3\" cache", "cache\\~x"}) {
      assertThatCode(() -> searcher.search(query, 1)).as(query).doesNotThrowAnyException();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"title:/[^0-9]+/", "/[^0-9]+/^2", "body:/ca~1e3.*/", "url:/a\\/b^1e3/"})
  void aCaretOrTildeInARegularExpressionIsPartOfItNotABoostOrDistance(String query) {
    // title:/[^0-9]+/ was refused: "boost ^0-9 is not a number".
    assertThatCode(() -> searcher.search(query, 1)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"title:[a^1e3 TO b]", "title:{a~1e3 TO b~x}", "title:[\"a^1e3\" TO b]",
      "url:[a/b TO c/d]"})
  void aCaretOrTildeInARangeBoundIsTextNotABoostOrDistance(String query) {
    assertThatCode(() -> searcher.search(query, 1)).as(query).doesNotThrowAnyException();
  }

  @Test
  void aBoostAfterARangeWithASlashInItIsStillChecked() {
    // The slash in the bound once started a regular expression that ran to the end of the query.
    assertThat(invalid("url:[a/b TO c] cache^1e3").getMessage()).contains("boost ^1e3 is not a number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"^1e3", "  ~1e3", "cache AND ^1e3", "cache OR ~1e3", "(^1e3 cache)", "title:^1e3",
      "cache -^1e3", "!~1e3"})
  void aCaretOrTildeWithNothingBeforeItToApplyToIsLeftToTheGrammarToRefuse(String query) {
    assertThat(invalid(query).getMessage()).contains(": unexpected \"").doesNotContain("is not a number");
  }

  @Test
  void parenthesesNestedTooDeepAreAQueryErrorPlacedAtTheFirstOneTooManyInsteadOfAStackOverflow() {
    // 60,005 characters: a longer query is refused for its length before it is read.
    InvalidQueryException e = invalid("(".repeat(30_000) + "cache" + ")".repeat(30_000));

    assertThat(e.getMessage()).endsWith(": parentheses nested more than 100 deep at column 101");
  }

  @ParameterizedTest
  @ValueSource(strings = {"the", "NOT the", "title:(a of)", "\"to be or\"", "\"AND\"", "title:\"NOT\"", "OR", "NOT",
      " AND  OR "})
  void aQueryOfStopWordsOnlyIsAnErrorThatSaysSoInsteadOfNoHits(String query) {
    // It matched no page, or for NOT every page, with nothing to tell why.
    assertThat(invalid(query).getMessage()).isEqualTo("cannot parse query " + InvalidQueryException.quoted(query)
        + ": it has only stop words, which the index leaves out (such as the, a, of, to, not); add a word"
        + " that the pages would have");
  }

  @ParameterizedTest
  @ValueSource(strings = {"->", "==", "...", "\"!=\"", "-> ...", "-> OR ==", "body:==", "title:(-> AND ==)", "\"->\" AND \"==\""})
  void aQueryOfPunctuationOnlyIsAnErrorThatSaysSoRatherThanBlamingStopWords(String query) {
    // A Python programmer's "->" or "==" has no stop word in it: that message sent them looking for one.
    assertThat(invalid(query).getMessage()).isEqualTo("cannot parse query " + InvalidQueryException.quoted(query)
        + ": it has no word, only punctuation, which the index leaves out; add a word that the pages would have");
  }

  @Test
  void parenthesesInAPhraseOrEscapedDoNotCountAsNesting() {
    String nested = "(".repeat(100) + "cache" + ")".repeat(100);
    String text = "\\(".repeat(200) + " \"" + "(".repeat(200) + "\"";

    assertThatCode(() -> searcher.search(nested + " " + text, 10)).doesNotThrowAnyException();
  }

  @Test
  void groupsOneAfterAnotherAreNoNestingHoweverManyThereAre() throws Exception {
    assertThat(searcher.search("(cache) ".repeat(150) + "(" + "(cache)".repeat(150) + ")", 10).totalHits())
        .isPositive();
  }

  @Test
  void everyFieldThePagesHaveIsAccepted() {
    assertThatCode(() -> searcher.search("title:python headings:x body:x description:x url:x host:x lang:en"
        + " status:200 fetched_at:[0 TO 9] \"a:b\"", 10)).doesNotThrowAnyException();
  }

  @Test
  void aQueryWithANewlineStillGivesAOneLineMessage() {
    assertThat(invalid("cache\nAND").getMessage())
        .isEqualTo("cannot parse query \"cache\\nAND\": unexpected end after \"AND\", an operator (to search for"
            + " the word, quote it: \"AND\") at column 10");
  }

  @Test
  void anEmptyQueryIsInvalid() {
    assertThat(invalid("  ")).hasMessage("cannot parse query \"  \": the query is empty");
  }

  private static InvalidQueryException invalid(String query) {
    return catchThrowableOfType(InvalidQueryException.class, () -> searcher.search(query, 10));
  }

  /** Pieces of the classic syntax, valid and not, for random queries to be made of. */
  private static final String[] PIECES = {
    "widget", "cache", "Widget", "the", "a", "é", "日本", "\"", "\"quoted words\"", "(", ")", "[", "]",
    "{", "}", " TO ", " AND ", " OR ", " NOT ", "&&", "||", "!", "+", "-", "*", "?", "~", "~2", "~0.5",
    "^", "^2", "^0", "^1e3", "^99999999999999999999999999999999999999999", ":", "title:", "body:",
    "url:", "host:", "lang:", "status:", "fetched_at:", "status:[200 TO 299]", "status:{* TO 500}",
    "fetched_at:[0 TO *]", "/", "/wid.*/", "/[/", "\\", "\\:", " ", "  ", "\t", "\n", "0", "-1",
    "9999999999999999999999", "wid*", "*et", "w?dget", "\u0000", "\uD83D\uDE00", "\uD800",
  };

  @Test
  void randomQueriesEitherAnswerOrFailAsInvalidQueriesWithOneLine() {
    Random random = new Random(20261203);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder query = new StringBuilder();
      for (int n = 1 + random.nextInt(6); n > 0; n--) {
        query.append(PIECES[random.nextInt(PIECES.length)]);
      }
      try {
        searcher.search(query.toString(), 3);
      } catch (InvalidQueryException e) {
        if (e.getMessage().contains("\n")) {
          failures.add(query + " → a message of several lines: " + e.getMessage());
        }
      } catch (RuntimeException e) {
        failures.add(query + " → " + e);
      }
    }
    assertThat(failures).isEmpty();
  }
}
