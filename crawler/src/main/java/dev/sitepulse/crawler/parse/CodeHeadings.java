package dev.sitepulse.crawler.parse;

import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The names that headings opening with code define, under the id a Markdown generator makes of
 * the heading's text. The Node.js docs head each function {@code ### `fs.readFile(path[,
 * options], callback)`}; Docusaurus (as GitHub) ids it {@code fsreadfilepath-options-callback},
 * VitePress {@code fs-readfile-path-options-callback}: no id is the name, as Sphinx's would be, so
 * without this no page defined one. Headings do not nest: one is read at a time.
 */
final class CodeHeadings {
  private final Map<String, String> names = new HashMap<>();
  private String openId;

  /** A heading starts: it is read if it has an id and opens with a {@code <code>} element. */
  void enter(Element heading) {
    String id = heading.attributesSize() > 0 ? heading.id() : "";
    openId = !id.isEmpty() && opensWithCode(heading) ? id : null;
  }

  /** The heading that {@link #enter} saw ends, with this text. */
  void exit(CollapsingText text) {
    if (openId != null) {
      String word = text.wordAt(0);
      if (!word.isEmpty() && !word.equals(openId) && slugStartsWith(openId, word)) {
        names.put(openId, word);
      }
      openId = null;
    }
  }

  Map<String, String> names() {
    return names;
  }

  /**
   * Whether the id starts with the name's letters and digits, in any case, whatever else stands
   * between them: generators drop a name's dots and brackets or make dashes of them, and add the
   * rest of the heading, {@code dgramcreatesocketoptions-callback} and
   * {@code dgram-createsocket-options-callback} both for {@code dgram.createSocket}.
   */
  static boolean slugStartsWith(String id, String name) {
    int i = 0;
    for (int n = 0; n < name.length(); n++) {
      char c = name.charAt(n);
      if (!Character.isLetterOrDigit(c)) {
        continue;
      }
      while (i < id.length() && !Character.isLetterOrDigit(id.charAt(i))) {
        i++;
      }
      if (i == id.length() || Character.toLowerCase(id.charAt(i)) != Character.toLowerCase(c)) {
        return false;
      }
      i++;
    }
    return i > 0;
  }

  /**
   * Whether the first thing in the heading is code: "`fs.readFile`" names an API, while a heading
   * of prose that starts with a camel-cased word ("JavaScript modules") does not.
   */
  private static boolean opensWithCode(Element heading) {
    for (Node child : heading.childNodes()) {
      if (!(child instanceof TextNode text && text.isBlank())) {
        return child instanceof Element el && el.normalName().equals("code");
      }
    }
    return false;
  }
}
