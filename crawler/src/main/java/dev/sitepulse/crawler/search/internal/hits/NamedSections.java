package dev.sitepulse.crawler.search.internal.hits;

import static dev.sitepulse.crawler.index.PageFields.BODY;

import dev.sitepulse.crawler.index.SectionIds;
import dev.sitepulse.crawler.search.internal.ranking.HitFields;
import dev.sitepulse.crawler.search.internal.ranking.QueryPlan;
import dev.sitepulse.crawler.search.internal.ranking.RunTogetherSections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The section of a hit's page that its own id names as the query's words beyond the page's title: a
 * heading's id is its words ({@code environment-variables}), which a hit links to rather than to
 * where its best passage lies. On Python's docs, {@code environment variable} linked the command
 * line page's {@code -m} option and {@code argparse subcommands} argparse's top, not its
 * {@code sub-commands}. The id's words, or its letters run together ({@code subcommands}), must be
 * among the query's, and name every one the title does not: a query the title says already is the
 * page's. Only a section's own id ({@link dev.sitepulse.crawler.index.SectionIds#ownIds}): a label
 * Sphinx writes before a heading is a name its authors chose, not what the heading says, unless
 * it is the query's words run together ({@link RunTogetherSections}: {@code formatspec}).
 */
public final class NamedSections {
  /**
   * How many ids each table keeps read, a few MB: a search looked at every id of each hit's page,
   * hundreds on an API page, analysing each anew, a sixth of a warm search's time, and the same
   * pages come up again and again. Python's docs have 15,000.
   */
  private static final int KEPT_IDS = 1 << 15;

  private final HitFields hitFields;
  private final Analyzer analyzer;
  private final KeptTables<Map<String, String>> runTogether = new KeptTables<>();
  private final KeptTables<Map<String, List<OwnId>>> ownIdsByTerm = new KeptTables<>();

  public NamedSections(HitFields hitFields, Analyzer analyzer) {
    this.hitFields = hitFields;
    this.analyzer = analyzer;
  }

  /**
   * What a query asks a section's id to name.
   *
   * @param words the body terms it looks for, as the parser made them; none it excludes
   * @param runTogether its words run together ({@link RunTogetherSections#of}), or null
   */
  record Asked(Set<String> words, String runTogether) {}

  public static Asked of(QueryPlan plan) {
    Set<String> words = new HashSet<>();
    plan.parsed().visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        return BODY.equals(field);
      }

      @Override
      public void consumeTerms(Query query, Term... terms) {
        for (Term term : terms) {
          words.add(term.text());
        }
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
      }
    });
    return new Asked(words, RunTogetherSections.of(plan.text()));
  }

  /**
   * The first of the page's ids, labels too, that is the query's words run together; else the one
   * of its own ids that names most of its words beyond {@code title}'s, the first of equals; null
   * when none does.
   */
  String in(int doc, String title, Asked asked) throws IOException {
    if (asked.runTogether() != null) {
      String id = runTogether.of(doc, hitFields::sectionIds, NamedSections::runTogether).get(asked.runTogether());
      if (id != null) {
        return id;
      }
    }
    if (asked.words().isEmpty()) {
      return null;
    }
    Set<String> beyondTitle = new HashSet<>(asked.words());
    beyondTitle.removeAll(terms(title));
    if (beyondTitle.isEmpty()) {
      return null;
    }
    // An id that names the words holds each of them: those holding one are all there is to weigh.
    String best = null;
    int bestSize = 0;
    Map<String, List<OwnId>> byTerm = ownIdsByTerm.of(doc, hitFields::ownSectionIds, this::byTerm);
    for (OwnId id : byTerm.getOrDefault(beyondTitle.iterator().next(), List.of())) {
      int named = Math.max(named(id.apart(), asked.words(), beyondTitle),
          named(id.together(), asked.words(), beyondTitle));
      if (named > bestSize) {
        best = id.id();
        bestSize = named;
      }
    }
    return best;
  }

  /** An own id's terms, its words read apart at its dashes and underscores, and run together. */
  private record OwnId(String id, Set<String> apart, Set<String> together) {}

  private interface PageIds {
    List<String> of(int doc) throws IOException;
  }

  /** Tables made of pages' ids, each made once while the ids they hold number at most {@link #KEPT_IDS}. */
  private static final class KeptTables<T> {
    private final Map<Integer, T> tables = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    T of(int doc, PageIds read, Function<List<String>, T> make) throws IOException {
      T table = tables.get(doc);
      if (table == null) {
        List<String> pageIds = read.of(doc);
        table = make.apply(pageIds);
        if (ids.addAndGet(pageIds.size()) > KEPT_IDS) {
          tables.clear(); // a bound on memory: past it, pages are read anew
          ids.set(pageIds.size());
        }
        tables.put(doc, table);
      }
      return table;
    }
  }

  /** The first of the ids, labels too, of each run-together form. */
  private static Map<String, String> runTogether(List<String> ids) {
    Map<String, String> firsts = new HashMap<>();
    for (String id : ids) {
      firsts.putIfAbsent(SectionIds.runTogether(id), id);
    }
    return firsts;
  }

  /** Own ids by each term they hold, in page order. */
  private Map<String, List<OwnId>> byTerm(List<String> ownIds) {
    Map<String, List<OwnId>> byTerm = new HashMap<>();
    for (String id : ownIds) {
      OwnId own = new OwnId(id, Set.copyOf(terms(id.replace('-', ' ').replace('_', ' '))),
          Set.copyOf(terms(id.replace("-", "").replace("_", ""))));
      Set<String> held = new LinkedHashSet<>(own.apart());
      held.addAll(own.together());
      for (String term : held) {
        byTerm.computeIfAbsent(term, t -> new ArrayList<>()).add(own);
      }
    }
    return byTerm;
  }

  /** How many words {@code idTerms} names, 0 unless all are among them and they hold {@code needed}. */
  private static int named(Set<String> idTerms, Set<String> words, Set<String> needed) {
    return !idTerms.isEmpty() && words.containsAll(idTerms) && idTerms.containsAll(needed) ? idTerms.size() : 0;
  }

  private Set<String> terms(String text) {
    Set<String> terms = new HashSet<>();
    try (TokenStream tokens = analyzer.tokenStream(BODY, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        terms.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String reads no file
    }
    return terms;
  }
}
