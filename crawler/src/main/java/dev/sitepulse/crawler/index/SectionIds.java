package dev.sitepulse.crawler.index;

import dev.sitepulse.crawler.parse.Section;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
   * h2's; of ids that go to the same part, the first), or null when none does. A heading without an
   * id is passed over for the one around it.
   */
  public static String at(BytesRef encoded, int offset) {
    Lines line = new Lines(encoded);
    String best = null;
    int bestStart = -1;
    int bestEnd = -1;
    while (line.next()) {
      // Of the ids of one section (a heading's own and its labels after it), the first.
      boolean sameSection = line.start == bestStart && line.end == bestEnd;
      if (line.start <= offset && offset < line.end && line.start >= bestStart && !sameSection
          && line.idFrom < line.idTo) {
        best = line.id();
        bestStart = line.start;
        bestEnd = line.end;
      }
    }
    return line.garbled ? null : best;
  }

  /** Where in the body the section that {@code id} goes to lies, {@code {start, end}}; null when the page has none. */
  public static int[] range(BytesRef encoded, String id) {
    Lines line = new Lines(encoded);
    while (line.next()) {
      if (line.idTo - line.idFrom == id.length() && line.text.startsWith(id, line.idFrom)) {
        return new int[] {line.start, line.end};
      }
    }
    return null;
  }

  /** The ids of the page's sections, labels too, in page order; those of a garbled value up to the garbled line. */
  public static List<String> ids(BytesRef encoded) {
    return ids(encoded, false);
  }

  /**
   * Each section's own id, in page order: the first of the ids that go to the same part (a
   * heading's, made of its words), not the labels after it ({@code asyncio-event-loops} before
   * "Event Loop Implementations"). Those of a garbled value up to the garbled line.
   */
  public static List<String> ownIds(BytesRef encoded) {
    return ids(encoded, true);
  }

  private static List<String> ids(BytesRef encoded, boolean ownOnly) {
    Lines line = new Lines(encoded);
    List<String> ids = new ArrayList<>();
    int lastStart = -1;
    int lastEnd = -1;
    while (line.next()) {
      if (line.idFrom < line.idTo && !(ownOnly && line.start == lastStart && line.end == lastEnd)) {
        ids.add(line.id());
        lastStart = line.start;
        lastEnd = line.end;
      }
    }
    return ids;
  }

  /**
   * {@code id} as a query's words run together would spell it: lower-cased, without {@code -} and
   * {@code _} ({@code sub-commands} is {@code subcommands}, {@code formatspec} itself).
   */
  public static String runTogether(String id) {
    return id.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** Each section's id run together ({@link #runTogether}), space-separated, once each; empty for none. */
  static String namesRunTogether(List<Section> sections) {
    Set<String> names = new LinkedHashSet<>();
    for (Section section : sections) {
      String name = runTogether(section.id());
      if (!name.isEmpty() && name.codePoints().noneMatch(Character::isWhitespace)) {
        names.add(name);
      }
    }
    return String.join(" ", names);
  }

  /** The encoded lines read one at a time, in place. */
  private static final class Lines {
    final String text;
    int start;
    int end;
    int idFrom;
    int idTo;
    /** A line not as {@link #encode} writes it: nothing read is to be trusted. */
    boolean garbled;
    private int next;

    Lines(BytesRef encoded) {
      text = new String(encoded.bytes, encoded.offset, encoded.length, StandardCharsets.UTF_8);
    }

    /** Moves to the next line; false at the end or at a garbled line. */
    boolean next() {
      if (next >= text.length() || garbled) {
        return false;
      }
      int nl = text.indexOf('\n', next);
      nl = nl < 0 ? text.length() : nl;
      int space1 = text.indexOf(' ', next);
      int space2 = text.indexOf(' ', space1 + 1);
      if (space1 < 0 || space2 < 0 || space2 > nl) {
        garbled = true;
        return false;
      }
      start = Integer.parseInt(text, next, space1, 10);
      end = Integer.parseInt(text, space1 + 1, space2, 10);
      idFrom = space2 + 1;
      idTo = nl;
      next = nl + 1;
      return true;
    }

    String id() {
      return text.substring(idFrom, idTo);
    }
  }
}
