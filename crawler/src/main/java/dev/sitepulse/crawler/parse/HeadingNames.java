package dev.sitepulse.crawler.parse;

import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The names that headings define under ids of another form, in two shapes generators write:
 *
 * <ul>
 *   <li>A heading that opens with code, under the id a Markdown generator makes of its text. The
 *       Node.js docs head each function {@code ### `fs.readFile(path[, options], callback)`};
 *       Docusaurus (as GitHub) ids it {@code fsreadfilepath-options-callback}, VitePress
 *       {@code fs-readfile-path-options-callback}. Node's own HTML puts that id on the permalink
 *       inside the heading ({@code <a class="mark" href="#X" id="X">#</a>}), and may put a label
 *       before the code, which the id then starts with: {@code Static method: `Buffer.from(array)`}
 *       under {@code static-method-bufferfromarray}.
 *   <li>A heading that opens with a link to itself and then is a name alone, maybe called:
 *       Doxygen heads each member {@code <h2 class="memtitle"><span class="permalink"><a
 *       href="#a90c5efb…">◆</a></span>ucnv_open()</h2>}, its id a hash.
 * </ul>
 *
 * No id is the name, as Sphinx's or rustdoc's are, so without this no page of theirs defined
 * one. A name the page's title has is the page itself, as a class's constructors are on its
 * page. Headings do not nest: one is read at a time.
 */
final class HeadingNames {
  private final Map<String, String> names = new HashMap<>();
  private String openId;
  /** The open code heading's label before its code ("Static method:"), or "". */
  private String label = "";
  /** The open heading's permalink text, which its text starts with; null for a code heading. */
  private String permalink;

  /** A heading starts: it is read if it opens with code and has an id, or with a permalink. */
  void enter(Element heading) {
    openId = null;
    label = "";
    Node lead = leadingNode(heading);
    if (lead instanceof TextNode text && text.nextSibling() instanceof Element code
        && code.normalName().equals("code") && isLabel(text.getWholeText())) {
      label = CollapsingText.collapse(text.getWholeText());
      lead = code;
    }
    if (!(lead instanceof Element first)) {
      return;
    }
    if (first.normalName().equals("code")) {
      String id = heading.attributesSize() > 0 ? heading.id() : "";
      openId = id.isEmpty() ? selfLinkId(heading) : id;
      permalink = null;
    } else if (isDoxygenPermalink(heading, first)) {
      Element link = first.normalName().equals("span") ? first.firstElementChild() : first;
      String href = link != null && link.normalName().equals("a") ? link.attr("href") : "";
      String text = href.length() > 1 && href.charAt(0) == '#' ? CollapsingText.collapse(link.text()) : null;
      if (text != null && text.codePoints().noneMatch(Character::isLetterOrDigit)) { // ◆, #, ¶: no words
        openId = href.substring(1);
        permalink = text;
      }
    }
  }

  /**
   * Doxygen's own marks: its member headings ({@code h2.memtitle}) open with a
   * {@code span.permalink}. Other themes put a wordless self-link before a heading too (VuePress's
   * {@code #}, just-the-docs' icon), before prose titles ("JavaScript", "PostgreSQL") that define
   * nothing.
   */
  private static boolean isDoxygenPermalink(Element heading, Element first) {
    return heading.hasClass("memtitle") || first.normalName().equals("span") && first.hasClass("permalink");
  }

  /** The heading that {@link #enter} saw ends, with this text, on a page of this title. */
  void exit(CollapsingText text, String title) {
    if (openId == null) {
      return;
    }
    String name = permalink == null ? slugName(text) : linkedName(text.toString());
    if (name != null && !name.equals(openId) && !names(title, name)) {
      names.put(openId, name);
    }
    openId = null;
  }

  Map<String, String> names() {
    return names;
  }

  private String slugName(CollapsingText text) {
    String word = nameAt(text.wordAt(label.length()));
    return !word.isEmpty() && slugStartsWith(openId, label + word) ? word : null;
  }

  /** The word without what follows a name in it: a permalink's "#" run into "blob.size#". */
  private static String nameAt(String word) {
    int end = 0;
    while (end < word.length() && (isNamePart(word.charAt(end)) || word.charAt(end) == '$')) {
      end++;
    }
    return word.substring(0, end);
  }

  /** A few words ending in a colon before a heading's code: "Class:", "Static method:". */
  private static boolean isLabel(String text) {
    String label = text.strip();
    if (label.length() < 2 || label.length() > 32 || label.charAt(label.length() - 1) != ':') {
      return false;
    }
    for (int i = 0; i < label.length() - 1; i++) {
      char c = label.charAt(i);
      if (!Character.isLetter(c) && c != ' ') {
        return false;
      }
    }
    return true;
  }

  /** The id of a link inside the heading to itself, as Node's docs permalink it; else null. */
  private static String selfLinkId(Element heading) {
    for (Element link : heading.getElementsByTag("a")) {
      if (Boilerplate.linksToItself(link)) {
        return link.id();
      }
    }
    return null;
  }

  /** The name after the permalink, when nothing but its call follows: "ucnv_open()", "USet". */
  private String linkedName(String heading) {
    if (!heading.startsWith(permalink)) {
      return null;
    }
    int start = permalink.length();
    while (start < heading.length() && heading.charAt(start) == ' ') {
      start++;
    }
    int end = start;
    while (end < heading.length() && (Character.isLetterOrDigit(heading.charAt(end)) || heading.charAt(end) == '_')) {
      end++;
    }
    boolean alone = end == heading.length() || heading.charAt(end) == '(';
    return end > start && !Character.isDigit(heading.charAt(start)) && alone ? heading.substring(start, end) : null;
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

  /** Whether {@code title} has {@code name} as a word of its own: "icu::UnicodeString Class Reference". */
  private static boolean names(String title, String name) {
    for (int at = title == null ? -1 : title.indexOf(name); at >= 0; at = title.indexOf(name, at + 1)) {
      int after = at + name.length();
      if ((at == 0 || !isNamePart(title.charAt(at - 1))) && (after == title.length() || !isNamePart(title.charAt(after)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  /**
   * The first thing in the heading, blank text aside: an element "`fs.readFile`" names an API,
   * while a heading of prose that starts with a camel-cased word ("JavaScript modules") does not.
   */
  private static Node leadingNode(Element heading) {
    for (Node child : heading.childNodes()) {
      if (!(child instanceof TextNode text && text.isBlank())) {
        return child;
      }
    }
    return null;
  }
}
