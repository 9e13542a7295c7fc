package dev.sitepulse.crawler.search.internal.ranking;

import dev.sitepulse.crawler.index.ApiNames;
import dev.sitepulse.crawler.index.GlossaryTerms;
import dev.sitepulse.crawler.index.UrlNames;
import dev.sitepulse.crawler.search.internal.query.QueryWords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The page that defines a name the query types, as API docs write names, ranks first for it.
 * Sphinx, javadoc and rustdoc give each definition an element id of its name ({@code os.path.join},
 * {@code KeyError}), while the pages that only use the name are shorter: on the Python docs BM25
 * put the os.path page fourth for os.path.join, and the pathlib page nowhere in the top ten for
 * pathlib.Path. Only words shaped like such names count (dotted, with an underscore, or
 * camel-cased), and the ids of the modules Sphinx pages define: the other ids are mostly slugs of
 * headings, which the headings field weighs already. Among other words a definition adds to the
 * score; a query of one name also matches the pages that define it ({@link #isOneBareName}).
 *
 * <p>This class finds the names in the query and asks how the index knows them; what a page that
 * defines one weighs is {@link DefinitionQueries}', and which of them a hit links to
 * {@link DefinitionAnchors}'. Words joined into names are {@link JoinedRuns}.
 */
public final class DefinedNames {
  /** Of the Python docs' 527 pages, 5 define a dumps, 1 a getcwd, 63 a close. */
  private static final int MAX_LAST_PART_PAGES = 10;
  /** A pasted block of code names hundreds, each a clause more towards Lucene's limit. */
  static final int MAX_NAMES = 16;

  private DefinedNames() {}

  /**
   * Whether a query is one name and nothing else, so that it may match the pages that define it
   * as well as those that say it: not a word in a field ({@code title:socket} asks for titles).
   */
  static boolean isOneBareName(String query, List<String> names) {
    List<QueryWords.Word> words = QueryWords.of(query);
    return names.size() == 1 && words.size() == 1 && words.get(0).field() == null;
  }

  /**
   * The query's words that are names, lower-cased, at most {@value #MAX_NAMES}: required
   * ({@code +KeyError}), quoted, boosted, fuzzy, in a text field ({@code title:KeyError}) or a group
   * too; not excluded ones ({@code -Name}, {@code NOT Name}, {@code -(a Name)}, {@code -"a Name"}),
   * nor those of url:, host:, lang: or status:, which name no definitions. A query of one plain
   * word is a name as well: {@code socket} alone asks for the module (the index knows the modules
   * Sphinx pages define); in {@code socket timeout} it is only a word. So is a word written as
   * code calls it, before its arguments: {@code search(Query, int)}, {@code "commit()"} quoted (as
   * the syntax error for it says to).
   */
  static List<String> names(String query) {
    List<String> names = new ArrayList<>();
    List<QueryWords.Word> words = QueryWords.of(query);
    for (QueryWords.Word word : words) {
      boolean asTyped = word.kind() == QueryWords.Kind.PLAIN || word.kind() == QueryWords.Kind.FUZZY;
      if (!asTyped || word.excluded() || !word.inTextField()) {
        continue;
      }
      String name = word.text();
      int arguments = word.inPhrase() ? name.indexOf('(') : -1; // a phrase's word runs to a space
      boolean called = arguments > 0 || word.end() < query.length() && query.charAt(word.end()) == '(';
      name = arguments > 0 ? name.substring(0, arguments) : name;
      if (names.size() < MAX_NAMES
          && (ApiNames.isOne(name) || (called || words.size() == 1) && ApiNames.isIdentifier(name))) {
        names.add(name.toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  /**
   * {@code names}, then the names the query types with spaces for dots, as people type API names
   * into a search box ({@code os path join}, {@code asyncio gather}): each run of two to
   * {@value JoinedRuns#MAX_SPACED_PARTS} plain words that stand side by side (a {@code +} between them is
   * no gap), longest first, lower-cased, that some page {@code defines}; all at most
   * {@value #MAX_NAMES}. Asking the index first keeps a question's other runs (how.do, do.i…)
   * from taking the places of the name it holds, and leaves prose queries without a lookup.
   */
  static List<String> withSpacedNames(String query, List<String> names, Predicate<String> defines) {
    return JoinedRuns.withJoinedRuns(query, names, JoinedRuns.asItself(defines),
        parts -> List.<String[]>of(JoinedRuns.joints(parts, (1 << parts - 1) - 1)));
  }

  /**
   * {@code names}, then the names the query types with spaces for both a dot and the joint of a
   * camel-cased part, as {@link #withSpacedNames} finds them: {@code logging basic config} for
   * {@code logging.basicConfig}, {@code os path is file} for {@code os.path.isfile}. Runs of three
   * or four words, each way of putting a dot or nothing between them that has both.
   */
  static List<String> withPartlyRunTogetherNames(String query, List<String> names, Predicate<String> defines) {
    return JoinedRuns.withJoinedRuns(query, names, JoinedRuns.asItself(defines), JoinedRuns::mixedJoints);
  }

  /**
   * {@code names}, then the names the query types as words, run together as camel case runs a
   * name's words ({@code add days} for TypeDoc's {@code addDays}, {@code is instance} for
   * {@code isinstance}) or joined by underscores as snake case does ({@code call soon threadsafe}),
   * as {@link #withSpacedNames} finds them: each as itself where some page defines it, else as
   * its last part where a few do ({@link #asDefined}).
   *
   * @param pagesDefining how many pages define a name (lower-cased, as the index keeps names)
   */
  static List<String> withRunTogetherNames(String query, List<String> names, ToIntFunction<String> pagesDefining) {
    return JoinedRuns.withJoinedRuns(query, names, name -> asDefined(name, pagesDefining),
        parts -> List.of(JoinedRuns.joints(parts, 0), JoinedRuns.underscores(parts)));
  }

  /**
   * How the index knows {@code name}, words run together: as itself where some page defines it,
   * else as its last part ({@code .namedtuple}) where a few pages define a name that ends so
   * ({@code collections.namedtuple}), as a name typed alone is looked up ({@link #orLastParts});
   * else null.
   */
  static String asDefined(String name, ToIntFunction<String> pagesDefining) {
    return pagesDefining.applyAsInt(name) > 0 ? name : lastPartDefined(name, pagesDefining);
  }

  /** {@code name}'s last part, {@code .namedtuple}, where 1 to {@value #MAX_LAST_PART_PAGES} pages define a name ending so; else null. */
  static String lastPartDefined(String name, ToIntFunction<String> pagesDefining) {
    return isFew(pagesDefining.applyAsInt("." + name)) ? "." + name : null;
  }

  /**
   * The query run together, then joined by underscores, lower-cased, when it is nothing but two to
   * {@value JoinedRuns#MAX_SPACED_PARTS} plain words side by side ({@code switch map} → {@code switchmap},
   * {@code switch_map}), else empty. A page that defines one has every word of the query, as its
   * name runs them together: TypeDoc's switchMap page says "switch" nowhere else, and map's, whose
   * title has one of the two, came first.
   */
  static List<String> runTogether(String query) {
    List<String> words = JoinedRuns.wordsAlone(query);
    return words == null ? List.of()
        : List.of(String.join("", words).toLowerCase(Locale.ROOT), String.join("_", words).toLowerCase(Locale.ROOT));
  }

  /**
   * The query's words joined by dots, lower-cased, when it is nothing but two to
   * {@value JoinedRuns#MAX_SPACED_PARTS} plain words side by side ({@code net createServer} →
   * {@code net.createserver}), else null. A page that defines it has every word, as its name
   * joins them: Node.js's net page writes {@code net.createServer()}, one word to the index, and
   * never createServer alone, so http's and http2's pages, which say both words apart, came first.
   */
  static String dotted(String query) {
    List<String> words = JoinedRuns.wordsAlone(query);
    return words == null ? null : String.join(".", words).toLowerCase(Locale.ROOT);
  }

  /** Between a member's module and its own name, for a member typed without its class: {@code pathlib..glob}. */
  static final String ANY_PARTS = "..";

  /**
   * A query of two plain words ({@code pathlib glob}) as a module and the last part of a name it
   * defines, its class left out ({@code pathlib.Path.glob}), lower-cased: {@code pathlib..glob};
   * else null. No page defines it as such: {@link DefinitionQueries#ofMember} finds the pages, and
   * {@link #anchorIn} the definition.
   */
  static String member(String query) {
    List<String> words = JoinedRuns.wordsAlone(query);
    return words == null || words.size() != 2 ? null : (words.get(0) + ANY_PARTS + words.get(1)).toLowerCase(Locale.ROOT);
  }

  /** The module and the last part ({@code .glob}) a {@link #member} is looked up by, as the index keeps them. */
  static List<String> memberTerms(String member) {
    int at = member.indexOf(ANY_PARTS);
    return List.of(member.substring(0, at), member.substring(at + 1));
  }

  /**
   * The names such a query ({@link #runTogether}) makes with a dot between some of its words and
   * nothing between the others, lower-cased: {@code logging basic config} is also
   * {@code logging.basicconfig} and {@code loggingbasic.config}. A page that defines one has every
   * word as well: the logging page says "basicConfig", never "basic" and "config" apart, and eight
   * pages with all three words came before it. Empty for another query, and for two words.
   */
  static List<String> partlyRunTogether(String query) {
    List<String> words = JoinedRuns.wordsAlone(query);
    List<String> names = new ArrayList<>();
    if (words == null) {
      return names;
    }
    for (String[] joints : JoinedRuns.mixedJoints(words.size())) {
      StringBuilder name = new StringBuilder(words.get(0));
      for (int w = 1; w < words.size(); w++) {
        name.append(joints[w - 1]).append(words.get(w));
      }
      names.add(name.toString().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  /**
   * {@code names}, each name without dots that no page defines as itself but a few as the last
   * part of theirs replaced by that last part, {@code .getcwd}: a method typed alone, as people look
   * up {@code getcwd} or {@code dumps}, finds os.getcwd and json.dumps. A page that defines the
   * name itself keeps it: {@code open} is the built-in, not every {@code *.open}. A last part that
   * many pages define ({@code close}, {@code read}) says nothing of which one is meant. Before
   * those, a word that no page defines but a few pages' URLs name them by ({@code /fs} for
   * Node.js's {@code fs.html}, {@link UrlNames}) is those pages: the page named for the word is
   * about all of it, where a method of that name is one thing on its page. A word the site's
   * glossary explains ({@link GlossaryTerms}) is neither: it names a concept, which the pages that
   * explain it rank for by their text (the Python docs' C API pages came first for {@code function},
   * {@code module}, {@code iterator} and {@code sequence}, as {@code c-api/function.html} and the
   * like, and {@code email.generator} for {@code generator}).
   *
   * @param pagesDefining how many pages define a name (lower-cased, as the index keeps names)
   */
  static List<String> orLastParts(List<String> names, ToIntFunction<String> pagesDefining) {
    List<String> out = new ArrayList<>(names.size());
    for (String name : names) {
      String lastPart = "." + name;
      String urlName = UrlNames.PREFIX + name;
      boolean replaced = definesNothing(name, pagesDefining);
      int named = replaced ? pagesDefining.applyAsInt(urlName) : 0;
      int pages = replaced && named == 0 ? pagesDefining.applyAsInt(lastPart) : 0;
      out.add(isFew(named) ? urlName : isFew(pages) ? lastPart : name);
    }
    return out;
  }

  /**
   * The query's plain words, lower-cased, that {@link #orLastParts} would make a URL's name
   * ({@code faq} for the demo's faq.html): for each, the pages so named match the word in any
   * query, as they match it typed alone. Not a word in a field or a phrase, which asks for the
   * text as written, nor an excluded one; at most {@value #MAX_NAMES}.
   */
  static Set<String> urlNamedWords(String query, ToIntFunction<String> pagesDefining) {
    Set<String> named = new HashSet<>();
    Set<String> lookedUp = new HashSet<>(); // a word pasted many times is looked up once
    for (QueryWords.Word word : QueryWords.of(query)) {
      String name = word.text().toLowerCase(Locale.ROOT);
      if (word.kind() == QueryWords.Kind.PLAIN && word.field() == null && !word.inPhrase() && !word.excluded()
          && named.size() < MAX_NAMES && lookedUp.add(name) && definesNothing(name, pagesDefining)
          && isFew(pagesDefining.applyAsInt(UrlNames.PREFIX + name))) {
        named.add(name);
      }
    }
    return named;
  }

  /**
   * Whether no page defines {@code name}, one part, nor explains it in a glossary: a word that a
   * page named for it or defining it as a last part may stand for ({@link #orLastParts}).
   */
  private static boolean definesNothing(String name, ToIntFunction<String> pagesDefining) {
    String entry = GlossaryTerms.ofQuery(name);
    return name.indexOf('.') < 0 && pagesDefining.applyAsInt(name) == 0
        && (entry == null || pagesDefining.applyAsInt(entry) == 0);
  }

  /** Whether 1 to {@value #MAX_LAST_PART_PAGES} pages: few enough that the word says which. */
  private static boolean isFew(int pages) {
    return pages > 0 && pages <= MAX_LAST_PART_PAGES;
  }

  /**
   * The key of the glossary entry ({@link GlossaryTerms}) whose term the query is, when a page has
   * one: {@code ?decorator} for {@code decorator}; else null. Among {@link DefinitionQueries#of}'s names it weighs
   * half a title match, as a last part does: an entry explains the word in a few lines, and a
   * page that defines it, or whose title it is, comes first (PostgreSQL's VACUUM).
   */
  static String glossaryEntry(String query, Predicate<String> defines) {
    String key = GlossaryTerms.ofQuery(query);
    return key != null && defines.test(key) ? key : null;
  }

  /**
   * The id, as the page writes it, of the first of {@code names} it defines, those of more parts
   * first ({@link DefinitionAnchors#in}); null when it defines none.
   *
   * @param defined the page's definitions, one per line ({@code HitFields#definedNames})
   */
  public static String anchorIn(String defined, List<String> names) {
    return DefinitionAnchors.in(defined, names);
  }

  /** A name's last part as the index keeps it, {@code .getcwd}, from {@link #orLastParts}. */
  static boolean isLastPart(String name) {
    return name.charAt(0) == '.';
  }
}
