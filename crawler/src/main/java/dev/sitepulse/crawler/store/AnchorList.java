package dev.sitepulse.crawler.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A page's ids and a[name]s as crawl.db's {@code anchors} column holds them: separated by spaces,
 * each with its own '%' written %25 and its spaces %20, so that {@code id="with space"} comes
 * back whole. Rows written before the escaping read the same unless an id held "%20" or "%25".
 */
public final class AnchorList {

  private AnchorList() {}

  /** The column's value; null for none. */
  public static String join(Collection<String> anchors) {
    if (anchors.isEmpty()) {
      return null;
    }
    return anchors.stream().map(a -> a.replace("%", "%25").replace(" ", "%20"))
        .collect(Collectors.joining(" "));
  }

  /** The anchors of a column's value; empty for null. */
  public static Set<String> split(String column) {
    Set<String> out = new HashSet<>();
    if (column != null) {
      for (String escaped : column.split(" ")) {
        out.add(escaped.replace("%20", " ").replace("%25", "%"));
      }
    }
    return out;
  }
}
