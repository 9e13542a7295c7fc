package dev.sitepulse.crawler.search.internal.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which of the query's names a hit's page defines, as the page writes its id
 * ({@link DefinedNames#anchorIn}): read from the page's definitions, apart from finding the names
 * in the query.
 */
final class DefinitionAnchors {
  private DefinitionAnchors() {}

  /**
   * The id, as the page writes it, of the first of {@code names} it defines, those of more parts
   * first: a hit links to the definition itself, as a docs site's own search does, and to the one
   * the query names in full ({@code fs readFile} to fs.readFile, not to filehandle.readFile, the
   * shortest id ending in readFile). Null when it defines none.
   *
   * @param defined the page's definitions, one per line ({@code HitFields#definedNames}): an id
   *     that is a name, or a name, a tab and the id that defines it (javadoc's {@code commit()})
   */
  static String in(String defined, List<String> names) {
    if (defined.isEmpty()) {
      return null;
    }
    String[] lines = defined.split("\n");
    List<String> longestFirst = new ArrayList<>(names);
    longestFirst.sort(Comparator.comparingInt(DefinitionAnchors::parts).reversed());
    for (String name : longestFirst) {
      String id = named(lines, name);
      if (id == null) {
        id = name.indexOf(DefinedNames.ANY_PARTS) > 0 ? ofMember(lines, name) : endingIn(lines, name);
      }
      if (id != null) {
        return id;
      }
    }
    return null;
  }

  /** The shortest of the ids named {@code name}, a method's overloads: search(Query,int), not search(List,Weight,Collector). */
  private static String named(String[] lines, String name) {
    return shortestId(lines, id -> id.equalsIgnoreCase(name));
  }

  /** For a {@link DefinedNames#member} ({@code pathlib..glob}): the shortest of pathlib.*.glob. */
  private static String ofMember(String[] lines, String member) {
    int anyParts = member.indexOf(DefinedNames.ANY_PARTS);
    String module = member.substring(0, anyParts + 1);
    String last = member.substring(anyParts + 1);
    return shortestId(lines, id -> {
      String lower = id.toLowerCase(Locale.ROOT);
      return lower.startsWith(module) && lower.endsWith(last) && lower.length() > member.length();
    });
  }

  /**
   * The shortest id whose name ends in {@code name} after a dot: datetime.strftime for
   * datetime.datetime.strftime, .getcwd for os.getcwd, json.dumps rather than
   * json.JSONEncoder.dumps. A name without a dot (join) has no such tail.
   */
  private static String endingIn(String[] lines, String name) {
    if (name.indexOf('.') < 0) {
      return null;
    }
    String dotted = DefinedNames.isLastPart(name) ? name : "." + name;
    return shortestId(lines, id -> id.length() >= dotted.length()
        && id.regionMatches(true, id.length() - dotted.length(), dotted, 0, dotted.length()));
  }

  /** The shortest id, the first of those as short, of the lines whose name {@code matches}; null for none. */
  private static String shortestId(String[] lines, Predicate<String> matches) {
    String shortest = null;
    for (String line : lines) {
      if (matches.test(nameOf(line)) && (shortest == null || idOf(line).length() < shortest.length())) {
        shortest = idOf(line);
      }
    }
    return shortest;
  }

  /** How many parts a name has: 3 for os.path.join, 1 for .getcwd, a last part. */
  private static int parts(String name) {
    int dots = (int) name.chars().filter(c -> c == '.').count();
    return DefinedNames.isLastPart(name) ? dots : dots + 1;
  }

  private static String nameOf(String line) {
    int tab = line.indexOf('\t');
    return tab < 0 ? line : line.substring(0, tab);
  }

  private static String idOf(String line) {
    return line.substring(line.indexOf('\t') + 1);
  }
}
