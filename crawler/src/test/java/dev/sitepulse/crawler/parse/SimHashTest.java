package dev.sitepulse.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimHashTest {
  private static final List<String> PAGES =
      List.of(
          "guide/configuration.html",
          "guide/install.html",
          "guide/logging.html",
          "guide/security.html",
          "guide/troubleshooting.html",
          "guide/widget-cache.html",
          "guide/upgrading.html",
          "reference/cli.html",
          "reference/api.html",
          "tutorial/scaling.html",
          "blog/performance-tuning.html");

  @Test
  void identicalTextsHashAlike() {
    String text = longText();

    assertThat(SimHash.distance(SimHash.of(text), SimHash.of(new StringBuilder(text)))).isZero();
  }

  @Test
  void caseAndPunctuationDoNotChangeTheHash() {
    assertThat(SimHash.of("The widget cache, explained!"))
        .isEqualTo(SimHash.of("the WIDGET cache explained"));
  }

  @Test
  void aOneWordEditInALongTextFlipsAtMostThreeBits() {
    String text = longText();
    String[] words = text.split(" ");
    long original = SimHash.of(text);

    for (int at : new int[] {10, words.length / 3, words.length / 2, words.length - 5}) {
      String[] edited = words.clone();
      edited[at] = "zebra";
      assertThat(SimHash.distance(original, SimHash.of(String.join(" ", edited))))
          .as("edit at word %d of %d", at, words.length)
          .isLessThanOrEqualTo(3);
    }
  }

  @Test
  void unrelatedPagesAreAboutHalfTheBitsApart() {
    long[] hashes = PAGES.stream().mapToLong(page -> StubSite.parse(page).simhash()).toArray();
    int total = 0;
    int pairs = 0;
    for (int i = 0; i < hashes.length; i++) {
      for (int j = i + 1; j < hashes.length; j++) {
        int distance = SimHash.distance(hashes[i], hashes[j]);
        assertThat(distance).as("%s vs %s", PAGES.get(i), PAGES.get(j)).isBetween(18, 46);
        total += distance;
        pairs++;
      }
    }
    assertThat((double) total / pairs).isBetween(28.0, 36.0);
  }

  @Test
  void aPhraseRepeatedOnEachOfTwoUnrelatedPagesDoesNotMakeThemNearDuplicates() {
    // Shaped like javadoc's TreeVisitor and DocTreeVisitor: each method repeats the same parameter
    // and return text, which outweighed all the rest while a shingle voted once per occurrence.
    String trees =
        visitor(
            "A visitor of trees, in the style of the visitor design pattern. Classes implementing"
                + " this interface are used to operate on a tree when the kind of tree is unknown at"
                + " compile time.",
            "Annotation AnnotatedType ArrayAccess ArrayType Assert Assignment Binary Block Break Case"
                + " Catch Class CompilationUnit CompoundAssignment ConditionalExpression Continue"
                + " DoWhileLoop EmptyStatement EnhancedForLoop Erroneous ExpressionStatement ForLoop"
                + " Identifier If Import InstanceOf IntersectionType LabeledStatement Lambda Literal");
    String docTrees =
        visitor(
            "A visitor of documentation comment trees. When a visitor is passed to a tree's accept"
                + " method, the most applicable visit method is invoked; additional methods may be"
                + " added in future releases.",
            "Attribute Author Comment DeprecatedTree DocComment DocRoot DocType EndElement Entity"
                + " ErroneousTree Hidden IndexTree InheritDoc Link LiteralTree ParamTree Provides"
                + " Reference ReturnTree See SerialData SerialField Since StartElement Summary Text"
                + " Throws UnknownBlockTag UnknownInlineTag Uses Value Version SystemProperty");

    assertThat(SimHash.distance(SimHash.of(trees), SimHash.of(docTrees))).isGreaterThan(18);
  }

  @Test
  void aVerbatimCopyOfAPageHasTheSameHash() {
    assertThat(StubSite.parse("copy-of-faq.html").simhash())
        .isEqualTo(StubSite.parse("faq.html").simhash());
  }

  @Test
  void textWithoutWordsHashesToZeroAndShortTextsStillHash() {
    assertThat(SimHash.of("")).isZero();
    assertThat(SimHash.of(" — ... !")).isZero();
    assertThat(SimHash.of("hello")).isNotZero().isNotEqualTo(SimHash.of("world"));
    assertThat(SimHash.of("hello world")).isNotEqualTo(SimHash.of("world hello"));
  }

  @Test
  void textsWithWordsOfTheSameLengthsStillHashApart() {
    assertThat(SimHash.distance(SimHash.of("cat sat mat hat"), SimHash.of("dog ran far off")))
        .isGreaterThan(10);
  }

  @Test
  void threeWordsAreOneShingleAndHashAsTheirText() {
    assertThat(SimHash.of("one two three")).isNotZero()
        .isNotEqualTo(SimHash.of("one two four"))
        .isNotEqualTo(SimHash.of("two three"));
  }

  @Test
  void asciiLettersAndDigitsMakeWordsAndTheCharactersBesideThemSeparate() {
    long separated = SimHash.of("alpha beta gamma delta");
    for (char c : "`{@[/:".toCharArray()) {
      assertThat(SimHash.of("alpha" + c + "beta gamma delta")).as("'%s'", c).isEqualTo(separated);
    }
    for (char c : "azAZ09".toCharArray()) {
      assertThat(SimHash.of("alpha" + c + "beta gamma delta")).as("'%s'", c).isNotEqualTo(separated);
    }
    assertThat(SimHash.of("Apple Zebra")).isEqualTo(SimHash.of("apple zebra"));
  }

  @Test
  void wordsInOtherScriptsAreWordsAndTheirCaseDoesNotCount() {
    // Words of the same lengths, so only their letters tell them apart.
    long russian = SimHash.of("Привет мир, как дела");

    assertThat(russian).isNotZero().isEqualTo(SimHash.of("ПРИВЕТ МИР как ДЕЛА"));
    assertThat(SimHash.distance(russian, SimHash.of("Погода дом, где вода"))).isGreaterThan(10);
    assertThat(SimHash.of("École d’été à Genève")).isEqualTo(SimHash.of("école d’ÉTÉ à genève"));
  }

  @Test
  void distanceCountsDifferingBits() {
    assertThat(SimHash.distance(0L, -1L)).isEqualTo(64);
    assertThat(SimHash.distance(0b1010L, 0b0110L)).isEqualTo(2);
  }

  private static String visitor(String intro, String kinds) {
    StringBuilder text = new StringBuilder(intro);
    for (String kind : kinds.split(" ")) {
      text.append(" visit").append(kind).append(" Visits a ").append(kind)
          .append(" node. Parameters: node - the node being visited p - a parameter value")
          .append(" Returns: a result value");
    }
    return text.toString();
  }

  private static String longText() {
    StringBuilder text = new StringBuilder();
    for (String page : PAGES) {
      text.append(StubSite.parse(page).text()).append(' ');
    }
    return text.toString().trim();
  }
}
