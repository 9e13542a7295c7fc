package dev.sitepulse.crawler.search.internal.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.index.UrlNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class DefinedNamesTest {
  /** An index where every name is defined somewhere. */
  private static final Predicate<String> ANY = name -> true;

  @Test
  void onlyWordsShapedLikeApiNamesAreLookedUpAmongTheIds() {
    assertThat(DefinedNames.names("figures circle area")).isEmpty();
    assertThat(DefinedNames.names("->")).isEmpty();
    assertThat(DefinedNames.names("shapes.Circle.area circle")).containsExactly("shapes.circle.area");
  }

  @Test
  void aQueryOfOnePlainWordIsLookedUpAsAModuleButNotAmongOtherWords() {
    assertThat(DefinedNames.names("socket")).containsExactly("socket");
    assertThat(DefinedNames.names("socket timeout")).isEmpty();
  }

  @Test
  void aWordWrittenBeforeItsArgumentsIsANameAmongOtherWords() {
    assertThat(DefinedNames.names("search(Query, int)")).containsExactly("search");
    assertThat(DefinedNames.names("\"commit()\" writer")).containsExactly("commit");
    assertThat(DefinedNames.names("\"str.format() method\"")).containsExactly("str.format");
    assertThat(DefinedNames.names("search (Query OR int)")).as("a group after a space").isEmpty();
    assertThat(DefinedNames.names("\"(not a call)\"")).isEmpty();
  }

  @Test
  void aWordInAFieldThatNamesNoDefinitionIsNotLookedUpAndAFieldedNameMatchesNoMore() {
    assertThat(DefinedNames.names("host:docs")).isEmpty();
    assertThat(DefinedNames.names("url:os.path")).isEmpty();
    assertThat(DefinedNames.names("title:socket")).containsExactly("socket");
    assertThat(DefinedNames.isOneBareName("title:socket", DefinedNames.names("title:socket"))).isFalse();
    assertThat(DefinedNames.isOneBareName("socket", DefinedNames.names("socket"))).isTrue();
  }

  @Test
  void namesExcludedByNotOrInAnExcludedGroupAreNotLookedUp() {
    assertThat(DefinedNames.names("NOT KeyError")).isEmpty();
    assertThat(DefinedNames.names("foo NOT KeyError ValueError")).containsExactly("valueerror");
    assertThat(DefinedNames.names("-(a KeyError) NOT (b OSError) ValueError")).containsExactly("valueerror");
  }

  @Test
  void aQuotedBoostedOrFuzzyNameIsStillAName() {
    assertThat(DefinedNames.names("\"os.path.join\" os.path.exists^2 KeyError~")).containsExactly("os.path.join",
        "os.path.exists", "keyerror");
    assertThat(DefinedNames.isOneBareName("\"os.path.join\"", DefinedNames.names("\"os.path.join\""))).isTrue();
  }

  @Test
  void aNameAfterARangeWithAnInclusiveStartAndAnExclusiveEndIsStillAName() {
    assertThat(DefinedNames.names("fetched_at:{0 TO 9999999999999] os.path.join")).containsExactly("os.path.join");
  }

  @Test
  void aWordTypedManyTimesIsLookedUpAsAURLsNameOnce() {
    List<String> once = new ArrayList<>();
    List<String> many = new ArrayList<>();
    ToIntFunction<String> faqPage = name -> name.equals(UrlNames.PREFIX + "faq") ? 1 : 0;

    Set<String> alone = DefinedNames.urlNamedWords("faq", name -> {
      once.add(name);
      return faqPage.applyAsInt(name);
    });
    Set<String> pasted = DefinedNames.urlNamedWords("faq FAQ faq ".repeat(1_000), name -> {
      many.add(name);
      return faqPage.applyAsInt(name);
    });

    assertThat(pasted).isEqualTo(alone).containsExactly("faq");
    assertThat(many).isEqualTo(once);
  }

  @Test
  void twoWordsOnTwoLinesAreNoOneName() {
    assertThat(DefinedNames.isOneBareName("alpha\nValueError", DefinedNames.names("alpha\nValueError"))).isFalse();
  }

  @Test
  void requiredGroupedAndFieldNamesAreLookedUpButExcludedOnesAreNot() {
    assertThat(DefinedNames.names("+KeyError (OSError OR x) title:lru_cache -ValueError !IOError"))
        .containsExactly("keyerror", "oserror", "lru_cache");
  }

  @Test
  void theNamesInAnExcludedPhraseAreNotLookedUp() {
    assertThat(DefinedNames.names("KeyError -\"see os.path.join\"")).containsExactly("keyerror");
    assertThat(DefinedNames.names("KeyError NOT \"see os.path.join\"")).containsExactly("keyerror");
  }

  @Test
  void aFieldBeforeAGroupAppliesToEveryWordInIt() {
    assertThat(DefinedNames.names("host:(docs.python.org peps.python.org)")).isEmpty();
  }

  @Test
  void anExclusionOrAFieldFollowedByASpaceStillAppliesToTheNextWord() {
    assertThat(DefinedNames.names("KeyError - ValueError")).containsExactly("keyerror");
    assertThat(DefinedNames.names("url: os.path.join")).isEmpty();
  }

  @Test
  void aPastedBlockOfNamesIsLookedUpByItsFirstSixteen() {
    StringBuilder query = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      query.append("mod.name").append((char) ('a' + i)).append(' ');
    }

    assertThat(DefinedNames.names(query.toString())).hasSize(16).startsWith("mod.nameb").endsWith("mod.nameq");
  }

  @Test
  void wordsSideBySideAreAlsoLookedUpJoinedByDotsLongestRunFirst() {
    assertThat(DefinedNames.withSpacedNames("os path join", List.of(), ANY))
        .containsExactly("os.path.join", "os.path", "path.join");
    assertThat(DefinedNames.withSpacedNames("Asyncio Gather", List.of(), ANY)).containsExactly("asyncio.gather");
    assertThat(DefinedNames.withSpacedNames("os.path join KeyError", DefinedNames.names("os.path join KeyError"), ANY))
        .as("typed names first").containsExactly("os.path", "keyerror", "os.path.join.keyerror", "os.path.join",
            "join.keyerror");
    assertThat(DefinedNames.withSpacedNames("a b c d e", List.of(), ANY))
        .as("four parts at most").startsWith("a.b.c.d", "a.b.c", "a.b", "b.c.d.e").doesNotContain("a.b.c.d.e");
  }

  @Test
  void wordsSideBySideAreAlsoLookedUpRunTogetherAsCamelCaseRunsThem() {
    assertThat(DefinedNames.withRunTogetherNames("the difference in days", List.of(),
        pagesDefining(Map.of("differenceindays", 1)))).containsExactly("differenceindays");
    assertThat(DefinedNames.withRunTogetherNames("add days", List.of("os.path"), name -> 1))
        .containsExactly("os.path", "adddays", "add_days");
    assertThat(DefinedNames.withRunTogetherNames("list comprehension", List.of(), name -> 0)).isEmpty();
    assertThat(DefinedNames.withRunTogetherNames("add AND days", List.of(), name -> 1)).isEmpty();
  }

  @Test
  void wordsSideBySideAreAlsoLookedUpJoinedByUnderscoresAndAsTheLastPartOfTheNamesAFewPagesDefine() {
    // Sphinx's asyncio.loop.call_soon_threadsafe and collections.namedtuple: the index has their last parts.
    ToIntFunction<String> pages = pagesDefining(Map.of(".call_soon_threadsafe", 1, ".namedtuple", 2, ".read_file", 11));
    assertThat(DefinedNames.withRunTogetherNames("how to call soon threadsafe", List.of(), pages))
        .containsExactly(".call_soon_threadsafe");
    assertThat(DefinedNames.withRunTogetherNames("named tuple", List.of(), pages)).containsExactly(".namedtuple");
    assertThat(DefinedNames.withRunTogetherNames("read file", List.of(), pages))
        .as("a last part that many pages define says nothing of which is meant").isEmpty();
    assertThat(DefinedNames.withRunTogetherNames("named tuple", List.of(),
        pagesDefining(Map.of("namedtuple", 1, ".namedtuple", 2)))).as("a name defined whole is itself").containsExactly("namedtuple");
  }

  @Test
  void aNameRunTogetherIsItselfWhereDefinedElseItsLastPartWhereAFewPagesDefineIt() {
    assertThat(DefinedNames.asDefined("isinstance", pagesDefining(Map.of("isinstance", 1, ".isinstance", 3))))
        .isEqualTo("isinstance");
    assertThat(DefinedNames.asDefined("defaultdict", pagesDefining(Map.of(".defaultdict", 1)))).isEqualTo(".defaultdict");
    assertThat(DefinedNames.asDefined("close", pagesDefining(Map.of(".close", 63)))).isNull();
    assertThat(DefinedNames.lastPartDefined("defaultdict", pagesDefining(Map.of("defaultdict", 1)))).isNull();
  }

  private static ToIntFunction<String> pagesDefining(Map<String, Integer> pages) {
    return name -> pages.getOrDefault(name, 0);
  }

  @Test
  void wordsSideBySideAreAlsoLookedUpWithDotsBetweenSomeAndRunTogetherBetweenOthers() {
    assertThat(DefinedNames.withPartlyRunTogetherNames("logging basic config", List.of(), ANY))
        .containsExactly("logging.basicconfig", "loggingbasic.config");
    assertThat(DefinedNames.withPartlyRunTogetherNames("how is os path is file", List.of("x.y"),
        "os.path.isfile"::equals)).containsExactly("x.y", "os.path.isfile");
    assertThat(DefinedNames.withPartlyRunTogetherNames("basic config", List.of(), ANY))
        .as("two words are all dots or run together").isEmpty();
  }

  @Test
  void aQueryOfPlainWordsAloneIsAlsoItsNamesPartlyRunTogether() {
    assertThat(DefinedNames.partlyRunTogether("logging basic Config"))
        .containsExactly("logging.basicconfig", "loggingbasic.config");
    assertThat(DefinedNames.partlyRunTogether("a b c d")).hasSize(6).doesNotContain("a.b.c.d", "abcd")
        .contains("a.bc.d", "ab.cd");
    assertThat(DefinedNames.partlyRunTogether("switch map")).isEmpty();
    assertThat(DefinedNames.partlyRunTogether("logging -basic config")).isEmpty();
  }

  @Test
  void aQueryOfPlainWordsSideBySideAloneRunsTogether() {
    assertThat(DefinedNames.runTogether("difference in Days")).containsExactly("differenceindays", "difference_in_days");
    assertThat(DefinedNames.runTogether("switch map")).containsExactly("switchmap", "switch_map");
    assertThat(DefinedNames.runTogether("switchMap")).as("one word").isEmpty();
    assertThat(DefinedNames.runTogether("a b c d e")).as("five words").isEmpty();
    assertThat(DefinedNames.runTogether("switch -map")).isEmpty();
    assertThat(DefinedNames.runTogether("\"switch map\"")).isEmpty();
    assertThat(DefinedNames.runTogether("title:switch map")).isEmpty();
    assertThat(DefinedNames.runTogether("os.path join")).as("a dotted name runs no further").isEmpty();
  }

  @Test
  void wordsApartOrMarkedAreNotJoined() {
    assertThat(DefinedNames.withSpacedNames("socket", List.of(), ANY)).isEmpty();
    assertThat(DefinedNames.withSpacedNames("os AND path", List.of(), ANY)).as("an operator stands between").isEmpty();
    assertThat(DefinedNames.withSpacedNames("os^2 path", List.of(), ANY)).isEmpty();
    assertThat(DefinedNames.withSpacedNames("os (path join)", List.of(), ANY)).containsExactly("path.join");
    assertThat(DefinedNames.withSpacedNames("-os path join", List.of(), ANY)).containsExactly("path.join");
    assertThat(DefinedNames.withSpacedNames("title:os path join", List.of(), ANY)).containsExactly("path.join");
    assertThat(DefinedNames.withSpacedNames("\"os path\" join", List.of(), ANY)).isEmpty();
    assertThat(DefinedNames.withSpacedNames("os pa* join", List.of(), ANY)).isEmpty();
    assertThat(DefinedNames.withSpacedNames("os 3 join", List.of(), ANY)).as("a number is no name's part").isEmpty();
  }

  @Test
  void onlyJoinedNamesSomePageDefinesAreKeptSoFillerWordsTakeNoPlace() {
    assertThat(DefinedNames.withSpacedNames("how do i call the os path join function", List.of(),
        "os.path.join"::equals)).containsExactly("os.path.join");
    assertThat(DefinedNames.withSpacedNames("list comprehension", List.of(), name -> false)).isEmpty();
  }

  @Test
  void requiredWordsSideBySideAreJoinedToo() {
    assertThat(DefinedNames.withSpacedNames("+os +path join", List.of(), ANY))
        .containsExactly("os.path.join", "os.path", "path.join");
  }

  @Test
  void joinedNamesCountTowardsTheSixteenLookedUp() {
    assertThat(DefinedNames.withSpacedNames("a b c d e f g h i j", List.of("x.y"), ANY)).hasSize(16).startsWith("x.y");
  }

  @Test
  void theAnchorIsTheIdAsThePageWritesItForTheFirstNameItDefines() {
    String defined = "os.path.basename\nos.path.join";

    assertThat(DefinedNames.anchorIn(defined, List.of("sys.argv", "os.path.join")))
        .isEqualTo("os.path.join");
    assertThat(DefinedNames.anchorIn(defined, List.of("sys.argv"))).isNull();
    assertThat(DefinedNames.anchorIn("os.path.walk", List.of("os.path.join"))).as("as long, not it").isNull();
    assertThat(DefinedNames.anchorIn("", List.of("os.path.join"))).isNull();
    assertThat(DefinedNames.anchorIn("datetime.datetime.strftime", List.of("datetime.strftime")))
        .as("a tail").isEqualTo("datetime.datetime.strftime");
    assertThat(DefinedNames.anchorIn("datetime.datetime.strftime", List.of("time.strftime")))
        .as("a tail is whole parts").isNull();
    assertThat(DefinedNames.anchorIn("bytearray.join\nstr.join", List.of("join")))
        .as("a plain word has no tail to link").isNull();
    assertThat(DefinedNames.anchorIn("json.JSONEncoder.dumps\njson.dumps", List.of(".dumps")))
        .as("a last part: the shortest id that ends with it").isEqualTo("json.dumps");
    assertThat(DefinedNames.anchorIn("socket.socket", List.of("socket"))).as("the module, not its class").isNull();
    assertThat(DefinedNames.anchorIn("IndexWriter.commit\tcommit()\ncommit\tcommit()", List.of("indexwriter.commit")))
        .as("javadoc's name, tab, id").isEqualTo("commit()");
    assertThat(DefinedNames.anchorIn("Writer.DocStats.size\tsize()", List.of("docstats.size"))).isEqualTo("size()");
    assertThat(DefinedNames.anchorIn("commit\tcommit()", List.of("rollback"))).isNull();
    assertThat(DefinedNames.anchorIn("search\tsearch(java.util.List,Weight)\nsearch\tsearch(Query)", List.of("search")))
        .as("of overloads, the shortest id").isEqualTo("search(Query)");
    assertThat(DefinedNames.anchorIn("filehandle.readFile\tfilehandlereadfileoptions\nfs.readFile\tfsreadfilepath-options-callback",
        List.of(".readfile", "fs.readfile"))).as("the name in full before a last part").isEqualTo("fsreadfilepath-options-callback");
  }

  @Test
  void aNameNoPageDefinesAsItselfIsLookedUpAsTheLastPartOfThoseTheyDefine() {
    java.util.Map<String, Integer> pages = java.util.Map.of("open", 1, ".open", 3, ".getcwd", 1, "os.getcwd", 1,
        ".close", 63);

    assertThat(DefinedNames.orLastParts(List.of("getcwd", "open", "os.getcwd", "nothing", "close"),
        name -> pages.getOrDefault(name, 0)))
        .as("a last part that many pages define is no help").containsExactly(".getcwd", "open", "os.getcwd", "nothing", "close");
  }
}
