package dev.sitepulse.crawler.search;

import dev.sitepulse.crawler.index.ApiNames;
import dev.sitepulse.crawler.index.GlossaryTerms;
import dev.sitepulse.crawler.index.ItemDepth;
import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.index.PrefixedNames;
import dev.sitepulse.crawler.index.UrlNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The page that defines a name the query types, as API docs write names, ranks first for it.
 * Sphinx, javadoc and rustdoc give each definition an element id of its name ({@code os.path.join},
 * {@code KeyError}), while the pages that only use the name are shorter: on the Python docs BM25
 * put the os.path page fourth for os.path.join, and the pathlib page nowhere in the top ten for
 * pathlib.Path. Only words shaped like such names count (dotted, with an underscore, or
 * camel-cased), and the ids of the modules Sphinx pages define: the other ids are mostly slugs of
 * headings, which the headings field weighs already. Among other words a definition adds to the
 * score; a query of one name also matches the pages that define it ({@link #isOneBareName}).
 */
final class DefinedNames {
  /** A definition weighs as a title match does: the page is about the name. */
  private static final float BOOST = 3f;
  /**
   * A name that an id spells after a prefix ({@link PrefixedNames}: the 2to3 fixer
   * {@code to3fixer-print}) weighs as a heading match where some page defines it by an id that is
   * the name alone, the built-in {@code print}, which is its definition; and yet first among pages
   * that only say it. Where no page does (DocBook's {@code GUC-WORK-MEM}, Sphinx's
   * {@code envvar-PYTHONPATH}), the prefixed id is the definition, and weighs as one.
   */
  private static final float PREFIXED_BOOST = 2f;
  /**
   * A query of one name and nothing else asks for its definition, which then weighs a third more
   * than a title match: a title may have the word for another thing that stems alike, and with
   * its headings and text came first, as c-api's "Mapping Protocol" did for {@code map},
   * hashlib's "Secure hashes" for {@code hash} and "Editors and IDEs" for {@code id}. Not where the
   * site has a page of its own on the word ({@link PagesOnAWord}: "History and License" for
   * {@code license}), which is what the query asks for as much as a definition.
   */
  private static final float ONE_NAME_BOOST = 4f;
  /** A name typed alone that pages define as the last part of theirs: os.getcwd for getcwd. */
  private static final float LAST_PART_BOOST = 1.5f;
  /** Of the Python docs' 527 pages, 5 define a dumps, 1 a getcwd, 63 a close. */
  private static final int MAX_LAST_PART_PAGES = 10;
  /** A pasted block of code names hundreds, each a clause more towards Lucene's limit. */
  private static final int MAX_NAMES = 16;

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

  /** The longest run of words {@link #withSpacedNames} joins: a.b.c.d is deep for an API name. */
  private static final int MAX_SPACED_PARTS = 4;

  /** Words a query is searched for spaced names in: a pasted page must not cost a lookup per run. */
  private static final int MAX_SPACED_WORDS = 64;

  /**
   * {@code names}, then the names the query types with spaces for dots, as people type API names
   * into a search box ({@code os path join}, {@code asyncio gather}): each run of two to
   * {@value #MAX_SPACED_PARTS} plain words that stand side by side (a {@code +} between them is
   * no gap), longest first, lower-cased, that some page {@code defines}; all at most
   * {@value #MAX_NAMES}. Asking the index first keeps a question's other runs (how.do, do.i…)
   * from taking the places of the name it holds, and leaves prose queries without a lookup.
   */
  static List<String> withSpacedNames(String query, List<String> names, Predicate<String> defines) {
    return withJoinedRuns(query, names, asItself(defines), parts -> List.<String[]>of(joints(parts, (1 << parts - 1) - 1)));
  }

  /**
   * {@code names}, then the names the query types with spaces for both a dot and the joint of a
   * camel-cased part, as {@link #withSpacedNames} finds them: {@code logging basic config} for
   * {@code logging.basicConfig}, {@code os path is file} for {@code os.path.isfile}. Runs of three
   * or four words, each way of putting a dot or nothing between them that has both.
   */
  static List<String> withPartlyRunTogetherNames(String query, List<String> names, Predicate<String> defines) {
    return withJoinedRuns(query, names, asItself(defines), DefinedNames::mixedJoints);
  }

  /**
   * Each way to put a dot or nothing between {@code parts} words that has both, more dots first,
   * then dots after earlier words first: {@code os.path.isfile} before {@code os.pathis.file}.
   */
  private static List<String[]> mixedJoints(int parts) {
    List<Integer> ways = new ArrayList<>();
    int all = (1 << parts - 1) - 1; // bit i set: a dot after word i
    for (int dots = 1; dots < all; dots++) {
      ways.add(dots);
    }
    ways.sort(Comparator.comparingInt((Integer dots) -> -Integer.bitCount(dots)).thenComparingInt(dots -> dots));
    List<String[]> mixed = new ArrayList<>(ways.size());
    for (int dots : ways) {
      mixed.add(joints(parts, dots));
    }
    return mixed;
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
    return withJoinedRuns(query, names, name -> asDefined(name, pagesDefining),
        parts -> List.of(joints(parts, 0), underscores(parts)));
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
    int pages = pagesDefining.applyAsInt("." + name);
    return pages > 0 && pages <= MAX_LAST_PART_PAGES ? "." + name : null;
  }

  /** {@code defines} as a lookup that gives a name some page defines, else null. */
  private static UnaryOperator<String> asItself(Predicate<String> defines) {
    return name -> defines.test(name) ? name : null;
  }

  /** What stands between each of {@code parts} words: a dot where {@code dots} has bit i set, after word i. */
  private static String[] joints(int parts, int dots) {
    String[] joints = new String[parts - 1];
    for (int i = 0; i < joints.length; i++) {
      joints[i] = (dots & 1 << i) != 0 ? "." : "";
    }
    return joints;
  }

  /** An underscore between each of {@code parts} words, as snake case joins a name's words. */
  private static String[] underscores(int parts) {
    String[] joints = new String[parts - 1];
    Arrays.fill(joints, "_");
    return joints;
  }

  /**
   * The query run together, then joined by underscores, lower-cased, when it is nothing but two to
   * {@value #MAX_SPACED_PARTS} plain words side by side ({@code switch map} → {@code switchmap},
   * {@code switch_map}), else empty. A page that defines one has every word of the query, as its
   * name runs them together: TypeDoc's switchMap page says "switch" nowhere else, and map's, whose
   * title has one of the two, came first.
   */
  static List<String> runTogether(String query) {
    List<String> words = wordsAlone(query);
    return words == null ? List.of()
        : List.of(String.join("", words).toLowerCase(Locale.ROOT), String.join("_", words).toLowerCase(Locale.ROOT));
  }

  /**
   * The query's words joined by dots, lower-cased, when it is nothing but two to
   * {@value #MAX_SPACED_PARTS} plain words side by side ({@code net createServer} →
   * {@code net.createserver}), else null. A page that defines it has every word, as its name
   * joins them: Node.js's net page writes {@code net.createServer()}, one word to the index, and
   * never createServer alone, so http's and http2's pages, which say both words apart, came first.
   */
  static String dotted(String query) {
    List<String> words = wordsAlone(query);
    return words == null ? null : String.join(".", words).toLowerCase(Locale.ROOT);
  }

  /** Between a member's module and its own name, for a member typed without its class: {@code pathlib..glob}. */
  private static final String ANY_PARTS = "..";

  /**
   * A query of two plain words ({@code pathlib glob}) as a module and the last part of a name it
   * defines, its class left out ({@code pathlib.Path.glob}), lower-cased: {@code pathlib..glob};
   * else null. No page defines it as such: {@link #ofMember} finds the pages, and
   * {@link #anchorIn} the definition.
   */
  static String member(String query) {
    List<String> words = wordsAlone(query);
    return words == null || words.size() != 2 ? null : (words.get(0) + ANY_PARTS + words.get(1)).toLowerCase(Locale.ROOT);
  }

  /** The module and the last part ({@code .glob}) a {@link #member} is looked up by, as the index keeps them. */
  static List<String> memberTerms(String member) {
    int at = member.indexOf(ANY_PARTS);
    return List.of(member.substring(0, at), member.substring(at + 1));
  }

  /**
   * Pages that define both a {@link #member}'s module and a name ending in its last part,
   * weighed as a title match of each word: pathlib's page, which defines pathlib and
   * pathlib.Path.glob. It has every word, as a whole name joined by dots ({@link #dotted}) does.
   */
  static Query ofMember(String member, Predicate<String> definedWhole) {
    List<String> terms = memberTerms(member);
    return new BooleanQuery.Builder()
        .add(ofRunTogether(terms.get(1), 2, definedWhole), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(PageFields.ANCHORS, terms.get(0))), BooleanClause.Occur.FILTER)
        .build();
  }

  /**
   * The names such a query ({@link #runTogether}) makes with a dot between some of its words and
   * nothing between the others, lower-cased: {@code logging basic config} is also
   * {@code logging.basicconfig} and {@code loggingbasic.config}. A page that defines one has every
   * word as well: the logging page says "basicConfig", never "basic" and "config" apart, and eight
   * pages with all three words came before it. Empty for another query, and for two words.
   */
  static List<String> partlyRunTogether(String query) {
    List<String> words = wordsAlone(query);
    List<String> names = new ArrayList<>();
    if (words == null) {
      return names;
    }
    for (String[] joints : mixedJoints(words.size())) {
      StringBuilder name = new StringBuilder(words.get(0));
      for (int w = 1; w < words.size(); w++) {
        name.append(joints[w - 1]).append(words.get(w));
      }
      names.add(name.toString().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  /** The query's words when it is nothing but two to {@value #MAX_SPACED_PARTS} plain words side by side, else null. */
  private static List<String> wordsAlone(String query) {
    List<QueryWords.Word> words = QueryWords.of(query);
    if (words.size() < 2 || words.size() > MAX_SPACED_PARTS || !query.substring(0, words.get(0).start()).isBlank()
        || !query.substring(words.get(words.size() - 1).end()).isBlank()) {
      return null;
    }
    List<String> texts = new ArrayList<>(words.size());
    for (int w = 0; w < words.size(); w++) {
      QueryWords.Word word = words.get(w);
      if (!joinable(word) || word.text().indexOf('.') >= 0
          || w > 0 && !isGap(query.substring(words.get(w - 1).end(), word.start()))) {
        return null;
      }
      texts.add(word.text());
    }
    return texts;
  }

  /**
   * Pages that define the name, weighed as a title match of each of its {@code words}.
   *
   * @param definedWhole whether some page defines a name by an id that is the name itself, not
   *     only after a prefix ({@link #PREFIXED_BOOST})
   */
  static Query ofRunTogether(String name, int words, Predicate<String> definedWhole) {
    return defining(name, (isLastPart(name) ? LAST_PART_BOOST : BOOST) * words, PREFIXED_BOOST * words, definedWhole);
  }

  /**
   * Pages that define {@code name} under an id of it, weighed {@code boost}, or under an id that
   * spells it after a prefix, weighed {@code prefixedBoost} where some page {@code definedWhole},
   * else {@code boost}; a page has one of the two terms at most. An index written before
   * {@link PrefixedNames} has the first alone.
   */
  private static Query defining(String name, float boost, float prefixedBoost, Predicate<String> definedWhole) {
    Query whole = new BoostQuery(new TermQuery(new Term(PageFields.ANCHORS, name)), boost);
    String prefixed = PrefixedNames.term(name);
    if (prefixed == null) {
      return whole;
    }
    Query afterPrefix = new TermQuery(new Term(PageFields.ANCHORS, prefixed));
    return new BooleanQuery.Builder()
        .add(whole, BooleanClause.Occur.SHOULD)
        .add(new BoostQuery(afterPrefix, definedWhole.test(name) ? prefixedBoost : boost), BooleanClause.Occur.SHOULD)
        .build();
  }

  /**
   * @param asDefined a name as the index knows it, where some page defines it, else null
   * @param jointsOf for a run of that many words, each way to join them to look up, in order
   */
  private static List<String> withJoinedRuns(
      String query, List<String> names, UnaryOperator<String> asDefined, IntFunction<List<String[]>> jointsOf) {
    List<String> out = new ArrayList<>(names);
    List<QueryWords.Word> words = QueryWords.of(query);
    for (int first = 0; first < Math.min(words.size(), MAX_SPACED_WORDS) && out.size() < MAX_NAMES; first++) {
      if (!joinable(words.get(first))) {
        continue;
      }
      int end = first + 1; // the run from first: words[first, end) stand side by side
      while (end < words.size() && end - first < MAX_SPACED_PARTS && joinable(words.get(end))
          && isGap(query.substring(words.get(end - 1).end(), words.get(end).start()))) {
        end++;
      }
      for (int last = end; last - first >= 2; last--) {
        for (String[] joints : jointsOf.apply(last - first)) {
          StringBuilder name = new StringBuilder(words.get(first).text());
          for (int w = first + 1; w < last; w++) {
            name.append(joints[w - first - 1]).append(words.get(w).text());
          }
          String defined = out.size() < MAX_NAMES ? asDefined.apply(name.toString().toLowerCase(Locale.ROOT)) : null;
          if (defined != null && !out.contains(defined)) {
            out.add(defined);
          }
        }
      }
    }
    return out;
  }

  /** White space, and the + of a required word ({@code +os +path}): nothing that parts two words. */
  private static boolean isGap(String between) {
    for (int i = 0; i < between.length(); i++) {
      char c = between.charAt(i);
      if (c != '+' && !Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean joinable(QueryWords.Word word) {
    return word.kind() == QueryWords.Kind.PLAIN && word.field() == null && !word.inPhrase() && !word.excluded()
        && ApiNames.isIdentifier(word.text());
  }

  /**
   * The names as words of the body, for the snippet: the analyzer keeps {@code asyncio.gather}
   * one word, so a query of {@code asyncio gather} marked every asyncio but never the definition
   * it links to. Null when there are none.
   */
  static Query inBody(List<String> names, Analyzer analyzer) throws IOException {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    boolean any = false;
    for (String name : names) {
      try (TokenStream tokens = analyzer.tokenStream(PageFields.BODY, name)) {
        CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
        tokens.reset();
        String only = tokens.incrementToken() ? term.toString() : null;
        if (only != null && !tokens.incrementToken()) {
          words.add(new TermQuery(new Term(PageFields.BODY, only)), BooleanClause.Occur.SHOULD);
          any = true;
        }
        tokens.end();
      }
    }
    return any ? words.build() : null;
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
      String entry = GlossaryTerms.ofQuery(name);
      boolean replaced = name.indexOf('.') < 0 && pagesDefining.applyAsInt(name) == 0
          && (entry == null || pagesDefining.applyAsInt(entry) == 0);
      int named = replaced ? pagesDefining.applyAsInt(urlName) : 0;
      int pages = replaced && named == 0 ? pagesDefining.applyAsInt(lastPart) : 0;
      out.add(named > 0 && named <= MAX_LAST_PART_PAGES ? urlName
          : pages > 0 && pages <= MAX_LAST_PART_PAGES ? lastPart : name);
    }
    return out;
  }

  /**
   * The pages whose rustdoc item is named as the query's one word, in its case, at the shortest
   * path any has, weighed as a title match ({@link ItemDepth}): of the modules named fs, std::fs
   * rather than std::os::unix::fs; {@code Vec} the struct, not the module vec. Null for a name no
   * item has, and for a dotted name.
   */
  static Query shallowestItems(String query, UnaryOperator<String> firstDefinedStartingWith) {
    List<QueryWords.Word> words = QueryWords.of(query);
    String name = words.size() == 1 ? words.get(0).text() : "";
    if (!ApiNames.isIdentifier(name) || name.indexOf('.') >= 0) {
      return null;
    }
    String shallowest = firstDefinedStartingWith.apply(ItemDepth.prefix(name)); // fs@2 sorts before fs@4
    return shallowest == null ? null : new BoostQuery(new TermQuery(new Term(PageFields.ANCHORS, shallowest)), BOOST);
  }

  /**
   * The key of the glossary entry ({@link GlossaryTerms}) whose term the query is, when a page has
   * one: {@code ?decorator} for {@code decorator}; else null. Among {@link #of}'s names it weighs
   * half a title match, as a last part does: an entry explains the word in a few lines, and a
   * page that defines it, or whose title it is, comes first (PostgreSQL's VACUUM).
   */
  static String glossaryEntry(String query, Predicate<String> defines) {
    String key = GlossaryTerms.ofQuery(query);
    return key != null && defines.test(key) ? key : null;
  }

  /**
   * Boosts pages with an id that is one of {@code names}, and less those with an id that spells it
   * after a prefix ({@link #PREFIXED_BOOST}); a last part ({@code .getcwd}) half as much, as a page
   * defining it may be about something else (imaplib's IMAP4.sort for sort), and so a glossary's
   * entry ({@link #glossaryEntry}).
   * Null when there are none.
   */
  static Query of(List<String> names, Predicate<String> definedWhole) {
    return of(names, name -> BOOST, definedWhole);
  }

  /**
   * {@link #of} for a query that is one name and nothing else ({@link #isOneBareName}), where a
   * name as typed weighs {@link #ONE_NAME_BOOST}, or a title match where the site has a page of its
   * own on it.
   *
   * @param pageOnIt whether the site has a page of its own on a name ({@link PagesOnAWord}), asked
   *     only of a name as typed
   */
  static Query ofOneName(List<String> names, Predicate<String> pageOnIt, Predicate<String> definedWhole) {
    return of(names, name -> pageOnIt.test(name) ? BOOST : ONE_NAME_BOOST, definedWhole);
  }

  /**
   * @param asTyped what a name as typed weighs, asked of no other: a last part or a glossary's
   *     entry weighs {@link #LAST_PART_BOOST}, a URL's name ({@code /fs}), which no page defines, a
   *     title match, as the word in the title of the page named for it would
   */
  private static Query of(List<String> names, Function<String, Float> asTyped, Predicate<String> definedWhole) {
    if (names.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder ids = new BooleanQuery.Builder();
    for (String name : names) {
      float weight = isLastPart(name) || name.charAt(0) == '?' ? LAST_PART_BOOST
          : name.startsWith(UrlNames.PREFIX) ? BOOST : asTyped.apply(name);
      ids.add(defining(name, weight, PREFIXED_BOOST, definedWhole), BooleanClause.Occur.SHOULD);
    }
    return ids.build();
  }

  /**
   * The id, as the page writes it, of the first of {@code names} it defines, those of more parts
   * first: a hit links to the definition itself, as a docs site's own search does, and to the one
   * the query names in full ({@code fs readFile} to fs.readFile, not to filehandle.readFile, the
   * shortest id ending in readFile). Null when it defines none.
   *
   * @param defined the page's definitions, one per line ({@code HitFields#definedNames}): an id
   *     that is a name, or a name, a tab and the id that defines it (javadoc's {@code commit()})
   */
  static String anchorIn(String defined, List<String> names) {
    if (defined.isEmpty()) {
      return null;
    }
    String[] lines = defined.split("\n");
    List<String> longestFirst = new ArrayList<>(names);
    longestFirst.sort(Comparator.comparingInt(DefinedNames::parts).reversed());
    for (String name : longestFirst) {
      String overload = null; // the shortest of a method's ids: search(Query,int), not search(List,Weight,Collector)
      for (String line : lines) {
        if (nameOf(line).equalsIgnoreCase(name) && (overload == null || idOf(line).length() < overload.length())) {
          overload = idOf(line);
        }
      }
      if (overload != null) {
        return overload;
      }
      int anyParts = name.indexOf(ANY_PARTS);
      if (anyParts > 0) { // pathlib..glob: the shortest of pathlib.*.glob
        String module = name.substring(0, anyParts + 1);
        String last = name.substring(anyParts + 1);
        for (String line : lines) {
          String id = nameOf(line).toLowerCase(Locale.ROOT);
          if (id.startsWith(module) && id.endsWith(last) && id.length() > name.length()
              && (overload == null || idOf(line).length() < overload.length())) {
            overload = idOf(line);
          }
        }
        if (overload != null) {
          return overload;
        }
        continue;
      }
      // datetime.strftime for datetime.datetime.strftime, .getcwd for os.getcwd; join has no tail
      String tail = null;
      String dotted = isLastPart(name) ? name : "." + name;
      for (String line : lines) {
        String id = nameOf(line);
        if (name.indexOf('.') >= 0 && id.length() >= dotted.length()
            && id.regionMatches(true, id.length() - dotted.length(), dotted, 0, dotted.length())
            && (tail == null || idOf(line).length() < tail.length())) {
          tail = idOf(line); // the shortest: json.dumps, not json.JSONEncoder.dumps
        }
      }
      if (tail != null) {
        return tail;
      }
    }
    return null;
  }

  /** How many parts a name has: 3 for os.path.join, 1 for .getcwd, a last part. */
  private static int parts(String name) {
    int dots = (int) name.chars().filter(c -> c == '.').count();
    return isLastPart(name) ? dots : dots + 1;
  }

  /** A name's last part as the index keeps it, {@code .getcwd}, from {@link #orLastParts}. */
  private static boolean isLastPart(String name) {
    return name.charAt(0) == '.';
  }

  private static String nameOf(String line) {
    int tab = line.indexOf('\t');
    return tab < 0 ? line : line.substring(0, tab);
  }

  private static String idOf(String line) {
    return line.substring(line.indexOf('\t') + 1);
  }
}
