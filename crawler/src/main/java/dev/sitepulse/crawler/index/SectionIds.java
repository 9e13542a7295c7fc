package dev.sitepulse.crawler.index;

import dev.sitepulse.crawler.parse.Section;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/**
 * A page's {@link Section}s as the index keeps them, a doc value of lines {@code start end id}, and
 * the lookup a search hit makes in them: which section holds the place its snippet comes from.
 */
public final class SectionIds {
  private SectionIds() {}

  /** Null for a page without sections, which then stores nothing. */
  static BytesRef encode(List<Section> sections) {
    if (sections.isEmpty()) {
      return null;
    }
    StringBuilder lines = new StringBuilder(sections.size() * 24);
    for (Section s : sections) {
      lines.append(s.start()).append(' ').append(s.end()).append(' ').append(s.id()).append('\n');
    }
    return new BytesRef(lines);
  }

  /**
   * The id of the innermost section with an id that holds {@code offset} of the body (of those that
   * hold it, the one that starts last: a definition within a heading's section, an h3's within its
   * h2's), or null when none does. A heading without an id is passed over for the one around it.
   */
  public static String at(BytesRef encoded, int offset) {
    String lines = new String(encoded.bytes, encoded.offset, encoded.length, StandardCharsets.UTF_8);
    String best = null;
    int bestStart = -1;
    for (int from = 0, nl; from < lines.length(); from = nl + 1) {
      nl = lines.indexOf('\n', from);
      nl = nl < 0 ? lines.length() : nl;
      int space1 = lines.indexOf(' ', from);
      int space2 = lines.indexOf(' ', space1 + 1);
      if (space1 < 0 || space2 < 0 || space2 > nl) {
        return null; // not written by encode(): nothing to trust
      }
      int start = Integer.parseInt(lines, from, space1, 10);
      int end = Integer.parseInt(lines, space1 + 1, space2, 10);
      if (start <= offset && offset < end && start >= bestStart && space2 + 1 < nl) {
        best = lines.substring(space2 + 1, nl);
        bestStart = start;
      }
    }
    return best;
  }
}
