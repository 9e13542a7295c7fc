package dev.sitepulse.crawler.search.internal.ranking;

import dev.sitepulse.crawler.index.ApiNames;
import dev.sitepulse.crawler.index.ItemDepth;
import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.index.PrefixedNames;
import dev.sitepulse.crawler.index.SectionNames;
import dev.sitepulse.crawler.index.UrlNames;
import dev.sitepulse.crawler.search.internal.query.OneWord;
import dev.sitepulse.crawler.search.internal.query.QueryWords;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The queries that find the pages defining the names a query types ({@link DefinedNames}), and
 * what each weighs: the page that defines a name ranks first for it, as a title match would. Apart
 * from finding the names, so that their weights are read in one place.
 */
public final class DefinitionQueries {
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

  private DefinitionQueries() {}

  /**
   * Pages that define both a {@link DefinedNames#member}'s module and a name ending in its last part,
   * weighed as a title match of each word: pathlib's page, which defines pathlib and
   * pathlib.Path.glob. It has every word, as a whole name joined by dots ({@link DefinedNames#dotted}) does.
   */
  static Query ofMember(String member, Predicate<String> definedWhole) {
    List<String> terms = DefinedNames.memberTerms(member);
    return new BooleanQuery.Builder()
        .add(ofRunTogether(terms.get(1), 2, definedWhole), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(PageFields.ANCHORS, terms.get(0))), BooleanClause.Occur.FILTER)
        .build();
  }

  /**
   * Pages that define the name, weighed as a title match of each of its {@code words}.
   *
   * @param definedWhole whether some page defines a name by an id that is the name itself, not
   *     only after a prefix ({@link #PREFIXED_BOOST})
   */
  static Query ofRunTogether(String name, int words, Predicate<String> definedWhole) {
    return defining(name, (DefinedNames.isLastPart(name) ? LAST_PART_BOOST : BOOST) * words, PREFIXED_BOOST * words, definedWhole);
  }

  /**
   * Pages that define {@code name} under an id of it, weighed {@code boost}, or under an id that
   * spells it after a prefix, weighed {@code prefixedBoost} where some page {@code definedWhole},
   * else {@code boost}; a page has one of the two terms at most. Where no page defines it whole,
   * those that define it at a section ({@link SectionNames}) weigh {@code boost} too. An index
   * written before {@link PrefixedNames} has the first alone, one before {@link SectionNames} no
   * names at sections.
   */
  private static Query defining(String name, float boost, float prefixedBoost, Predicate<String> definedWhole) {
    Query whole = new BoostQuery(new TermQuery(new Term(PageFields.ANCHORS, name)), boost);
    String prefixed = PrefixedNames.term(name);
    String sectionName = SectionNames.term(name);
    boolean whollyDefined = (prefixed != null || sectionName != null) && definedWhole.test(name);
    if (prefixed == null && (sectionName == null || whollyDefined)) {
      return whole;
    }
    BooleanQuery.Builder either = new BooleanQuery.Builder().add(whole, BooleanClause.Occur.SHOULD);
    if (prefixed != null) {
      Query afterPrefix = new TermQuery(new Term(PageFields.ANCHORS, prefixed));
      either.add(new BoostQuery(afterPrefix, whollyDefined ? prefixedBoost : boost), BooleanClause.Occur.SHOULD);
    }
    if (sectionName != null && !whollyDefined) { // a page has it or one of the others
      either.add(new BoostQuery(new TermQuery(new Term(PageFields.ANCHORS, sectionName)), boost), BooleanClause.Occur.SHOULD);
    }
    return either.build();
  }

  /**
   * The pages a URL names by {@code word} ({@link DefinedNames#urlNamedWords}), weighed as a title
   * match, as {@link #of} weighs the URL's name of a word typed alone.
   */
  public static Query ofUrlName(String word) {
    return new BoostQuery(new TermQuery(new Term(PageFields.ANCHORS, UrlNames.PREFIX + word)), BOOST);
  }

  /**
   * The names as words of the body, for the snippet: the analyzer keeps {@code asyncio.gather}
   * one word, so a query of {@code asyncio gather} marked every asyncio but never the definition
   * it links to. Null when there are none.
   */
  public static Query inBody(List<String> names, Analyzer analyzer) throws IOException {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    boolean any = false;
    for (String name : names) {
      String only = OneWord.of(analyzer, PageFields.BODY, name);
      if (only != null) {
        words.add(new TermQuery(new Term(PageFields.BODY, only)), BooleanClause.Occur.SHOULD);
        any = true;
      }
    }
    return any ? words.build() : null;
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
   * Boosts pages with an id that is one of {@code names}, and less those with an id that spells it
   * after a prefix ({@link #PREFIXED_BOOST}); a last part ({@code .getcwd}) half as much, as a page
   * defining it may be about something else (imaplib's IMAP4.sort for sort), and so a glossary's
   * entry ({@link DefinedNames#glossaryEntry}).
   * Null when there are none.
   */
  static Query of(List<String> names, Predicate<String> definedWhole) {
    return of(names, name -> BOOST, definedWhole);
  }

  /**
   * {@link #of} for a query that is one name and nothing else ({@link DefinedNames#isOneBareName}), where a
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
      float weight = DefinedNames.isLastPart(name) || name.charAt(0) == '?' ? LAST_PART_BOOST
          : name.startsWith(UrlNames.PREFIX) ? BOOST : asTyped.apply(name);
      ids.add(defining(name, weight, PREFIXED_BOOST, definedWhole), BooleanClause.Occur.SHOULD);
    }
    return ids.build();
  }
}
