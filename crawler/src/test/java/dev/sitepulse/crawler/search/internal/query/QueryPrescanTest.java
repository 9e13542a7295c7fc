package dev.sitepulse.crawler.search.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sitepulse.crawler.index.PageFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the prescan refuses before the grammar reads a query, and what it leaves to the grammar. */
class QueryPrescanTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a^1e3   | boost ^1e3 is not a number | 2",
        "x~1e400 | a word's ~1e400 is not a number of edits | 2",
      })
  void aOneLetterWordThatOpensTheQueryHasItsBoostOrDistanceCheckedLikeAnyOther(
      String query, String problem, int column) {
    // The word before the sign is then the query's first character, at 0.
    QueryErrors.Placed e = catchThrowableOfType(QueryErrors.Placed.class, () -> QueryPrescan.check(query));

    assertThat(e).as(query).isNotNull();
    assertThat(e.getMessage()).startsWith(problem);
    assertThat(e.column).isEqualTo(column);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "asyncio~3             | 8",
        "asyncio~1000000000000 | 8",
        "cache asyncio~2.5     | 14",
      })
  void aWordsEditsOtherThanZeroOneOrTwoAreRefusedAtTheirColumn(String query, int column) {
    // ~3 was read as ~2 without a word, and a long number as a "fractional" distance, unplaced.
    QueryErrors.Placed e = catchThrowableOfType(QueryErrors.Placed.class, () -> QueryPrescan.check(query));

    assertThat(e).as(query).isNotNull();
    assertThat(e.getMessage()).contains("is not a number of edits");
    assertThat(e.column).isEqualTo(column);
  }

  @ParameterizedTest
  @ValueSource(strings = {"asyncio~0", "asyncio~1", "asyncio~2", "asyncio~", "asyncio~0.8", "asyncio~.5", "\"a b\"~10"})
  void editsOfZeroOneOrTwoASimilarityBelowOneAndAPhrasesSlopAreTaken(String query) {
    assertThatCode(() -> QueryPrescan.check(query)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cache AND^1e3", "cache &&^1e3", "cache OR~1e3", "cache !-^1e3", "cache !+~1e3"})
  void anOperatorWrittenRightAgainstACaretOrTildeIsLeftToTheGrammarToRefuse(String query) {
    // AND^1e3 is the operator AND and a stray ^, and in !-^1e3 the ! ends the word: both are
    // operators the grammar refuses a boost after, with its own message, not a misread number.
    assertThatCode(() -> QueryPrescan.check(query)).doesNotThrowAnyException();
    assertThat(catchThrowableOfType(ParseException.class, () -> new PageQueryParser(PageFields.analyzer()).parse(query)))
        .as(query).isNotNull().isNotInstanceOf(QueryErrors.Placed.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cache^2!loop", "cache~1!loop", "\"event loop\"~3!asyncio"})
  void anExclamationMarkRightAfterABoostOrDistanceEndsItAsItDoesForTheGrammar(String query) {
    // cache^2!loop is cache^2 NOT loop, which the grammar takes.
    assertThatCode(() -> QueryPrescan.check(query)).doesNotThrowAnyException();
    assertThatCode(() -> new PageQueryParser(PageFields.analyzer()).parse(query)).doesNotThrowAnyException();
  }
}
