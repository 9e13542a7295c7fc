package dev.sitepulse.crawler.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The names a section's labels define. Sphinx writes each reST label of a section
 * ({@code .. _raise:}) as an empty {@code <span id="raise">} before its heading, and the Python
 * language reference labels each statement's section by its keyword: "7.8. The {@code raise}
 * statement". A label the heading writes as code is that name's definition, as a definition term's
 * id is; no other page defines the keyword, so the 2to3 fixer of that name came first for
 * {@code raise} and {@code import}. Other labels ({@code .. _tut-errors:} before "Errors and
 * Exceptions", {@code from} before "The {@code import} statement") name the section, not a name;
 * every label goes to the section ({@link SectionStarts}).
 */
final class SectionLabels {
  /** Empty elements read before a heading: Sphinx writes one per label, a section has few. */
  private static final int MAX_LABELS = 8;

  private SectionLabels() {}

  /** Adds to {@code definitionIds} the labels of {@code heading} ({@link #of}) that it writes as code. */
  static void addDefined(Element heading, List<String> labels, Set<String> definitionIds) {
    for (String id : labels) {
      if (writesAsCode(heading, id)) {
        definitionIds.add(id);
      }
    }
  }

  /** The ids of the empty elements just before {@code heading}: its section's labels, the nearest first. */
  static List<String> of(Element heading) {
    List<String> ids = List.of();
    Element label = heading.previousElementSibling();
    for (int read = 0; label != null && read < MAX_LABELS && label.childNodeSize() == 0; read++) {
      String id = label.attributesSize() > 0 ? SectionStarts.usable(label.id()) : "";
      if (!id.isEmpty()) {
        ids = ids.isEmpty() ? new ArrayList<>(2) : ids;
        ids.add(id);
      }
      label = label.previousElementSibling();
    }
    return ids;
  }

  private static boolean writesAsCode(Element heading, String name) {
    for (Element code : heading.getElementsByTag("code")) {
      if (code.text().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
