package dev.sitepulse.pinger.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.pinger.Condition;
import dev.sitepulse.pinger.ConditionResult;
import dev.sitepulse.pinger.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionParserTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  private static final String HEALTH_JSON =
      """
      {"status": "UP", "count": 42, "enabled": true, "ratio": 200, "nothing": null,
       "components": {"db": {"status": "DOWN"}},
       "checks": [{"name": "disk"}, {"name": "memory"}, {"name": "cpu"}]}
      """;

  // --- [STATUS] and the operators ---

  @Test
  void statusEqualsHoldsWhenStatusIsTheSame() {
    ConditionResult result = evaluate("[STATUS] == 200", status(200));

    assertThat(result.success()).isTrue();
    assertThat(result.condition()).isEqualTo("[STATUS] == 200");
    assertThat(result.description()).isEqualTo("[STATUS] (200) == 200");
  }

  @Test
  void statusEqualsFailsAndShowsTheActualStatus() {
    ConditionResult result = evaluate("[STATUS] == 200", status(503));

    assertThat(result.success()).isFalse();
    assertThat(result.description()).isEqualTo("[STATUS] (503) == 200");
    assertThat(result.degrades()).isFalse();
  }

  @Test
  void statusNotEqualsHoldsOnlyWhenStatusDiffers() {
    assertThat(evaluate("[STATUS] != 500", status(200)).success()).isTrue();
    assertThat(evaluate("[STATUS] != 500", status(500)).success()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "[STATUS] < 400, 399, true",
    "[STATUS] < 400, 400, false",
    "[STATUS] <= 400, 400, true",
    "[STATUS] <= 400, 401, false",
    "[STATUS] > 199, 200, true",
    "[STATUS] > 199, 199, false",
    "[STATUS] >= 200, 200, true",
    "[STATUS] >= 200, 199, false",
  })
  void orderingOperatorsCompareStatusNumerically(String condition, int status, boolean holds) {
    assertThat(evaluate(condition, status(status)).success()).isEqualTo(holds);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "[RESPONSE_TIME] < 0      | [RESPONSE_TIME] is never below 0",
    "[RESPONSE_TIME] <= -5    | [RESPONSE_TIME] is never below 0",
    "len([BODY].items) == -1  | len([BODY].items) is never below 0",
    "[STATUS] > 999           | [STATUS] is never above 999",
    "[STATUS] == 1000         | [STATUS] is never above 999",
    "[STATUS] < 0             | [STATUS] is never below 100",
    "[STATUS] == 0            | [STATUS] is never below 100",
    "[STATUS] < 100           | [STATUS] is never below 100",
  })
  void aConditionNoResponseCanMeetSaysWhy(String condition, String why) {
    assertThat(ConditionParser.parse(condition).whyItCannotHold()).isEqualTo(why);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "[STATUS] > 600", // LinkedIn answers 999
    "[STATUS] <= 100",
    "[STATUS] != 1000", "[RESPONSE_TIME] <= 0", "[CERTIFICATE_EXPIRATION] < 0", "[BODY].n < -5",
    "len([BODY]) >= 0",
  })
  void aConditionSomeResponseCanMeetHasNothingAgainstIt(String condition) {
    assertThat(ConditionParser.parse(condition).whyItCannotHold()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[STATUS]==200", "[STATUS]  ==  200", "  [STATUS] == 200  "})
  void spacesAroundTheOperatorAreOptional(String condition) {
    assertThat(evaluate(condition, status(200)).success()).isTrue();
  }

  @Test
  void theLongestOperatorWinsSoLessOrEqualIsNotLessThanEqualsSomething() {
    assertThat(evaluate("[STATUS]<=200", status(200)).success()).isTrue();
    assertThat(evaluate("[STATUS]>=200", status(200)).success()).isTrue();
    assertThat(evaluate("[STATUS]!=200", status(200)).success()).isFalse();
  }

  @Test
  void numbersAreEqualWhateverTheirSpelling() {
    assertThat(evaluate("[STATUS] == 200.0", status(200)).success()).isTrue();
    assertThat(evaluate("[BODY].ratio == 2e2", body(HEALTH_JSON)).success()).isTrue();
  }

  // --- [RESPONSE_TIME], [CERTIFICATE_EXPIRATION] and durations ---

  @Test
  void responseTimeDescriptionShowsMillisecondsAndFailureDegrades() {
    ConditionResult result = evaluate("[RESPONSE_TIME] < 300", responseTime(412));

    assertThat(result.success()).isFalse();
    assertThat(result.description()).isEqualTo("[RESPONSE_TIME] (412) < 300");
    assertThat(result.degrades()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "[RESPONSE_TIME] < 300ms, 299, true",
    "[RESPONSE_TIME] < 300ms, 300, false",
    "[RESPONSE_TIME] < 2s, 1999, true",
    "[RESPONSE_TIME] < 2s, 2000, false",
    "[RESPONSE_TIME] <= 1.5s, 1500, true",
    "[RESPONSE_TIME] < 1m, 59999, true",
    "[RESPONSE_TIME] == 1h30m, 5400000, true",
    "[RESPONSE_TIME] > 500us, 1, true",
  })
  void responseTimeComparesWithGoStyleDurations(String condition, long millis, boolean holds) {
    assertThat(evaluate(condition, responseTime(millis)).success()).isEqualTo(holds);
  }

  @Test
  void certificateExpirationIsMillisecondsUntilTheCertificateExpires() {
    Observation expiresInTenDays = certificate(NOW.plus(Duration.ofDays(10)));

    assertThat(evaluate("[CERTIFICATE_EXPIRATION] > 72h", expiresInTenDays).success()).isTrue();
    assertThat(evaluate("[CERTIFICATE_EXPIRATION] > 9d", expiresInTenDays).success()).isTrue();
    assertThat(evaluate("[CERTIFICATE_EXPIRATION] > 30d", expiresInTenDays).success()).isFalse();
    assertThat(evaluate("[CERTIFICATE_EXPIRATION] == 864000000", expiresInTenDays).success())
        .isTrue();
  }

  @Test
  void aTimeOfAMinuteOrMoreIsAlsoGivenAsADurationInTheMessage() {
    Observation expiresSoon = certificate(NOW.plus(Duration.ofDays(10)).plusSeconds(90));

    assertThat(evaluate("[CERTIFICATE_EXPIRATION] > 30d", expiresSoon).description())
        .isEqualTo("[CERTIFICATE_EXPIRATION] (864090000 = 10d1m30s) > 30d");
    assertThat(evaluate("[RESPONSE_TIME] < 300", responseTime(59_999)).description())
        .isEqualTo("[RESPONSE_TIME] (59999) < 300");
    assertThat(evaluate("[RESPONSE_TIME] < 300", responseTime(61_000)).description())
        .isEqualTo("[RESPONSE_TIME] (61000 = 1m1s) < 300");
  }

  @Test
  void certificateExpirationIsZeroWithoutACertificate() {
    ConditionResult result = evaluate("[CERTIFICATE_EXPIRATION] > 30d", certificate(null));

    assertThat(result.success()).isFalse();
    assertThat(result.description()).isEqualTo("[CERTIFICATE_EXPIRATION] (0) > 30d");
    assertThat(result.degrades()).isTrue();
  }

  @Test
  void certificateExpirationIsNegativeOnceExpired() {
    Observation expired = certificate(NOW.minusSeconds(1));

    assertThat(evaluate("[CERTIFICATE_EXPIRATION] == -1000", expired).success()).isTrue();
  }

  @Test
  void anExpiredCertificatesTimeIsGivenAsANegativeDurationAsAFutureOneIsGivenAsADuration() {
    Observation expired = certificate(NOW.minus(Duration.ofDays(2166)).minusSeconds(90));

    assertThat(evaluate("[CERTIFICATE_EXPIRATION] > 1d", expired).description())
        .isEqualTo("[CERTIFICATE_EXPIRATION] (-187142490000 = -2166d1m30s) > 1d");
    assertThat(evaluate("[CERTIFICATE_EXPIRATION] > 1d", certificate(NOW.minusSeconds(59))).description())
        .as("under a minute, as a positive one").isEqualTo("[CERTIFICATE_EXPIRATION] (-59000) > 1d");
  }

  // --- [CONNECTED], [IP], [HEADER] ---

  @Test
  void connectedComparesAsTrueOrFalse() {
    Observation connected = observation(200, 5, "", Map.of(), null, true, "10.0.0.1");
    Observation refused = observation(0, 5, "", Map.of(), null, false, null);

    assertThat(evaluate("[CONNECTED] == true", connected).success()).isTrue();
    assertThat(evaluate("[CONNECTED] == true", refused).description())
        .isEqualTo("[CONNECTED] (false) == true");
  }

  @Test
  void ipComparesAsTextAndIsEmptyWithoutAConnection() {
    Observation connected = observation(200, 5, "", Map.of(), null, true, "10.0.0.1");
    Observation refused = observation(0, 5, "", Map.of(), null, false, null);

    assertThat(evaluate("[IP] == 10.0.0.1", connected).success()).isTrue();
    assertThat(evaluate("[IP] == pat(10.*)", connected).success()).isTrue();
    assertThat(evaluate("[IP] == 10.0.0.1", refused).description())
        .isEqualTo("[IP] () == 10.0.0.1");
  }

  @Test
  void anIpv6AddressMatchesInAnyOfItsSpellings() {
    // [IP] gives ::1 as URLs write it; the JDK's long form, which it gave before, still matches.
    Observation loopback = observation(200, 5, "", Map.of(), null, true, "::1");

    assertThat(evaluate("[IP] == ::1", loopback).success()).isTrue();
    assertThat(evaluate("[IP] == 0:0:0:0:0:0:0:1", loopback).success()).isTrue();
    assertThat(evaluate("[IP] == any(10.0.0.1, 0:0:0:0:0:0:0:0001)", loopback).success()).isTrue();
    assertThat(evaluate("[IP] != 0:0:0:0:0:0:0:2", loopback).success()).isTrue();
  }

  @Test
  void headerIsLookedUpWithoutRegardToCase() {
    Observation json = headers("Content-Type", "application/json");

    assertThat(evaluate("[HEADER].content-type == application/json", json).success()).isTrue();
    assertThat(evaluate("[HEADER].CONTENT-TYPE == pat(*json*)", json).success()).isTrue();
  }

  @Test
  void missingHeaderIsAnEmptyString() {
    Observation json = headers("Content-Type", "application/json");

    ConditionResult result = evaluate("[HEADER].X-Cache == HIT", json);

    assertThat(result.success()).isFalse();
    assertThat(result.description()).isEqualTo("[HEADER].X-Cache () == HIT");
    assertThat(evaluate("[HEADER].X-Cache != HIT", json).success()).isTrue();
    assertThat(evaluate("len([HEADER].X-Cache) == 0", json).success()).isTrue();
  }

  // --- [BODY] and JSON paths ---

  @Test
  void wholeBodyComparesAsText() {
    assertThat(evaluate("[BODY] == OK", body("OK")).success()).isTrue();
    assertThat(evaluate("[BODY] == OK", body("NOT OK")).description())
        .isEqualTo("[BODY] (NOT OK) == OK");
  }

  @Test
  void wholeBodyIsComparedWithoutTheWhiteSpaceAroundItAsGatusDoes() {
    // "OK\n" is what most health endpoints send; Gatus trims it, and [BODY] == OK holds there.
    assertThat(evaluate("[BODY] == OK", body("OK\n")).success()).isTrue();
    assertThat(evaluate("[BODY] == pat(OK)", body(" \r\nOK\r\n")).success()).isTrue();
    assertThat(evaluate("len([BODY]) == 2", body("OK\n")).success()).isTrue();
    assertThat(evaluate("[BODY] == OK", body("O K\n")).description()).isEqualTo("[BODY] (O K) == OK");
  }

  @Test
  void bodyThatWasNotReadIsEmpty() {
    assertThat(evaluate("len([BODY]) == 0", body(null)).success()).isTrue();
    assertThat(evaluate("[BODY] != OK", body(null)).success()).isTrue();
  }

  @Test
  void jsonStringValuesCompareWithoutQuotes() {
    ConditionResult result = evaluate("[BODY].status == UP", body(HEALTH_JSON));

    assertThat(result.success()).isTrue();
    assertThat(result.description()).isEqualTo("[BODY].status (UP) == UP");
  }

  @Test
  void nestedJsonPathShowsTheValueFoundInTheDescription() {
    ConditionResult result = evaluate("[BODY].components.db.status == UP", body(HEALTH_JSON));

    assertThat(result.success()).isFalse();
    assertThat(result.description()).isEqualTo("[BODY].components.db.status (DOWN) == UP");
  }

  @Test
  void jsonPathFollowsArrayIndexes() {
    assertThat(evaluate("[BODY].checks[0].name == disk", body(HEALTH_JSON)).success()).isTrue();
    assertThat(evaluate("[BODY].checks[2].name == cpu", body(HEALTH_JSON)).success()).isTrue();
  }

  @Test
  void jsonPathCanStartWithAnIndexIntoARootArray() {
    Observation list = body("[{\"id\": 7}, {\"id\": 8}]");

    assertThat(evaluate("[BODY][0].id == 7", list).success()).isTrue();
    assertThat(evaluate("[BODY][1].id > 7", list).success()).isTrue();
  }

  @Test
  void jsonNumbersBooleansAndNullCompareByTheirText() {
    Observation health = body(HEALTH_JSON);

    assertThat(evaluate("[BODY].count == 42", health).success()).isTrue();
    assertThat(evaluate("[BODY].count >= 40", health).success()).isTrue();
    assertThat(evaluate("[BODY].enabled == true", health).success()).isTrue();
    assertThat(evaluate("[BODY].nothing == null", health).success()).isTrue();
  }

  @Test
  void missingJsonPathFailsEqualsAndSaysThePathWasNotFound() {
    ConditionResult result = evaluate("[BODY].version == 2", body(HEALTH_JSON));

    assertThat(result.success()).isFalse();
    assertThat(result.description())
        .isEqualTo("[BODY].version == 2: JSON path not found in the body");
  }

  @Test
  void missingJsonPathIsUnequalToAnything() {
    assertThat(evaluate("[BODY].error != fatal", body(HEALTH_JSON)).success()).isTrue();
    assertThat(evaluate("[BODY].checks[9].name == pat(*)", body(HEALTH_JSON)).success())
        .isFalse();
  }

  @Test
  void aNineDigitIndexIsReadAndATenDigitOneIsRejectedInsteadOfOverflowing() {
    assertThat(evaluate("[BODY].checks[999999999].name != disk", body(HEALTH_JSON)).description())
        .endsWith("JSON path not found in the body");
    assertParseError(
        "[BODY].checks[9999999999].name == disk", "array index \"9999999999\" is not a number");
  }

  @Test
  void indexIntoSomethingThatIsNotAnArrayIsNotFound() {
    assertThat(evaluate("[BODY].status[0] == U", body(HEALTH_JSON)).description())
        .endsWith("JSON path not found in the body");
  }

  @Test
  void bodyThatIsNotJsonFailsAndSaysSo() {
    ConditionResult result = evaluate("[BODY].status == UP", body("<html>oops</html>"));

    assertThat(result.success()).isFalse();
    assertThat(result.description())
        .isEqualTo("[BODY].status == UP: body is not JSON: \"<html>oops</html>\"");
  }

  @Test
  void bodyThatIsNotJsonFailsEvenNotEqualsAndHas() {
    Observation html = body("<html>oops</html>");

    assertThat(evaluate("[BODY].status != UP", html).success()).isFalse();
    assertThat(evaluate("has([BODY].errors) == false", html).success()).isFalse();
    assertThat(evaluate("len([BODY].checks) > 0", html).success()).isFalse();
  }

  @Test
  void emptyBodyIsNotJson() {
    assertThat(evaluate("[BODY].status == UP", body(null)).description())
        .endsWith("body is empty, not JSON");
  }

  @Test
  void jsonNestedDeeperThanJacksonReadsIsSaidSoNotCalledNoJson() {
    String deep = "[".repeat(1500) + "]".repeat(1500);

    assertThat(evaluate("[BODY][0] == 1", body(deep)).description())
        .endsWith("body nests JSON deeper than the 1000 levels conditions read");
  }

  @Test
  void aJsonNumberPastWhatADoubleHoldsIsComparedAsWrittenNotAsInfinity() {
    assertThat(evaluate("[BODY].x == 1e400", body("{\"x\": 1e400}")).success()).isTrue();
    assertThat(evaluate("[BODY].x < -1e300", body("{\"x\": -1e400}")).description())
        .isEqualTo("[BODY].x (-1E+400) < -1e300");
  }

  @Test
  void aJsonFractionKeepsDigitsADoubleWouldRound() {
    assertThat(evaluate("[BODY].x > 1", body("{\"x\": 1.0000000000000001}")).success()).isTrue();
    assertThat(evaluate("[BODY].x == 1.50", body("{\"x\": 1.50}")).description())
        .isEqualTo("[BODY].x (1.50) == 1.50");
  }

  @Test
  void aJsonStringThatLooksLikeANumberIsComparedAsText() {
    Observation versions = body("{\"version\": \"1.1\", \"zip\": \"01234\", \"n\": 1.1}");

    assertThat(evaluate("[BODY].version == 1.10", versions).success()).as("a string is text").isFalse();
    assertThat(evaluate("[BODY].version == 1.1", versions).success()).isTrue();
    assertThat(evaluate("[BODY].zip == 1234", versions).success()).isFalse();
    assertThat(evaluate("[BODY].zip != 1234", versions).success()).isTrue();
    assertThat(evaluate("[BODY].zip == any(1234, 5678)", versions).success()).isFalse();
    assertThat(evaluate("[BODY].n == 1.10", versions).success()).as("a JSON number is a number").isTrue();
    assertThat(evaluate("[BODY].version < 2", versions).success()).as("< still reads its number").isTrue();
    assertThat(evaluate("[BODY].zip == 1234", versions).description()).as("says why, as it held before")
        .isEqualTo("[BODY].zip (01234) == 1234: text (a JSON string or a header) is compared as written, not as a number");
    assertThat(evaluate("[BODY].zip == 99", versions).description()).isEqualTo("[BODY].zip (01234) == 99");
    assertThat(evaluate("[BODY].zip != 1234", versions).description()).as("holds now, where it failed before")
        .endsWith(": text (a JSON string or a header) is compared as written, not as a number");
  }

  @Test
  void aHeaderThatLooksLikeANumberIsComparedAsTextButOrderedAsANumber() {
    Observation age = headers("Age", "042");

    assertThat(evaluate("[HEADER].Age == 42", age).success()).isFalse();
    assertThat(evaluate("[HEADER].Age == 042", age).success()).isTrue();
    assertThat(evaluate("[HEADER].Age > 41", age).success()).isTrue();
    assertThat(evaluate("len([HEADER].Age) == 3.0", age).success()).as("a length is a number").isTrue();
  }

  @Test
  void aJsonNumberLongerThanJacksonReadsIsSaidSoNotCalledTooDeep() {
    assertThat(evaluate("[BODY].x > 5", body("{\"x\": " + "1".repeat(2000) + "}")).description())
        .endsWith("body has a JSON number longer than the 1000 characters conditions read");
  }

  @Test
  void jsonFollowedByOtherTextIsNotJson() {
    assertThat(evaluate("[BODY].a == 1", body("{\"a\": 1} trailing")).description())
        .contains("body is not JSON");
  }

  @Test
  void longActualValuesAreShortenedInTheDescription() {
    String longBody = "x".repeat(500);

    String description = evaluate("[BODY] == short", body(longBody)).description();

    assertThat(description).isEqualTo("[BODY] (" + "x".repeat(60) + "...) == short");
  }

  @Test
  void actualValuesAreShownOnOneLine() {
    assertThat(evaluate("[BODY] == OK", body("line one\nline two")).description())
        .isEqualTo("[BODY] (line one line two) == OK");
  }

  // --- Ordering on values that are not numbers ---

  @Test
  void orderingAValueThatIsNotANumberFailsWithoutThrowing() {
    ConditionResult result = evaluate("[BODY].status > 5", body(HEALTH_JSON));

    assertThat(result.success()).isFalse();
    assertThat(result.description()).isEqualTo("[BODY].status (UP) > 5: \"UP\" is not a number");
  }

  @Test
  void orderingAgainstARightSideThatIsNotANumberIsAConfigError() {
    assertParseError("[BODY].count < many", "< compares numbers, and \"many\" is not one");
    assertParseError("[BODY].items[0] >= lots", ">= compares numbers, and \"lots\" is not one");
  }

  // --- any() ---

  @Test
  void statusInAnyListMatchesWhenStatusIsListed() {
    assertThat(evaluate("[STATUS] == any(200, 204, 301)", status(204)).success()).isTrue();
  }

  @Test
  void statusInAnyListFailsWhenStatusIsNotListed() {
    ConditionResult result = evaluate("[STATUS] == any(200, 204)", status(500));

    assertThat(result.success()).isFalse();
    assertThat(result.description()).isEqualTo("[STATUS] (500) == any(200, 204)");
  }

  @Test
  void notEqualsAnyHoldsWhenNoneMatches() {
    assertThat(evaluate("[STATUS] != any(500, 503)", status(200)).success()).isTrue();
    assertThat(evaluate("[STATUS] != any(500, 503)", status(503)).success()).isFalse();
  }

  @Test
  void anyWorksOnJsonStrings() {
    assertThat(evaluate("[BODY].status == any(UP, DEGRADED)", body(HEALTH_JSON)).success())
        .isTrue();
  }

  // --- pat() ---

  @Test
  void patternStarMatchesAnyRunOfCharactersIncludingNone() {
    assertThat(evaluate("[BODY] == pat(*ok*)", body("all ok here")).success()).isTrue();
    assertThat(evaluate("[BODY] == pat(*ok*)", body("ok")).success()).isTrue();
    assertThat(evaluate("[BODY] == pat(*ok*)", body("fine")).success()).isFalse();
  }

  @Test
  void patternQuestionMarkMatchesExactlyOneCharacter() {
    assertThat(evaluate("[BODY] == pat(v?.0)", body("v2.0")).success()).isTrue();
    assertThat(evaluate("[BODY] == pat(v?.0)", body("v10.0")).success()).isFalse();
  }

  @Test
  void patternMustMatchTheWholeValue() {
    assertThat(evaluate("[BODY] == pat(ok)", body("not ok")).success()).isFalse();
  }

  @Test
  void patternTreatsRegexCharactersLiterally() {
    assertThat(evaluate("[BODY] == pat(a.c)", body("abc")).success()).isFalse();
    assertThat(evaluate("[BODY] == pat(a.c)", body("a.c")).success()).isTrue();
    assertThat(evaluate("[BODY] == pat(*(ok)*)", body("status (ok)")).success()).isTrue();
  }

  @Test
  void patternStarRunsAcrossLines() {
    assertThat(evaluate("[BODY] == pat(*healthy*)", body("<html>\n healthy\n</html>")).success())
        .isTrue();
  }

  @Test
  void patternWithGatusClassesOrEscapesIsRefusedRatherThanMatchedLiterally() {
    // Gatus matches with Go's filepath.Match: 2[0-9][0-9] is any 2xx there, and here it only
    // matched the text "2[0-9][0-9]", so every check went DOWN.
    String why = "sitepulse's pat() knows * and ? only, not the [character classes] and \\ escapes"
        + " of Gatus's; write the value another way, e.g. with several conditions or any(...)";
    assertParseError("[STATUS] == pat(2[0-9][0-9])", "pat(2[0-9][0-9]): " + why);
    assertParseError("[BODY] == pat(*\\**)", why);
  }

  @Test
  void patternMatchesStatusAsText() {
    assertThat(evaluate("[STATUS] == pat(2*)", status(204)).success()).isTrue();
    assertThat(evaluate("[STATUS] != pat(5*)", status(503)).success()).isFalse();
  }

  @Test
  void patternQuestionMarksPickAStatusClass() {
    assertThat(evaluate("[STATUS] == pat(5??)", status(503)).success()).isTrue();
    assertThat(evaluate("[STATUS] == pat(5??)", status(404)).success()).isFalse();
  }

  @Test
  void patternMayHoldOperatorCharacters() {
    assertThat(evaluate("[BODY] == pat(*<b>ok</b>*)", body("<p><b>ok</b></p>")).success())
        .isTrue();
  }

  // --- len() and has() ---

  @Test
  void lengthOfAJsonArrayIsItsSize() {
    ConditionResult result = evaluate("len([BODY].checks) == 3", body(HEALTH_JSON));

    assertThat(result.success()).isTrue();
    assertThat(result.description()).isEqualTo("len([BODY].checks) (3) == 3");
  }

  @Test
  void lengthOfAJsonStringIsItsCharacterCount() {
    assertThat(evaluate("len([BODY].checks[1].name) == 6", body(HEALTH_JSON)).success()).isTrue();
  }

  @Test
  void lengthOfTheBodyIsItsCharacterCount() {
    assertThat(evaluate("len([BODY]) == 5", body("héllo")).success()).isTrue();
    assertThat(evaluate("len([BODY]) > 4", body("héllo")).success()).isTrue();
  }

  @Test
  void lengthOfAJsonObjectIsTheLengthOfItsCompactJsonAsInGatus() {
    // Gatus: "If the given path leads to an array, returns its length. Otherwise, the JSON at the
    // given path is minified and converted to a string, and the resulting number of characters is
    // returned." Counting an object's fields made len([BODY].o) == 13 mean another thing here.
    ConditionResult result = evaluate("len([BODY].o) == 13", body("{\"o\": {\"x\": 1, \"y\": 2}}"));

    assertThat(result.success()).isTrue();
    assertThat(result.description()).isEqualTo("len([BODY].o) (13) == 13");
    assertThat(evaluate("len([BODY].o) == 2", body("{\"o\": {}}")).success()).isTrue();
  }

  @Test
  void lengthOfABodyThatIsAJsonArrayIsItsSizeAsInGatus() {
    assertThat(evaluate("len([BODY]) == 3", body("[1, 2, {\"a\": []}]\n")).success()).isTrue();
    assertThat(evaluate("len([BODY]) == 0", body("[]")).success()).isTrue();
    assertThat(evaluate("[BODY] == [1, 2]", body("[1, 2]")).success()).isTrue();
    assertThat(evaluate("len([BODY]) == 5", body("[1, 2")).success()).isTrue();
  }

  @Test
  void lengthOfAnyPlaceholderIsANumberAndMayBeOrdered() {
    assertThat(evaluate("len([STATUS]) == 3", status(200)).success()).isTrue();
    assertThat(evaluate("len([IP]) >= 7", status(200)).success()).isTrue();
  }

  @Test
  void lengthOfAMissingJsonPathFails() {
    ConditionResult result = evaluate("len([BODY].items) == 0", body(HEALTH_JSON));

    assertThat(result.success()).isFalse();
    assertThat(result.description()).endsWith("JSON path not found in the body");
  }

  @Test
  void hasIsTrueWhenTheJsonPathExists() {
    assertThat(evaluate("has([BODY].status) == true", body(HEALTH_JSON)).success()).isTrue();
  }

  @Test
  void hasIsFalseForAJsonNullAsInGatus() {
    // {"errors": null} is an API saying it has none: has([BODY].errors) == false holds in Gatus.
    assertThat(evaluate("has([BODY].nothing) == false", body(HEALTH_JSON)).success()).isTrue();
    assertThat(evaluate("has([BODY].nothing) == true", body(HEALTH_JSON)).description())
        .isEqualTo("has([BODY].nothing) (false) == true");
  }

  @Test
  void hasIsFalseWhenTheJsonPathIsMissing() {
    ConditionResult result = evaluate("has([BODY].errors) == true", body(HEALTH_JSON));

    assertThat(result.success()).isFalse();
    assertThat(result.description()).isEqualTo("has([BODY].errors) (false) == true");
    assertThat(evaluate("has([BODY].errors) == false", body(HEALTH_JSON)).success()).isTrue();
    assertThat(evaluate("has([BODY].errors) != true", body(HEALTH_JSON)).success()).isTrue();
  }

  // --- needsBody() and degrades() ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[BODY] == OK",
        "[BODY].status == UP",
        "[BODY][0].id == 1",
        "len([BODY]) > 0",
        "has([BODY].errors) == false"
      })
  void conditionsOnTheBodyNeedTheBody(String condition) {
    assertThat(Condition.parse(condition).needsBody()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[STATUS] == 200",
        "[HEADER].Content-Type == text/html",
        "[RESPONSE_TIME] < 1s",
        "[CONNECTED] == true",
        "[IP] == 127.0.0.1",
        "[CERTIFICATE_EXPIRATION] > 30d"
      })
  void conditionsElsewhereDoNotNeedTheBody(String condition) {
    assertThat(Condition.parse(condition).needsBody()).isFalse();
  }

  @Test
  void onlyResponseTimeAndCertificateExpirationDegrade() {
    assertThat(Condition.parse("[RESPONSE_TIME] < 300").degrades()).isTrue();
    assertThat(Condition.parse("[CERTIFICATE_EXPIRATION] > 72h").degrades()).isTrue();
    assertThat(Condition.parse("[STATUS] == 200").degrades()).isFalse();
    assertThat(Condition.parse("[BODY].status == UP").degrades()).isFalse();
    assertThat(Condition.parse("[CONNECTED] == true").degrades()).isFalse();
  }

  @Test
  void textIsTheConditionAsWritten() {
    assertThat(Condition.parse("[STATUS]==200").text()).isEqualTo("[STATUS]==200");
  }

  @Test
  void defaultConditionsAcceptStatusesFrom200To399() {
    assertThat(Condition.DEFAULT).allMatch(c -> c.evaluate(status(302)).success());
    assertThat(Condition.DEFAULT).anyMatch(c -> !c.evaluate(status(404)).success());
  }

  // --- Parse errors ---

  @Test
  void singleEqualsIsNotAnOperator() {
    assertParseError("[STATUS] = 200", "expected one of ==, !=, <, <=, >, >=");
  }

  @Test
  void conditionWithoutAnOperatorIsRejected() {
    assertParseError("[STATUS] 200", "expected one of ==, !=, <, <=, >, >=");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void emptyConditionIsRejected(String condition) {
    assertParseError(condition, "is empty");
  }

  @Test
  void nullConditionIsRejected() {
    assertThatThrownBy(() -> ConditionParser.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is empty");
  }

  @Test
  void statusComparedWithTextIsRejected() {
    assertParseError("[STATUS] == abc", "[STATUS] compares with a number, got \"abc\"");
  }

  @Test
  void statusComparedWithADurationIsRejected() {
    assertParseError("[STATUS] < 2s", "[STATUS] compares with a number, got \"2s\"");
  }

  @Test
  void responseTimeComparedWithTextIsRejected() {
    assertParseError("[RESPONSE_TIME] < fast", "got \"fast\"");
    assertParseError("[RESPONSE_TIME] < 2 s", "got \"2 s\"");
    assertParseError("[CERTIFICATE_EXPIRATION] > 30days", "got \"30days\"");
  }

  @Test
  void lengthComparedWithTextIsRejected() {
    assertParseError("len([BODY]) > some", "len([BODY]) compares with a number, got \"some\"");
  }

  @Test
  void anyListOfStatusesMustBeNumbers() {
    assertParseError("[STATUS] == any(200, ok)", "[STATUS] compares with a number, got \"ok\"");
  }

  @Test
  void unknownPlaceholderIsRejected() {
    assertParseError("[FOO] == 1", "unknown placeholder [FOO]");
  }

  @Test
  void placeholderNamesAreCaseSensitive() {
    assertParseError("[status] == 200", "unknown placeholder [status]");
  }

  @Test
  void oneSideMustBeAPlaceholder() {
    assertParseError("200 == 300", "expected a placeholder such as [STATUS]");
  }

  @Test
  void missingLeftOrRightSideIsRejected() {
    assertParseError("== 200", "expected a placeholder such as [STATUS] before ==");
    assertParseError("[STATUS] ==", "expected a value after ==");
  }

  @Test
  void textAfterAPlaceholderWithoutAPathIsRejected() {
    assertParseError("[STATUS].code == 200", "unexpected \".code\" after [STATUS]");
  }

  @Test
  void headerWithoutANameIsRejected() {
    assertParseError("[HEADER] == x", "[HEADER] needs a header name");
    assertParseError("[HEADER]. == x", "[HEADER] needs a header name");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[BODY]..status == UP | a field name is missing after a dot",
        "[BODY].status. == UP | a field name is missing after a dot",
        "[BODY]status == UP | expected . or [",
        "[BODY].checks[x].name == disk | array index \"x\" is not a number",
        "[BODY].checks[0.name == disk | [ is missing its closing ]",
      })
  void malformedJsonPathIsRejected(String condition, String problem) {
    assertParseError(condition, problem);
  }

  @Test
  void unbalancedParenthesesInAnyAreRejected() {
    assertParseError("[STATUS] == any(200, 201", "unbalanced parentheses");
    assertParseError(
        "[STATUS] == any(200, 201))", "unbalanced parentheses: unexpected \")\" after any(...)");
  }

  @Test
  void unbalancedParenthesesInPatAreRejected() {
    assertParseError("[BODY] == pat(*ok*", "unbalanced parentheses");
  }

  @Test
  void patternRunsToTheLastParenthesisSoItMayHoldOneUnpairedAsInGatus() {
    // Gatus takes everything between pat( and the closing ) at the end.
    assertThat(evaluate("[BODY] == pat(*:)*)", body("ok :) fine")).success()).isTrue();
    assertThat(evaluate("[BODY] == pat(*(*)", body("f(x")).success()).isTrue();
  }

  @Test
  void unbalancedParenthesesInLenAndHasAreRejected() {
    assertParseError("len([BODY] > 0", "unbalanced parentheses");
    assertParseError("has([BODY].x == true", "unbalanced parentheses");
  }

  @Test
  void emptyAnyIsRejected() {
    assertParseError("[STATUS] == any()", "any() needs at least one value");
    assertParseError("[STATUS] == any(200,,201)", "has an empty value");
  }

  @Test
  void anyAndPatWorkOnlyWithEqualsAndNotEquals() {
    assertParseError("[STATUS] < any(200, 300)", "any(...) works only with == and !=");
    assertParseError("[BODY] >= pat(a*)", "pat(...) works only with == and !=");
  }

  @Test
  void hasComparesOnlyWithTrueOrFalse() {
    assertParseError("has([BODY].errors) == yes", "compares with == or != and true or false");
    assertParseError("has([BODY].errors) > false", "compares with == or != and true or false");
  }

  @Test
  void connectedComparesOnlyWithTrueOrFalse() {
    assertParseError(
        "[CONNECTED] == maybe",
        "[CONNECTED] compares with == or != and true or false, got == maybe");
    assertParseError("[CONNECTED] == pat(t*)", "compares with == or != and true or false");
    assertParseError("[CONNECTED] < true", "compares with == or != and true or false");
  }

  @Test
  void ipIsNeverANumberSoItCannotBeOrdered() {
    assertParseError("[IP] < 5", "[IP] is never a number, so it works only with == and !=, not <");
    assertParseError("[IP] >= 10.0.0.1", "[IP] is never a number");
  }

  @Test
  void negativeArrayIndexIsRejectedAsNegative() {
    assertParseError(
        "[BODY].items[-1] == 1",
        "bad JSON path [BODY].items[-1]: array index \"-1\" is negative; indexes count from 0");
    assertParseError("[BODY].items[-] == 1", "array index \"-\" is not a number");
    assertParseError("[BODY].items[-x] == 1", "array index \"-x\" is not a number");
  }

  @Test
  void aPlaceholderOnTheRightIsRejectedRatherThanComparedAsText() {
    // Gatus resolves both sides ([BODY].age == [BODY].id in its README); read as text, the right
    // side never matched, and the target went DOWN with no word of why.
    assertParseError("[BODY].age == [BODY].id",
        "the right side [BODY].id is a placeholder too: sitepulse compares a placeholder with a value,"
            + " not with another placeholder as Gatus can");
    assertParseError("[STATUS] < len([BODY].items)", "the right side len([BODY].items) is a placeholder too");
    assertThat(evaluate("[BODY].checks == [1,2]", body("{\"checks\": [1,2]}")).success()).isTrue();
  }

  @Test
  void aValueOnTheLeftOfAPlaceholderMeansWhatItDoesOnTheRightAsInGatus() {
    assertThat(evaluate("pat(2*) == [STATUS]", status(204)).success()).isTrue();
    assertThat(evaluate("any(200, 204) != [STATUS]", status(204)).success()).isFalse();
    assertThat(evaluate("500 > [RESPONSE_TIME]", responseTime(499)).success()).isTrue();
    assertThat(evaluate("500 >= [RESPONSE_TIME]", responseTime(501)).success()).isFalse();
    assertThat(evaluate("200 <= [STATUS]", status(200)).description()).isEqualTo("[STATUS] (200) >= 200");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "[DNS_RCODE] == NOERROR        | [DNS_RCODE] is a Gatus placeholder for DNS checks; sitepulse checks HTTP(S) only",
    "[DOMAIN_EXPIRATION] > 720h    | [DOMAIN_EXPIRATION] is a Gatus placeholder for the domain's WHOIS expiry, which sitepulse does not look up",
    "[CONTEXT].token == x          | [CONTEXT] is a Gatus placeholder for suites, which sitepulse does not have",
    "[status] == 200               | unknown placeholder [status] (did you mean [STATUS]? names are upper case)",
    "len([body].items) > 0         | unknown placeholder [body] (did you mean [BODY]? names are upper case)",
  })
  void aGatusPlaceholderSitepulseLacksIsNamedAsSuch(String condition, String problem) {
    assertParseError(condition, problem);
  }

  @Test
  void connectedFalseIsRefusedAsNoCheckHereCanMeetIt() {
    // In Gatus [CONNECTED] == false is UP while a port stays closed; here a check that cannot
    // connect is ERROR before conditions run, so the condition could only ever fail.
    String why = "sitepulse runs conditions only on a response, so [CONNECTED] is always true there, and a host"
        + " it cannot reach is ERROR whatever the conditions say; it cannot check that a port is closed";
    assertParseError("[CONNECTED] == false", why);
    assertParseError("[CONNECTED] != true", why);
    assertThat(evaluate("[CONNECTED] != false", status(200)).success()).isTrue();
  }

  @Test
  void hasTakesOnlyTheBodyOrAJsonPathIntoIt() {
    assertParseError("has([STATUS]) == true", "has() takes the body or a JSON path into it");
    assertParseError("has([HEADER].X-Cache) == true", "has() takes the body or a JSON path into it");
  }

  @Test
  void hasOfTheWholeBodyIsWhetherItHoldsMoreThanWhiteSpaceAsInGatus() {
    assertThat(evaluate("has([BODY]) == true", body("OK\n")).success()).isTrue();
    assertThat(evaluate("has([BODY]) == true", body("[]")).success()).isTrue();
    assertThat(evaluate("has([BODY]) == true", body("null")).success()).isTrue();
    assertThat(evaluate("has([BODY]) == false", body("")).success()).isTrue();
    assertThat(evaluate("has([BODY]) == true", body(" \r\n")).description())
        .isEqualTo("has([BODY]) (false) == true");
    assertThat(Condition.parse("has([BODY]) == true").needsBody()).isTrue();
  }

  // --- Helpers ---

  private static void assertParseError(String condition, String problem) {
    assertThatThrownBy(() -> Condition.parse(condition))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("condition \"" + condition + "\": ")
        .hasMessageContaining(problem);
  }

  private static ConditionResult evaluate(String condition, Observation observation) {
    return Condition.parse(condition).evaluate(observation);
  }

  private static Observation status(int status) {
    return observation(status, 10, "", Map.of(), null, true, "127.0.0.1");
  }

  private static Observation responseTime(long millis) {
    return observation(200, millis, "", Map.of(), null, true, "127.0.0.1");
  }

  private static Observation body(String body) {
    return observation(200, 10, body, Map.of(), null, true, "127.0.0.1");
  }

  private static Observation certificate(Instant notAfter) {
    return observation(200, 10, "", Map.of(), notAfter, true, "127.0.0.1");
  }

  private static Observation headers(String name, String value) {
    return observation(200, 10, "", Map.of(name, value), null, true, "127.0.0.1");
  }

  private static Observation observation(
      int status,
      long millis,
      String body,
      Map<String, String> headers,
      Instant notAfter,
      boolean connected,
      String ip) {
    Map<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseless.putAll(headers);
    return new Observation(status, millis, body, false, caseless, notAfter, connected, ip, NOW);
  }
}
