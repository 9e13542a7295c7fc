package dev.sitepulse.crawler.search.internal.snippets;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries for snippets: after '.', '!' or '?' followed by whitespace, but for a
 * heading's number at a sentence's start ({@code 5.1. More on Lists}).
 *
 * <p>Why not the JDK's sentence instance: its preceding() walks back to a safe point and re-runs
 * its rules forward, once per match; with hundreds of matches in a long docs page that was ~40% of
 * warm query time. Extracted page text needs no more than this simple rule.
 */
final class SentenceBreaks extends BreakIterator {
  private String text = "";
  private int position;

  @Override
  public void setText(String newText) {
    text = newText;
    position = 0;
  }

  @Override
  public void setText(CharacterIterator newText) {
    StringBuilder copy = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
      copy.append(c);
    }
    setText(copy.toString());
  }

  @Override
  public CharacterIterator getText() {
    return new StringCharacterIterator(text);
  }

  @Override
  public int current() {
    return position;
  }

  @Override
  public int first() {
    return position = 0;
  }

  @Override
  public int last() {
    return position = text.length();
  }

  @Override
  public int next() {
    if (position >= text.length()) {
      return DONE;
    }
    return position = boundaryAfter(position);
  }

  @Override
  public int next(int n) {
    int result = current();
    for (int i = 0; i < n && result != DONE; i++) {
      result = next();
    }
    for (int i = 0; i > n && result != DONE; i--) {
      result = previous();
    }
    return result;
  }

  @Override
  public int previous() {
    if (position <= 0) {
      return DONE;
    }
    return position = boundaryBefore(position);
  }

  @Override
  public int following(int offset) {
    checkOffset(offset);
    if (offset >= text.length()) {
      position = text.length();
      return DONE;
    }
    return position = boundaryAfter(offset);
  }

  @Override
  public int preceding(int offset) {
    checkOffset(offset);
    if (offset <= 0) {
      position = 0;
      return DONE;
    }
    return position = boundaryBefore(offset);
  }

  /** The first boundary greater than {@code offset}; the text's end if there is none. */
  private int boundaryAfter(int offset) {
    for (int i = offset; i < text.length(); i++) {
      if (endsSentence(i)) {
        return i + 1;
      }
    }
    return text.length();
  }

  /** The last boundary less than {@code offset}; 0 if there is none. */
  private int boundaryBefore(int offset) {
    for (int i = offset - 2; i >= 0; i--) {
      if (endsSentence(i)) {
        return i + 1;
      }
    }
    return 0;
  }

  private boolean endsSentence(int i) {
    char c = text.charAt(i);
    return (c == '.' || c == '!' || c == '?')
        && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))
        && !(c == '.' && isSectionNumber(i));
  }

  /**
   * Whether the full stop at {@code i} ends a heading's number, {@code 1.} or {@code 5.1.}, that
   * starts the text or a sentence: Sphinx and DocBook number their headings so, and a page's
   * first "sentence" was "1." (the Python tutorial's "1. Whetting Your Appetite"). A number that
   * ends a sentence ({@code in 2019.}) is no heading's.
   */
  private boolean isSectionNumber(int i) {
    int start = i;
    while (start > 0 && (Character.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
      start--;
    }
    if (start == i || !Character.isDigit(text.charAt(start))
        || start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
      return false;
    }
    int before = start - 1;
    while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
      before--;
    }
    return before < 0 || ".!?".indexOf(text.charAt(before)) >= 0;
  }

  private void checkOffset(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IllegalArgumentException("offset " + offset + " is outside 0.." + text.length());
    }
  }
}
