package dev.sitepulse.cli.search;

import dev.sitepulse.cli.Amounts;
import dev.sitepulse.cli.Shortened;
import dev.sitepulse.crawler.search.Highlight;
import dev.sitepulse.crawler.search.SearchHit;
import dev.sitepulse.crawler.search.SearchResults;
import dev.sitepulse.pinger.format.OneLine;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Results for a person: rank, score, title and URL, then the snippet with the matches in bold; for
 * a query with a misspelt word, the corrected query to try, in bold.
 */
public final class SearchTable {

  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";
  /** As much of the query as the count line repeats: what a query error quotes. */
  private static final int MAX_QUERY_SHOWN = 200;

  private SearchTable() {}

  public static void write(SearchResults results, PrintStream out, boolean ansi) {
    int rank = results.offset() + 1;
    for (SearchHit hit : results.hits()) {
      out.printf(Locale.ROOT, "%2d. %s  (%.2f)%n    %s%n", rank++, Shortened.title(hit.pageTitle()), hit.score(), hit.link());
      if (hit.snippet() != null && !hit.snippet().isBlank()) {
        out.println("    " + collapsed(marked(hit, ansi)));
      }
      out.println();
    }
    // A pasted query can hold line breaks and tabs, which the parser reads as spaces, or a terminal
    // escape or bidi override, which must not reach the terminal: each is a space, one line each.
    // A pasted page of a query is echoed as far as an error message quotes one: its count stays in sight.
    out.printf(Locale.ROOT, "%s of %s for %s in %s%n", shown(results), Amounts.count(results.totalHits(), "hit"),
        Shortened.of(spacesForControls(results.query()), MAX_QUERY_SHOWN), SearchCommand.millis(results.tookNanos()));
    if (results.didYouMean() != null) {
      String suggestion = spacesForControls(results.didYouMean());
      out.println("did you mean: " + (ansi ? BOLD + suggestion + RESET : suggestion));
    }
  }

  /** How many hits are shown, and with --offset which ranks: "10", "11-20", "0" past the last. */
  private static String shown(SearchResults results) {
    int count = results.hits().size();
    int first = results.offset() + 1;
    return results.offset() == 0 || count == 0 ? String.valueOf(count)
        : count == 1 ? String.valueOf(first) : first + "-" + (first + count - 1);
  }

  /**
   * The snippet on one line, with each highlight wrapped in bold on a terminal, or in [brackets]
   * elsewhere. The page's own control characters go before the marks are added, and one for one,
   * so that the highlights' offsets still hold and the marks' escape codes survive.
   */
  private static String marked(SearchHit hit, boolean ansi) {
    String open = ansi ? BOLD : "[";
    String close = ansi ? RESET : "]";
    StringBuilder out = new StringBuilder();
    int at = 0;
    String s = spacesForControls(hit.snippet());
    for (Highlight h : hit.highlights()) {
      if (h.start() < at || h.end() > s.length()) {
        continue;
      }
      out.append(s, at, h.start()).append(open).append(s, h.start(), h.end()).append(close);
      at = h.end();
    }
    return out.append(s.substring(at)).toString();
  }

  private static String spacesForControls(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (OneLine.isControl(chars[i]) || Character.isWhitespace(chars[i])) {
        chars[i] = ' ';
      }
    }
    return new String(chars);
  }

  private static String collapsed(String s) {
    return s.replaceAll(" {2,}", " ").strip();
  }
}
