package dev.sitepulse.pinger.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  // A linear match of a few MB takes well under a second on a loaded machine, backtracking hours:
  // the bound stops a run that would go on, and is no speed goal.
  private static final Duration NO_BLOW_UP = Duration.ofSeconds(30);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''         | ''           | true",
        "''         | a            | false",
        "abc        | abc          | true",
        "abc        | abcd         | false",
        "abc        | xabc         | false",
        "*          | ''           | true",
        "***        | anything     | true",
        "a*         | a            | true",
        "a*         | ba           | false",
        "*a         | ba           | true",
        "*a         | ab           | false",
        "a**b       | ab           | true",
        "a*a        | a            | false",
        "a*a        | aa           | true",
        "*ab*ab*    | abab         | true",
        "*ab*ab*    | aba          | false",
        "a*b*c      | abcbc        | true",
        "a*b*c      | acb          | false",
        "?          | ''           | false",
        "?          | é            | true",
        "??         | é            | false",
        "?*?        | ab           | true",
        "*?         | ''           | false",
        "v?.0       | v10.0        | false",
        "*.*        | abc          | false",
        "*ünï*      | xünïy        | true",
        "?😀?       | a😀b         | true",
        "😀*        | 😀           | true",
        "*😀        | 😀😀         | true",
        "?          | 😀           | true",
        "??         | 😀           | false",
      })
  void matchesWholeValuesWithStarsAndQuestionMarks(String glob, String value, boolean matches) {
    assertThat(matches(glob, value)).isEqualTo(matches);
    assertThat(matches(glob, value)).isEqualTo(regexMatches(glob, value));
  }

  @Test
  void agreesWithTheRegexItReplacesOnEveryShortGlobAndValue() {
    List<String> values = words("ab😀\n", 4);
    List<String> disagreements = new ArrayList<>();
    for (String glob : words("ab*?😀", 4)) {
      Pattern reference = regex(glob);
      for (String value : values) {
        if (matches(glob, value) != reference.matcher(value).matches()) {
          disagreements.add("pat(" + glob + ") on \"" + value + "\"");
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void starsThatCannotFitFailInTimeLinearInTheValue() {
    String xs = "x".repeat(1 << 20);

    boolean matched = assertTimeoutPreemptively(NO_BLOW_UP, () -> matches("*x*y*z*", xs));

    assertThat(matched).isFalse();
  }

  @Test
  void questionMarksBetweenStarsDoNotBacktrackEither() {
    String xs = "x".repeat(1 << 20);

    boolean matched = assertTimeoutPreemptively(NO_BLOW_UP, () -> matches("*x?x*?y?*x", xs));

    assertThat(matched).isFalse();
  }

  @Test
  void aLargePageWithoutTheWordFailsQuickly() {
    // 100,000 divs: backtracking from each to the end is 10^11 steps.
    String page = "<div class=\"row\"><span>ok</span></div>\n".repeat(100_000);

    boolean matched =
        assertTimeoutPreemptively(NO_BLOW_UP, () -> matches("*<div*Maintenance*", page));

    assertThat(matched).isFalse();
    assertThat(matches("*<div*ok*", page)).isTrue();
  }

  private static boolean matches(String glob, String value) {
    return Glob.compile("pat(" + glob + ")", glob).matches(Literal.of(value));
  }

  private static boolean regexMatches(String glob, String value) {
    return regex(glob).matcher(value).matches();
  }

  /** The regex Glob used to build, kept here as the reference for what pat() means. */
  private static Pattern regex(String glob) {
    StringBuilder regex = new StringBuilder();
    glob.codePoints()
        .forEach(
            c ->
                regex.append(
                    c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(Character.toString(c))));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** Every string of up to {@code maxLength} code points drawn from {@code alphabet}. */
  private static List<String> words(String alphabet, int maxLength) {
    List<String> letters = alphabet.codePoints().mapToObj(Character::toString).toList();
    List<String> all = new ArrayList<>(List.of(""));
    List<String> previous = List.of("");
    for (int length = 1; length <= maxLength; length++) {
      List<String> longer = new ArrayList<>();
      for (String word : previous) {
        for (String letter : letters) {
          longer.add(word + letter);
        }
      }
      all.addAll(longer);
      previous = longer;
    }
    return all;
  }
}
