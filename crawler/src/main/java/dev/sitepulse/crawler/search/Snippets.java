package dev.sitepulse.crawler.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats the highlighter's best passages as plain text plus the offsets of each match, so the
 * caller decides how to mark them (ANSI bold, brackets, JSON offsets).
 */
final class Snippets extends PassageFormatter {

  /** A snippet and its matches, as the formatter produced them. */
  record Formatted(String text, List<Highlight> highlights) {}

  private static final String ELLIPSIS = " … ";

  @Override
  public Object format(Passage[] passages, String content) {
    StringBuilder text = new StringBuilder();
    List<Highlight> highlights = new ArrayList<>();
    for (Passage p : passages) {
      if (text.length() > 0) {
        text.append(ELLIPSIS);
      }
      int base = text.length();
      int from = p.getStartOffset();
      int pos = from;
      for (int i = 0; i < p.getNumMatches(); i++) {
        int start = Math.max(p.getMatchStarts()[i], pos);
        int end = p.getMatchEnds()[i];
        if (end <= start) {
          continue;
        }
        text.append(clean(content.substring(pos, start)));
        int hs = text.length();
        text.append(clean(content.substring(start, end)));
        highlights.add(new Highlight(hs, text.length()));
        pos = end;
      }
      text.append(clean(content.substring(pos, p.getEndOffset())));
      if (base == 0 && from > 0) {
        text.insert(0, "…");
        shift(highlights, 1);
      }
    }
    return new Formatted(text.toString().strip(), highlights);
  }

  /** One line: whitespace runs collapse so offsets stay meaningful on a terminal. */
  private static String clean(String s) {
    return s.replaceAll("\\s+", " ");
  }

  private static void shift(List<Highlight> hs, int by) {
    for (int i = 0; i < hs.size(); i++) {
      Highlight h = hs.get(i);
      hs.set(i, new Highlight(h.start() + by, h.end() + by));
    }
  }
}
