package dev.sitepulse.crawler.search.internal.ranking;

import dev.sitepulse.crawler.search.internal.query.CodeSpelling;
import dev.sitepulse.crawler.search.internal.query.QueryWords;
import dev.sitepulse.crawler.search.internal.query.WhereFilters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;

/**
 * The names a query types ({@link DefinedNames}) as this index defines them: which it has, under
 * which term. Apart from {@link QueryPlanner}, which puts them into the query, so that a search and
 * its did-you-mean ({@link dev.sitepulse.crawler.search.internal.correction.QueryCorrection}) look
 * names up alike.
 */
public final class DefinitionLookups {
  private final IndexReader reader;
  private final HitFields hitFields;

  public DefinitionLookups(IndexReader reader, HitFields hitFields) {
    this.reader = reader;
    this.hitFields = hitFields;
  }

  /**
   * The query's {@code ::} paths ({@link CodeSpelling.Reading#paths}) that no page defines, to be
   * looked for in the text as written too. A path that names a definition finds it, and only it,
   * as a name: rustdoc's Map struct page, which writes "Iterator::map", came before the method.
   */
  Map<String, String> pathsNoPageDefines(CodeSpelling.Reading reading) {
    Map<String, String> paths = new HashMap<>(reading.paths());
    paths.keySet().removeIf(name -> hitFields.definedSomewhere(name.toLowerCase(Locale.ROOT)));
    return paths;
  }

  /**
   * Whether the query is one name some page defines, which the grammar refused: a single word can
   * only be refused as a stop word, one the index leaves out of the text, while an API may name a
   * method so (Rust's {@code into} and {@code then}, Java's {@code of}, {@code and}, {@code or}).
   */
  boolean namesADefinition(String query) {
    List<String> names = DefinedNames.names(query);
    return DefinedNames.isOneBareName(query, names) && hitFields.definedSomewhere(names.get(0));
  }

  /**
   * {@link DefinedNames#urlNamedWords} of this index; none for a query of one name beside its
   * where-filters, which matches the pages its URL's name is as a definition ({@link #matches}).
   */
  Set<String> urlNamedWords(String query) {
    String words = WhereFilters.wordsBeside(query);
    return DefinedNames.isOneBareName(words, DefinedNames.names(words)) ? Set.of()
        : DefinedNames.urlNamedWords(query, hitFields::pagesDefining);
  }

  /** The names a query types ({@link DefinedNames#names}), each as the index knows it ({@link DefinedNames#orLastParts}). */
  public List<String> namesLookedUp(String query) {
    return DefinedNames.orLastParts(DefinedNames.names(query), hitFields::pagesDefining);
  }

  /**
   * {@code names}, then those the query's words make side by side joined by dots, run together
   * or both ({@link DefinedNames#withSpacedNames} and the like), as the index knows them, then
   * the glossary's {@code entry} or the {@code member}: the definitions a hit may link to.
   */
  List<String> ids(String query, List<String> names, String entry, String member) {
    List<String> ids = DefinedNames.withPartlyRunTogetherNames(query, DefinedNames.withRunTogetherNames(query,
        DefinedNames.withSpacedNames(query, names, hitFields::definedSomewhere), hitFields::pagesDefining),
        hitFields::definedSomewhere);
    if (entry != null || member != null) { // linked as a definition is: decorator to the glossary's #term-decorator
      ids = new ArrayList<>(ids);
      ids.add(entry != null ? entry : member);
    }
    return ids;
  }

  /** {@link DefinedNames#glossaryEntry} where some page has it. */
  String glossaryEntry(String query) {
    return DefinedNames.glossaryEntry(query, hitFields::definedSomewhere);
  }

  /**
   * The name some page defines that the query's words make joined by dots ({@link DefinedNames#dotted}),
   * run together or joined by underscores ({@link DefinedNames#runTogether}), or partly run
   * together and partly dotted ({@link DefinedNames#partlyRunTogether}); else the last part
   * ({@code .namedtuple}) that a few pages' names end in run together or joined by underscores
   * ({@link DefinedNames#lastPartDefined}); null when there is none.
   */
  String wholeQueryDefined(String query) {
    List<String> runTogether = DefinedNames.runTogether(query);
    if (runTogether.isEmpty()) {
      return null;
    }
    // Spaces for dots first, as the ids a hit links to are looked up (withSpacedNames): list append
    // is the tutorial's list.append, not dis's LIST_APPEND.
    String dotted = DefinedNames.dotted(query);
    if (hitFields.definedSomewhere(dotted)) {
      return dotted;
    }
    String whole = runTogether.stream().filter(hitFields::definedSomewhere).findFirst().orElse(null);
    if (whole != null) {
      return whole;
    }
    String partly = DefinedNames.partlyRunTogether(query).stream().filter(hitFields::definedSomewhere).findFirst().orElse(null);
    if (partly != null) {
      return partly;
    }
    return runTogether.stream().map(name -> DefinedNames.lastPartDefined(name, hitFields::pagesDefining))
        .filter(Objects::nonNull).findFirst().orElse(null);
  }

  /**
   * The query's two words as a module and the last part of a name some page defines
   * ({@link DefinedNames#member}: {@code pathlib glob} for pathlib.Path.glob), when some page
   * defines each; else null.
   */
  String memberDefined(String query) {
    String member = DefinedNames.member(query);
    return member != null && DefinedNames.memberTerms(member).stream().allMatch(hitFields::definedSomewhere) ? member : null;
  }

  /**
   * The pages that define a name the whole query makes ({@link #wholeQueryDefined}), else those
   * that define the {@code member} it names, weighed as a title match of each word; null for none.
   */
  Query wholeName(String query, String runTogether, String member) {
    return runTogether != null
        ? DefinitionQueries.ofRunTogether(runTogether, QueryWords.of(query).size(), hitFields::definedWhole)
        : member != null ? DefinitionQueries.ofMember(member, hitFields::definedWhole) : null;
  }

  /**
   * What the query matches, without what ranks: a query that is one name finds its definition even
   * where the text writes the name whole (Circle.area is a word of its own; the page has
   * shapes.Circle.area), weighed more where the site has no page of its own on the word ({@link PagesOnAWord}).
   */
  public Query matches(String query, Query parsed, List<String> names) {
    return DefinedNames.isOneBareName(query, names)
        ? CombinedQueries.either(parsed, DefinitionQueries.ofOneName(names, this::pageOnTheWord, hitFields::definedWhole))
        : parsed;
  }

  /** The pages that define {@code names} ({@link DefinitionQueries#of}). */
  Query defining(List<String> names) {
    return DefinitionQueries.of(names, hitFields::definedWhole);
  }

  /** {@link DefinitionQueries#shallowestItems} of this index. */
  Query shallowestItems(String query) {
    return DefinitionQueries.shallowestItems(query, hitFields::firstDefinedStartingWith);
  }

  /** {@link PagesOnAWord#exist}, its IOException passed on unchecked, as {@link HitFields} does. */
  private boolean pageOnTheWord(String word) {
    try {
      return PagesOnAWord.exist(word, reader, hitFields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
