package dev.sitepulse.crawler.search.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sitepulse.crawler.search.internal.query.QueryWords.Kind;
import dev.sitepulse.crawler.search.internal.query.QueryWords.Word;
import org.junit.jupiter.api.Test;

class QueryWordsTest {

  @Test
  void eachWordComesWithWhereItStandsWithoutItsOperatorsBoostOrFuzziness() {
    assertThat(QueryWords.of("+asyncio^2  title:loop~1 NOT queue"))
        .containsExactly(
            new Word("asyncio", 1, 8, null, Kind.PLAIN, false, false),
            new Word("loop", 18, 22, "title", Kind.FUZZY, false, false),
            new Word("queue", 29, 34, null, Kind.PLAIN, false, true));
  }

  @Test
  void aPhraseIsItsWordsWithItsFieldAndExclusion() {
    assertThat(QueryWords.of("-body:\"event  loop\"~2 \"*args\""))
        .containsExactly(
            new Word("event", 7, 12, "body", Kind.PLAIN, true, true),
            new Word("loop", 14, 18, "body", Kind.PLAIN, true, true),
            new Word("*args", 23, 28, null, Kind.PLAIN, true, false));
  }

  @Test
  void aGroupGivesItsFieldAndExclusionToTheWordsInIt() {
    assertThat(QueryWords.of("a -title:(b (c)) d")).extracting(Word::text, Word::field, Word::excluded)
        .containsExactly(
            tuple("a", null, false),
            tuple("b", "title", true),
            tuple("c", "title", true),
            tuple("d", null, false));
  }

  @Test
  void prefixesWildcardsRegularExpressionsAndRangesAreWordsOfTheirKind() {
    assertThat(QueryWords.of("deco* w?ld*card /reg ex/ status:[200 TO 299] esc\\*aped"))
        .extracting(Word::text, Word::kind)
        .containsExactly(
            tuple("deco*", Kind.PREFIX),
            tuple("w?ld*card", Kind.WILDCARD),
            tuple("/reg ex/", Kind.REGEX),
            tuple("[200 TO 299]", Kind.RANGE),
            tuple("esc\\*aped", Kind.PLAIN));
  }

  @Test
  void whiteSpaceBeforeAFieldsColonOrAFuzzyMarkIsSkippedAsTheGrammarSkipsIt() {
    assertThat(QueryWords.of("title : loop  url :x  event ~1 queue^2 ~ task^3~2 plain ^2"))
        .extracting(Word::text, Word::field, Word::kind)
        .containsExactly(
            tuple("loop", "title", Kind.PLAIN),
            tuple("x", "url", Kind.PLAIN),
            tuple("event", null, Kind.FUZZY),
            tuple("queue", null, Kind.FUZZY),
            tuple("task", null, Kind.FUZZY),
            tuple("plain", null, Kind.PLAIN));
  }

  @Test
  void aRangeEndsAtEitherClosingBracketOutsideItsQuotedBounds() {
    assertThat(QueryWords.of("status:[200 TO 300} a  {\"a]\" TO \"z}\"] b"))
        .extracting(Word::text, Word::kind)
        .containsExactly(
            tuple("[200 TO 300}", Kind.RANGE),
            tuple("a", Kind.PLAIN),
            tuple("{\"a]\" TO \"z}\"]", Kind.RANGE),
            tuple("b", Kind.PLAIN));
  }

  @Test
  void aQuoteThatNoneClosesInARangeIsPartOfItsBoundAndTheRangeEndsAtItsBracket() {
    assertThat(QueryWords.of("title:[\"a TO z] b"))
        .extracting(Word::text, Word::field, Word::kind)
        .containsExactly(
            tuple("[\"a TO z]", "title", Kind.RANGE),
            tuple("b", null, Kind.PLAIN));
  }

  @Test
  void anEscapedQuoteInAQuotedBoundOrAnEscapedSlashInARegularExpressionEndsNothing() {
    assertThat(QueryWords.of("{\"a\\\"]\" TO z] b /x\\/y/ c"))
        .extracting(Word::text, Word::kind)
        .containsExactly(
            tuple("{\"a\\\"]\" TO z]", Kind.RANGE),
            tuple("b", Kind.PLAIN),
            tuple("/x\\/y/", Kind.REGEX),
            tuple("c", Kind.PLAIN));
  }

  @Test
  void anExclamationMarkExcludesTheWordAfterItWithOrWithoutASpace() {
    assertThat(QueryWords.of("asyncio!queue !task"))
        .extracting(Word::text, Word::excluded)
        .containsExactly(tuple("asyncio", false), tuple("queue", true), tuple("task", true));
  }
}
