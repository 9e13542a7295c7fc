package dev.sitepulse.crawler.search.internal.snippets;

import dev.sitepulse.crawler.search.Highlight;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Joins the highlighter's passages (sentences) into one short snippet and records the match offsets
 * within it, instead of the usual {@code <b>} markup, so each caller marks them its own way: ANSI
 * bold on a terminal, offsets in JSON. A long sentence is cut to a window around its first match,
 * at word boundaries.
 */
final class SnippetFormatter extends PassageFormatter {
  static final int MAX_PASSAGE_CHARS = 220;
  /** Passages a snippet shows; the highlighter is asked for one more, in case two read the same. */
  static final int PASSAGES_SHOWN = 2;
  private static final String ELLIPSIS = "…";

  /**
   * The part of the body a snippet is from ({@link SectionSnippets}), {@code {start, end}}, or null
   * for the whole: passages elsewhere are never shown, one that runs into it from the text before
   * starts where it does, one that runs on past it ends there, and with none in it its first
   * sentence is shown.
   */
  private int[] section;

  void keepTo(int[] section) {
    this.section = section;
  }

  @Override
  public Snippet format(Passage[] passages, String content) {
    if (section != null && !anyInSection(passages)) {
      return sectionOpening(content);
    }
    StringBuilder text = new StringBuilder();
    List<Highlight> highlights = new ArrayList<>();
    int previousEnd = -1; // -1 before the first passage
    boolean endsWithEllipsis = false;
    List<int[]> windows = distinctBest(passages, content);
    int focus = focus(passages, windows);
    for (int p = 0; p < passages.length; p++) {
      int[] window = windows.get(p);
      if (window == null) {
        continue;
      }
      Passage passage = passages[p];
      int from = window[0];
      int to = window[1];
      boolean cutBefore = from > firstNonSpace(content, passage.getStartOffset())
          && (section == null || from != firstNonSpace(content, section[0])); // a section reads from its start
      if (previousEnd < 0) {
        text.append(cutBefore ? ELLIPSIS + " " : "");
      } else if (endsWithEllipsis || (!cutBefore && isBlank(content, previousEnd, from))) {
        text.append(' '); // neighbouring sentences read on
      } else {
        text.append(' ').append(ELLIPSIS).append(' ');
      }
      int shift = text.length() - from;
      for (int i = from; i < to; i++) {
        char c = content.charAt(i);
        text.append(Character.isWhitespace(c) ? ' ' : c); // one char for one: offsets hold
      }
      addMatches(passage, from, to, shift, highlights);
      previousEnd = to;
      endsWithEllipsis = to < lastNonSpace(content, endOf(passage));
      if (endsWithEllipsis) {
        text.append(' ').append(ELLIPSIS);
      }
    }
    return new Snippet(text.toString(), highlights, focus);
  }

  /** The body offset of the first match of the best scored passage shown, or -1. */
  private static int focus(Passage[] passages, List<int[]> windows) {
    Passage best = null;
    for (int p = 0; p < passages.length; p++) {
      if (windows.get(p) != null && passages[p].getNumMatches() > 0
          && (best == null || passages[p].getScore() > best.getScore())) {
        best = passages[p];
      }
    }
    return best == null ? -1 : best.getMatchStarts()[0];
  }

  /**
   * The window of each passage to show, null for the rest: at most {@link #PASSAGES_SHOWN}, the
   * best scored, and none that reads as one shown already. API docs repeat sentences (a parameter
   * described for json.dump and again for json.dumps), and a snippet saying one twice wastes half
   * its room. Passages come in page order, which the snippet keeps.
   */
  private List<int[]> distinctBest(Passage[] passages, String content) {
    List<int[]> windows = new ArrayList<>();
    List<Integer> byScore = new ArrayList<>();
    for (int p = 0; p < passages.length; p++) {
      int[] window = window(passages[p], content);
      windows.add(window[0] < window[1] ? window : null);
      byScore.add(p);
    }
    byScore.sort((a, b) -> Float.compare(passages[b].getScore(), passages[a].getScore())); // stable
    List<String> shown = new ArrayList<>();
    for (int p : byScore) {
      int[] window = windows.get(p);
      if (window == null) {
        continue;
      }
      if (section != null && !inSection(passages[p])) { // format() saw some passage in it
        windows.set(p, null);
        continue;
      }
      String read = content.substring(window[0], window[1]); // the body's white space is collapsed
      if (shown.size() == PASSAGES_SHOWN || shown.contains(read)) {
        windows.set(p, null);
      } else {
        shown.add(read);
      }
    }
    return windows;
  }

  private boolean anyInSection(Passage[] passages) {
    for (Passage passage : passages) {
      if (inSection(passage)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The section's first sentence, unmarked: where nothing in it matches (a stop word such as
   * {@code into}, a name the text leaves out), it still says what the link goes to, as a match
   * elsewhere on the page would not.
   */
  private Snippet sectionOpening(String content) {
    if (section[0] >= Math.min(section[1], content.length())) {
      return Snippet.EMPTY;
    }
    BreakIterator sentences = new SentenceBreaks();
    sentences.setText(content);
    Passage opening = new Passage();
    opening.setStartOffset(section[0]);
    opening.setEndOffset(Math.min(sentences.following(section[0]), section[1]));
    return format(new Passage[] {opening}, content);
  }

  /** Where the passage ends, or its section when it runs on past that: code has no full stop. */
  private int endOf(Passage passage) {
    int end = passage.getEndOffset();
    return section != null && passage.getStartOffset() < section[1] && section[1] < end ? section[1] : end;
  }

  private boolean inSection(Passage passage) {
    return section != null && passage.getStartOffset() < section[1] && passage.getEndOffset() > section[0];
  }

  private static boolean isBlank(String content, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(content.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int firstNonSpace(String content, int from) {
    while (from < content.length() && Character.isWhitespace(content.charAt(from))) {
      from++;
    }
    return from;
  }

  private static int lastNonSpace(String content, int to) {
    to = Math.min(to, content.length());
    while (to > 0 && Character.isWhitespace(content.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  /**
   * [from, to) of the passage worth showing: from the section's start if it runs into it, trimmed,
   * and cut around the first match if long.
   */
  private int[] window(Passage passage, String content) {
    int from = passage.getStartOffset();
    if (section != null && from < section[0] && section[0] < passage.getEndOffset()) {
      from = section[0];
    }
    int to = Math.min(endOf(passage), content.length());
    if (to - from > MAX_PASSAGE_CHARS) {
      int anchor = passage.getNumMatches() > 0 ? passage.getMatchStarts()[0] : from;
      int start = Math.max(from, Math.min(anchor - MAX_PASSAGE_CHARS / 4, to - MAX_PASSAGE_CHARS));
      int end = start + MAX_PASSAGE_CHARS;
      if (start > from) {
        int space = content.indexOf(' ', start);
        start = space >= 0 && space < anchor ? space + 1 : start;
      }
      if (end < to) {
        int space = content.lastIndexOf(' ', end);
        end = space > Math.max(start, anchor) ? space : end;
      }
      // Never between the two halves of a surrogate pair (an emoji): JSON would carry a lone one.
      if (start > from && Character.isLowSurrogate(content.charAt(start))) {
        start--;
      }
      if (end < to && Character.isLowSurrogate(content.charAt(end))) {
        end--;
      }
      from = start;
      to = end;
    }
    while (from < to && Character.isWhitespace(content.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(content.charAt(to - 1))) {
      to--;
    }
    return new int[] {from, to};
  }

  /** Match spans inside [from, to), shifted into snippet coordinates, overlaps merged. */
  private static void addMatches(
      Passage passage, int from, int to, int shift, List<Highlight> out) {
    int firstOfPassage = out.size();
    for (int i = 0; i < passage.getNumMatches(); i++) {
      int start = Math.max(passage.getMatchStarts()[i], from);
      int end = Math.min(passage.getMatchEnds()[i], to);
      if (start >= end) {
        continue;
      }
      Highlight last = out.size() > firstOfPassage ? out.get(out.size() - 1) : null;
      if (last != null && start + shift <= last.end()) {
        out.set(out.size() - 1, new Highlight(last.start(), Math.max(last.end(), end + shift)));
      } else {
        out.add(new Highlight(start + shift, end + shift));
      }
    }
  }
}
