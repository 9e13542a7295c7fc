package dev.sitepulse.cli.analyze;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sitepulse.analytics.NearDuplicates;
import dev.sitepulse.analytics.PageRankResult;
import dev.sitepulse.analytics.RankedNode;
import dev.sitepulse.analytics.Timings;
import dev.sitepulse.cli.Amounts;
import dev.sitepulse.cli.Shortened;
import dev.sitepulse.crawler.index.TermStats;
import dev.sitepulse.pinger.format.JsonOutput;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * What analyze found, as a table for people or one JSON document for programs.
 *
 * @param terms the index's top terms; null for a crawl.db with no index beside it (a link check's)
 * @param notStored why ranks and clusters could not be written to crawl.db; null when they were
 * @param notCommitted why the terms leave out pages crawl.db records as indexed, as
 *     {@link dev.sitepulse.cli.UncommittedPages#said} words it; null when they leave out none
 */
public record AnalysisReport(CrawlGraph crawl, PageRankResult ranks, NearDuplicates duplicates,
    TermStats.Result terms, String notStored, String notCommitted) {

  /** A report whose terms cover every page crawl.db records as indexed. */
  public AnalysisReport(CrawlGraph crawl, PageRankResult ranks, NearDuplicates duplicates, TermStats.Result terms,
      String notStored) {
    this(crawl, ranks, duplicates, terms, notStored, null);
  }

  /** The default --top: up to this many terms a list stays on its line, more go a rank per row. */
  private static final int TERMS_ON_ONE_LINE = 20;

  /** Past this a term's entry in the term rows sets no column width. */
  private static final int MAX_TERM_WIDTH = 32;

  /** Below this a rank has fewer than three digits in five decimals. */
  private static final double SMALL_RANK = 1e-3;

  public void writeTable(PrintStream out) {
    out.printf(Locale.ROOT, "== PageRank of %s, %s: %s, %s%n",
        Amounts.count(crawl.graph.nodeCount(), "page"), Amounts.count(crawl.graph.edgeCount(), "link"),
        Amounts.count(ranks.iterations(), "iteration"),
        ranks.converged() ? "converged" : "stopped at the iteration limit");
    out.println("   device " + ranks.timings());
    // Columns as wide as their widest figure, so that a --top of 100 or a hub of 10,000 links
    // does not push its row out of line.
    int numberWidth = Math.max(2, digits(ranks.top().size()));
    int inWidth = Math.max(4, digits(ranks.top().stream().mapToInt(RankedNode::inDegree).max().orElse(0)));
    // Five decimals while every rank shown keeps three digits in them; on a big crawl, where
    // ranks fall below 1e-3, all of them in scientific notation (1e-6 would print as 0.00000).
    boolean small = ranks.top().stream().anyMatch(n -> n.rank() < SMALL_RANK);
    String rank = small ? "%.3e" : "%.5f";
    int rankWidth = small ? 9 : 7;
    String row = "%" + numberWidth + "d  " + rank + " %" + inWidth + "d  %s%n%" + (numberWidth + 4) + "s%s%n";
    if (ranks.top().isEmpty()) { // as the terms say (none), rather than a header over nothing
      out.println("   (no pages to rank)");
    } else {
      out.printf(Locale.ROOT, "%" + numberWidth + "s  %-" + rankWidth + "s %" + inWidth + "s  %s%n", "#", "RANK", "IN", "PAGE");
    }
    int i = 1;
    for (RankedNode n : ranks.top()) {
      out.printf(Locale.ROOT, row, i++, n.rank(), n.inDegree(), shownTitle(n.node()), "",
          Shortened.line(crawl.urls.get(n.node())));
    }
    out.println();
    out.printf(Locale.ROOT, "== Near-duplicates (SimHash within %s): %s in %s%n",
        Amounts.count(duplicates.maxDistance(), "bit"), Amounts.count(duplicates.pairCount(), "pair"),
        Amounts.count(duplicates.clusters().count(), "cluster"));
    out.println("   device " + duplicates.timings());
    for (int c = 0; c < duplicates.clusters().count(); c++) {
      int[] members = duplicates.clusters().members(c);
      out.printf(Locale.ROOT, "%2d. %d pages%n", c + 1, members.length);
      for (int m : members) {
        out.println("      " + Shortened.line(crawl.urls.get(m))); // as the ranked pages' URLs
      }
    }
    out.println();
    if (terms == null) {
      out.println("== Terms: none, this crawl has no search index (a link check indexes no text;"
          + " sitepulse crawl builds one)");
      return;
    }
    out.printf(Locale.ROOT, "== Terms over %s (device: cpu, Lucene term dictionary)%n",
        Amounts.count(terms.docs(), "indexed page"));
    if (notCommitted != null) {
      out.println("   " + notCommitted);
    }
    if (Math.max(terms.byDocFreq().size(), terms.byTfIdf().size()) <= TERMS_ON_ONE_LINE) {
      out.println("   by pages:  " + join(terms.byDocFreq(), true));
      out.println("   by TF-IDF: " + join(terms.byTfIdf(), false));
    } else {
      writeTermRows(out);
    }
  }

  /** The two lists side by side, a rank per row, as the pages are: a --top of thousands is as many lines. */
  private void writeTermRows(PrintStream out) {
    List<String> byPages = terms.byDocFreq().stream().map(t -> shown(t, true)).toList();
    List<String> byTfIdf = terms.byTfIdf().stream().map(t -> shown(t, false)).toList();
    int rows = Math.max(byPages.size(), byTfIdf.size());
    int numberWidth = Math.max(4, digits(rows) + 3); // indented as the lines above
    // As wide as the widest entry, but not as a 130-letter "word" of a code listing: that pushes its row only.
    int pagesWidth = Math.max("BY PAGES".length(),
        byPages.stream().mapToInt(String::length).filter(n -> n <= MAX_TERM_WIDTH).max().orElse(0));
    String row = "%" + numberWidth + "s  %-" + pagesWidth + "s  %s";
    out.println(String.format(Locale.ROOT, row, "#", "BY PAGES", "BY TF-IDF"));
    for (int i = 0; i < rows; i++) {
      out.println(String.format(Locale.ROOT, row, i + 1, i < byPages.size() ? byPages.get(i) : "",
          i < byTfIdf.size() ? byTfIdf.get(i) : "").stripTrailing());
    }
  }

  public void writeJson(PrintStream out) {
    JsonOutput.pretty(out, g -> {
      g.writeStartObject();
      g.writeObjectFieldStart("pagerank");
      g.writeNumberField("pages", crawl.graph.nodeCount());
      g.writeNumberField("links", crawl.graph.edgeCount());
      g.writeNumberField("iterations", ranks.iterations());
      g.writeBooleanField("converged", ranks.converged());
      timings(g, ranks.timings());
      g.writeArrayFieldStart("top");
      for (RankedNode n : ranks.top()) {
        g.writeStartObject();
        g.writeStringField("url", crawl.urls.get(n.node()));
        g.writeStringField("title", crawl.titles.get(n.node()));
        g.writeNumberField("rank", n.rank());
        g.writeNumberField("in_degree", n.inDegree());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("near_duplicates");
      g.writeNumberField("max_distance", duplicates.maxDistance());
      g.writeNumberField("pairs", duplicates.pairCount());
      timings(g, duplicates.timings());
      g.writeArrayFieldStart("clusters");
      for (int c = 0; c < duplicates.clusters().count(); c++) {
        g.writeStartArray();
        for (int m : duplicates.clusters().members(c)) {
          g.writeString(crawl.urls.get(m));
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("terms");
      TermStats.Result read = terms != null ? terms : new TermStats.Result(0, List.of(), List.of());
      g.writeBooleanField("indexed", terms != null);
      g.writeNumberField("pages", read.docs());
      g.writeStringField("not_committed", notCommitted); // why pages crawl.db records as indexed are left out
      terms(g, "by_doc_freq", read.byDocFreq());
      terms(g, "by_tf_idf", read.byTfIdf());
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  private static int digits(int n) {
    return Integer.toString(n).length();
  }

  private String shownTitle(int node) {
    return Shortened.title(crawl.titles.get(node));
  }

  private static void timings(JsonGenerator g, Timings t) throws IOException {
    g.writeObjectFieldStart("timings_ms");
    g.writeStringField("device", t.device());
    g.writeNumberField("build", t.buildMillis());
    g.writeNumberField("transfer", t.transferMillis());
    g.writeNumberField("kernel", t.kernelMillis());
    g.writeNumberField("total", t.totalMillis());
    g.writeEndObject();
  }

  private static void terms(JsonGenerator g, String name, List<TermStats.Term> terms) throws IOException {
    g.writeArrayFieldStart(name);
    for (TermStats.Term t : terms) {
      g.writeStartObject();
      g.writeStringField("term", t.term());
      g.writeStringField("word", t.word());
      g.writeNumberField("doc_freq", t.docFreq());
      g.writeNumberField("total_freq", t.totalFreq());
      g.writeNumberField("tf_idf", t.tfIdf());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * The terms with their count of pages, or their TF-IDF: whole above 10, with one decimal below,
   * where a small crawl's scores are (rounded, 0.4 and 1.2 read "(0)" and "(1)").
   */
  static String join(List<TermStats.Term> terms, boolean byDocs) {
    StringBuilder out = new StringBuilder();
    for (TermStats.Term t : terms) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(shown(t, byDocs));
    }
    return terms.isEmpty() ? "(none)" : out.toString();
  }

  private static String shown(TermStats.Term t, boolean byDocs) {
    return t.word() + (byDocs ? " (" + t.docFreq() + ")"
        : String.format(Locale.ROOT, t.tfIdf() < 9.95 ? " (%.1f)" : " (%.0f)", t.tfIdf()));
  }
}
