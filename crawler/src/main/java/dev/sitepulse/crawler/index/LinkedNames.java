package dev.sitepulse.crawler.index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.util.BytesRef;

/**
 * The names other pages link to each page's sections by, gathered once a crawl has all its
 * links, for search to rank the definition most pages link to first, as web engines weigh anchor
 * text: a hundred pages of the Python docs link to the builtin {@code open()} as "open()", a few
 * to {@code os.open()} or {@code aifc.open()}. Only link text written as code counts, a name called
 * ({@code open()}) or with a dot or an underscore ({@code str.split}, {@code __init__}): prose
 * ("Built-in Functions") and a bare word ("dict", "Exception") are as often a page's title or a
 * word of a sentence as a name.
 *
 * <p>Per page, one line for each section (fragment, empty for the page) and name: {@code fragment
 * TAB pages TAB name}, where pages counts the distinct pages that link so, and a dotted name
 * called is written {@code whole/last} ({@code str.split/split} of {@code str.split()}), since a
 * query names a method by its own name; lower-cased.
 */
public final class LinkedNames {
  /** A name, dotted or not, maybe called with nothing between the brackets; nothing else. */
  private static final Pattern CODE = Pattern.compile("([\\p{L}_][\\p{L}\\p{N}_]*(?:\\.[\\p{L}_][\\p{L}\\p{N}_]*)*)(\\(\\))?");

  /** Each link text's name, null for none: most texts recur (a hundred "open()"). */
  private final Map<String, String> names = new HashMap<>();
  /** Target URL, then fragment TAB name, then the pages that link so. */
  private final Map<String, Map<String, Set<Long>>> links = new HashMap<>();

  /** A link from page {@code from} (any id of it) to {@code to}'s {@code fragment} (null: the page). */
  public void add(long from, String to, String fragment, String text) {
    String name = names.computeIfAbsent(text, LinkedNames::name);
    if (name != null) {
      String key = (fragment == null ? "" : fragment.replace('\t', ' ').replace('\n', ' ')) + '\t' + name;
      links.computeIfAbsent(to, url -> new HashMap<>()).computeIfAbsent(key, k -> new HashSet<>()).add(from);
    }
  }

  /** Each linked page's lines, in a stable order; pages no link names are absent. */
  public Map<String, BytesRef> encoded() {
    Map<String, BytesRef> out = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Set<Long>>> page : new TreeMap<>(links).entrySet()) {
      StringBuilder lines = new StringBuilder();
      for (Map.Entry<String, Set<Long>> line : new TreeMap<>(page.getValue()).entrySet()) {
        int tab = line.getKey().indexOf('\t');
        lines.append(line.getKey(), 0, tab).append('\t').append(line.getValue().size())
            .append(line.getKey(), tab, line.getKey().length()).append('\n');
      }
      out.put(page.getKey(), new BytesRef(lines.toString().getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  /** One line as {@link #encoded} writes it: the name's forms, whole and last part when dotted. */
  public record Line(String fragment, int pages, List<String> forms) {}

  /** The lines of one page's value. */
  public static List<Line> decode(BytesRef value) {
    List<Line> lines = new ArrayList<>();
    String text = value.utf8ToString();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      String[] cells = text.substring(start, end).split("\t", 3);
      if (cells.length == 3) {
        lines.add(new Line(cells[0], Integer.parseInt(cells[1]), List.of(cells[2].split("/"))));
      }
      start = end + 1;
    }
    return lines;
  }

  /** The name a link's text writes as code, as {@link #encoded} writes it; null for other text. */
  static String name(String text) {
    Matcher code = CODE.matcher(text.strip());
    if (!code.matches()) {
      return null;
    }
    String name = code.group(1).toLowerCase(Locale.ROOT);
    boolean called = code.group(2) != null;
    int dot = name.lastIndexOf('.');
    if (dot > 0) { // a method called by its own name; a module's last part is none (urllib.request)
      return called ? name + '/' + name.substring(dot + 1) : name;
    }
    return called || name.indexOf('_') >= 0 ? name : null;
  }
}
