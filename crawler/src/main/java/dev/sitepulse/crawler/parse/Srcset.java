package dev.sitepulse.crawler.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The URLs of a {@code srcset} attribute, read as the HTML spec's "parse a srcset attribute" reads
 * them: a URL runs to the next whitespace, commas at its end are no part of it, and its
 * descriptors run to the next comma outside parentheses. So {@code "a.jpg 1x, b.jpg 2x"} holds two
 * URLs, and {@code "a,b.jpg 1x"} or {@code "a.jpg,b.jpg"} one, as a browser reads them.
 *
 * <p>Descriptors are skipped, not validated: a browser drops a candidate whose descriptor is
 * malformed, but a URL the page lists is still worth checking.
 */
final class Srcset {

  private Srcset() {}

  static List<String> urls(String srcset) {
    List<String> urls = new ArrayList<>(2);
    int n = srcset.length();
    int i = 0;
    while (true) {
      while (i < n && (isSpace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
        i++;
      }
      if (i == n) {
        return urls;
      }
      int start = i;
      while (i < n && !isSpace(srcset.charAt(i))) {
        i++;
      }
      int end = i;
      while (srcset.charAt(end - 1) == ',') { // never past start: the loop above skipped commas
        end--;
      }
      urls.add(srcset.substring(start, end));
      if (end == i) { // no comma ended the URL: descriptors may follow
        i = afterDescriptors(srcset, i);
      }
    }
  }

  /** Where the candidate's descriptors end: past the comma that ends them, or at the end. */
  private static int afterDescriptors(String srcset, int from) {
    boolean inParens = false;
    for (int i = from; i < srcset.length(); i++) {
      char c = srcset.charAt(i);
      if (inParens) {
        inParens = c != ')';
      } else if (c == '(') {
        inParens = true;
      } else if (c == ',') {
        return i + 1;
      }
    }
    return srcset.length();
  }

  /** ASCII whitespace, as the spec means it. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }
}
