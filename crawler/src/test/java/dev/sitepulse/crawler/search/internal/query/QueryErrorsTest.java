package dev.sitepulse.crawler.search.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.search.InvalidQueryException;
import org.apache.lucene.queryparser.classic.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a parse failure becomes one line with a column, each query parsed in its own test. */
class QueryErrorsTest {
  @Test
  void aRegularExpressionThatOpensTheQueryIsPlacedAtItsProblem() {
    InvalidQueryException e = invalid("/[a/");

    assertThat(e).hasMessage("cannot parse query \"/[a/\": regular expression /[a/: expected ']' at column 4");
    assertThat(e.column()).isEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "'cache^ 2' | unexpected \" \" at column 7",
        "'a^-1'     | unexpected \"-\" at column 3",
        "'asyncio]'       | unexpected \"]\" (quote text with brackets to search for it) at column 8",
        "'title:asyncio]' | unexpected \"]\" (quote text with brackets to search for it) at column 14",
        "'asyncio }'      | unexpected \"}\" (quote text with brackets to search for it) at column 9",
        "'ab\\'           | a \\ at the end escapes nothing (write \\\\ for the character) at column 3",
      })
  void aCharacterTheLexerCannotReadIsNamedAndPlaced(String query, String problem) {
    // The lexer, not the grammar, refuses these: its message names the character only by its code,
    // and one that ends the query it reports as the end, a column after the query.
    assertThat(invalid(query)).hasMessage("cannot parse query " + InvalidQueryException.quoted(query) + ": " + problem);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "'a [b'      | 3 | 5",
        "'a {b TO'   | 3 | 8",
        "'x [a TO c' | 3 | 10",
      })
  void aRangeLeftOpenSaysWhereItOpened(String query, int opened, int column) {
    assertThat(invalid(query)).hasMessage("cannot parse query " + InvalidQueryException.quoted(query)
        + ": unexpected end: the range opened at column " + opened + " is not closed, as in [a TO b] or {a TO b}"
        + " (quote text with brackets to search for it) at column " + column);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        // Each said only "unexpected end at column N".
        "'-'           | 'unexpected end after \"-\", which leaves out the pages with the word after it"
            + " at column 2'",
        "'asyncio -'   | 'unexpected end after \"-\", which leaves out the pages with the word after it"
            + " at column 10'",
        "'loop +'      | 'unexpected end after \"+\", which requires the word after it"
            + " at column 7'",
        "'asyncio^'    | 'unexpected end after \"^\", which weighs the word before it by the number after it,"
            + " as in asyncio^2 at column 9'",
        "'title:'      | 'unexpected end after \"title:\", a field: give what to find in it, as in title:asyncio"
            + " at column 7'",
        "'(asyncio'    | 'unexpected end: the group opened at column 1 is not closed, as in (a OR b)"
            + " (quote text with brackets to search for it) at column 9'",
      })
  void anEndThatLeavesAnOperatorWithoutItsWordSaysWhatTheOperatorWants(String query, String problem) {
    assertThat(invalid(query)).hasMessage("cannot parse query " + InvalidQueryException.quoted(query) + ": " + problem);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "'[1 TO 5]'            | 1",
        "'asyncio {a TO c}'    | 9",
        "'title:x OR [a TO *]' | 12",
      })
  void aRangeWithoutAFieldIsAnErrorNotAMatchOfEveryPage(String query, int column) {
    // Over the text fields it compared every word of every page with the bounds: [1 TO 5]
    // matched all 526 pages of the Python docs.
    InvalidQueryException e = invalid(query);

    assertThat(e).hasMessage("cannot parse query " + InvalidQueryException.quoted(query) + ": a range needs a field,"
        + " as in status:[500 TO 599] or title:[a TO c]"
        + " (quote text with brackets to search for it) at column " + column);
    assertThat(e.column()).isEqualTo(column);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        // The grammar said "unexpected end at column 35": the last / opened a regular expression.
        "'https://docs.python.org/3/library/'                | 'a URL must be quoted: \"https://docs.python.org/3/library/\""
            + " searches its text, url:\"https://docs.python.org/3/library/\" finds its page' | 1",
        // It said "no field \"https\"".
        "'asyncio https://docs'                              | 'a URL must be quoted: \"https://docs\" searches its text,"
            + " url:\"https://docs\" finds its page' | 9",
        // It said "unexpected \":\" at column 9".
        "'url:http://127.0.0.1:8092/library/asyncio.html'    | 'a URL must be quoted:"
            + " url:\"http://127.0.0.1:8092/library/asyncio.html\"' | 5",
        "'title:(ftp://a.example/x) loop'                    | 'a URL must be quoted: title:\"ftp://a.example/x\"' | 8",
      })
  void anUnquotedUrlIsAnErrorThatSaysToQuoteIt(String query, String problem, int column) {
    InvalidQueryException e = invalid(query);

    assertThat(e).hasMessage("cannot parse query " + InvalidQueryException.quoted(query) + ": " + problem
        + " (outside quotes a word before : names a field, and / starts a regular expression) at column " + column);
    assertThat(e.column()).isEqualTo(column);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "'\"https://docs.python.org/3/library/\" loop('    | unexpected end: the group opened at column 42 is not"
            + " closed, as in (a OR b) (quote text with brackets to search for it) at column 43",
        "'url:/https:\\/\\/a.*/ x:'                          | 'unexpected end after \"x:\", a field: give what to find in"
            + " it, as in x:asyncio at column 23'",
        "'loop [https://a TO https://b'                      | unexpected end: the range opened at column 6 is not"
            + " closed, as in [a TO b] or {a TO b} (quote text with brackets to search for it) at column 29",
      })
  void aUrlInQuotesARegularExpressionOrARangeIsNoUnquotedUrl(String query, String problem) {
    assertThat(invalid(query)).hasMessage("cannot parse query " + InvalidQueryException.quoted(query) + ": " + problem);
  }

  @Test
  void controlCharactersOfTheQueryReachTheErrorLineEscapedNotRaw() {
    // An escape sequence in a query would otherwise act on the terminal that shows the error.
    String query = "title:(x\u001b]0;pwned\u0007 \u202e";

    assertThat(invalid(query).getMessage()).startsWith("cannot parse query \"title:(x\\u001b]0;pwned\\u0007 \\u202e\":")
        .doesNotContain("\u001b", "\u0007", "\u202e");
  }

  @Test
  void unicodesLineAndParagraphSeparatorsOfTheQueryAreEscapedSoThatTheErrorStaysOneLine() {
    // Read line by line (Java's lines(), Python's splitlines(), an editor), either is a line break.
    String query = "title:(x\u2028y\u2029z";

    assertThat(invalid(query).getMessage()).startsWith("cannot parse query \"title:(x\\u2028y\\u2029z\":")
        .doesNotContain("\u2028", "\u2029");
  }

  @Test
  void aParseErrorWithoutAMessageStillSaysTheQueryIsInvalid() {
    assertThat(QueryErrors.of("cache", new ParseException())).hasMessage("cannot parse query \"cache\": invalid query");
    assertThat(QueryErrors.of("cache", new ParseException(" \n "))).hasMessage("cannot parse query \"cache\": invalid query");
  }

  @Test
  void aParseErrorWhoseMessageOpensWithALineBreakGivesItsFirstLineOfText() {
    InvalidQueryException e = QueryErrors.of("cache", new ParseException("\n  too many clauses\nat line 2"));

    assertThat(e).hasMessage("cannot parse query \"cache\": too many clauses");
    assertThat(e.column()).isEqualTo(-1);
  }

  @Test
  void aBoostLuceneRefusesThatIsNotPastFloatsRangeGivesLucenesFirstLineUnplaced() {
    QueryErrors.Placed placed = QueryErrors.boostOutOfRange("cache^2 loop^0.5",
        new IllegalArgumentException("boost must be a positive float\nsecond line"));

    assertThat(placed).hasMessage("boost must be a positive float");
    assertThat(placed.column).isEqualTo(-1);
  }

  private static InvalidQueryException invalid(String query) {
    ParseException e = catchThrowableOfType(ParseException.class,
        () -> new PageQueryParser(PageFields.analyzer()).parse(query));
    assertThat(e).as(query).isNotNull();
    return QueryErrors.of(query, e);
  }
}
