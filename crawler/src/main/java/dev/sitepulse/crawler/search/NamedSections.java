package dev.sitepulse.crawler.search;

import static dev.sitepulse.crawler.index.PageFields.BODY;

import dev.sitepulse.crawler.index.SectionIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
final class NamedSections {
  private final Analyzer analyzer;

  NamedSections(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * What a query asks a section's id to name.
   *
   * @param words the body terms it looks for, as the parser made them; none it excludes
   * @param runTogether its words run together ({@link RunTogetherSections#of}), or null
   */
  record Asked(Set<String> words, String runTogether) {}

  static Asked of(QueryPlan plan) {
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
   * The first of {@code ids}, labels too, that is the query's words run together; else the one of
   * {@code ownIds} that names most of its words beyond {@code title}'s, the first of equals; null
   * when none does.
   */
  String in(List<String> ids, List<String> ownIds, String title, Asked asked) {
    if (asked.runTogether() != null) {
      for (String id : ids) {
        if (SectionIds.runTogether(id).equals(asked.runTogether())) {
          return id;
        }
      }
    }
    return in(ownIds, title, asked.words());
  }

  /**
   * Of {@code ids}, the one that names most of {@code words} beyond {@code title}'s, the first of
   * equals; null when none does, or the title has them all.
   */
  private String in(List<String> ids, String title, Set<String> words) {
    if (ids.isEmpty() || words.isEmpty()) {
      return null;
    }
    Set<String> beyondTitle = new HashSet<>(words);
    beyondTitle.removeAll(terms(title));
    if (beyondTitle.isEmpty()) {
      return null;
    }
    String best = null;
    int bestSize = 0;
    for (String id : ids) {
      int named = Math.max(named(terms(id.replace('-', ' ').replace('_', ' ')), words, beyondTitle),
          named(terms(id.replace("-", "").replace("_", "")), words, beyondTitle));
      if (named > bestSize) {
        best = id;
        bestSize = named;
      }
    }
    return best;
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
