package dev.sitepulse.crawler.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Collects a page's {@link Section}s during the tree walk, so that a search hit can link to the part
 * of the page its snippet comes from. A heading's section runs to the next heading of its rank or
 * higher, so an h3 lies within the h2 above it. Generators put a heading's id in different places:
 * on the heading (Hugo, MkDocs, rustdoc), on the section it opens (Sphinx, javadoc), on an element
 * inside it (MediaWiki's span, GitHub's anchor link) or on an empty anchor just before it (Doxygen,
 * older hand-written pages); its permalink ({@code ¶}, {@code §}, an icon) names it when nothing
 * else does.
 */
final class SectionStarts {
  /**
   * A page with more (a single-page spec) keeps its first ones only: the text after them links to
   * the page itself rather than bloating the index.
   */
  private static final int MAX_SECTIONS = 2_000;
  /** Longer link text is no permalink: a "back to top" or a table of contents' entry. */
  private static final int MAX_PERMALINK_TEXT = 2;

  private final List<Heading> headings = new ArrayList<>();
  private final List<Section> definitions = new ArrayList<>();
  private final Deque<OpenTerm> openTerms = new ArrayDeque<>();
  private Element openHeading; // one whose id is not known yet
  private List<String> openLabels;
  private int openStart;
  private String selfLink;
  private boolean full;

  /** @param labels other ids that go to the heading: Sphinx's labels, empty spans before it */
  private record Heading(String id, int start, int rank, List<String> labels) {
    Heading(String id, int start, int rank) {
      this(id, start, rank, List.of());
    }
  }

  private record OpenTerm(Element list, String id, int start) {}

  /** @param labels its section's other ids ({@link SectionLabels#of}) */
  void heading(Element h, int textLength, List<String> labels) {
    closeHeading();
    if (full) {
      return;
    }
    int rank = rank(h);
    if (headings.size() + definitions.size() + openTerms.size() >= MAX_SECTIONS) {
      full = true; // ends every section open so far, so that the rest links to the page itself
      headings.add(new Heading("", textLength, 1));
      return;
    }
    // The page's first heading, when an h1, is its title: a link to the page's top needs no id.
    if (headings.isEmpty() && rank == 1) {
      headings.add(new Heading("", textLength, rank));
      return;
    }
    String id = usable(h.id());
    if (id.isEmpty() && opens(h)) {
      id = usable(h.parent().id());
    }
    if (id.isEmpty()) {
      openHeading = h;
      openLabels = labels;
      openStart = textLength;
      selfLink = null;
    } else {
      headings.add(new Heading(id, textLength, rank, labels));
    }
  }

  /** An id (or a[name]) of an element within the heading being read, when that has none. */
  void idWithin(String id) {
    if (openHeading != null && !usable(id).isEmpty()) {
      headings.add(new Heading(id, openStart, rank(openHeading), openLabels));
      openHeading = null;
    }
  }

  /**
   * A link within the heading being read: its permalink when it goes to a {@code #fragment} and
   * reads as a mark, not as words (Sphinx's {@code ¶}, rustdoc's {@code §}, GitHub's icon).
   */
  void linkWithin(Element a) {
    if (openHeading == null) {
      return; // nearly every link: no attribute read
    }
    String href = a.attr("href");
    if (href.length() > 1 && href.charAt(0) == '#'
        && href.indexOf('%') < 0 // percent-encoded fragments would need decoding to match the id
        && a.text().strip().length() <= MAX_PERMALINK_TEXT) {
      selfLink = usable(href.substring(1));
    }
  }

  /** The id of the last heading read, whose section the text read next is in; empty for none. */
  String headingId() {
    return openHeading != null || headings.isEmpty() ? "" : headings.get(headings.size() - 1).id();
  }

  void definition(Element dt, String id, int textLength) {
    if (!full && definitions.size() + openTerms.size() + headings.size() < MAX_SECTIONS
        && dt.parent() != null && !usable(id).isEmpty()) {
      openTerms.push(new OpenTerm(dt.parent(), id, textLength));
    }
  }

  /** Called at every element's end: a definition's section ends with its list. */
  void exit(Element el, int textLength) {
    if (el == openHeading) {
      closeHeading();
    }
    while (!openTerms.isEmpty() && openTerms.peek().list() == el) {
      OpenTerm term = openTerms.pop();
      definitions.add(new Section(term.id(), term.start(), textLength));
    }
  }

  /** The sections of a text of {@code length} chars: headings' first, then definitions'. */
  List<Section> result(int length) {
    closeHeading();
    while (!openTerms.isEmpty()) { // a list the page never closed ends with the page
      OpenTerm term = openTerms.pop();
      definitions.add(new Section(term.id(), term.start(), length));
    }
    List<Section> out = new ArrayList<>(headings.size() + definitions.size());
    int labels = 0; // within the sections' limit, with the headings and definitions
    for (int i = 0; i < headings.size(); i++) {
      Heading h = headings.get(i);
      int end = length;
      for (int next = i + 1; next < headings.size(); next++) {
        if (headings.get(next).rank() <= h.rank()) {
          end = headings.get(next).start();
          break;
        }
      }
      Section section = within(h.id(), h.start(), end, length);
      out.add(section);
      for (String label : h.labels()) { // after the heading's own id, which a snippet there links to
        if (!label.equals(h.id()) && headings.size() + definitions.size() + labels < MAX_SECTIONS) {
          out.add(new Section(label, section.start(), section.end()));
          labels++;
        }
      }
    }
    for (Section d : definitions) {
      out.add(within(d.id(), d.start(), d.end(), length));
    }
    return out;
  }

  /** The text's trailing space is trimmed, so a section may end one char short of where it was seen. */
  private static Section within(String id, int start, int end, int length) {
    int to = Math.min(end, length);
    return new Section(id, Math.min(start, to), to);
  }

  /** Ends the open heading: named by its permalink, an empty anchor just before it, or nothing. */
  private void closeHeading() {
    if (openHeading == null) {
      return;
    }
    String id = selfLink != null && !selfLink.isEmpty() ? selfLink : anchorBefore(openHeading);
    headings.add(new Heading(id, openStart, rank(openHeading), openLabels));
    openHeading = null;
  }

  private static int rank(Element h) {
    return h.normalName().charAt(1) - '0';
  }

  /**
   * Whether the heading opens its parent: nothing with text comes before it there. Sphinx may put
   * an empty {@code <span id>} (an old name of the section) between a section and its heading, and
   * rustdoc a method's version and source link, floated to the right of its heading.
   */
  private static boolean opens(Element h) {
    if (h.parent() == null) {
      return false;
    }
    for (Node before = h.previousSibling(); before != null; before = before.previousSibling()) {
      boolean empty = before instanceof TextNode text ? text.isBlank()
          : !(before instanceof Element el) || !el.hasText() || el.hasClass("rightside");
      if (!empty) {
        return false;
      }
    }
    return true;
  }

  private static String anchorBefore(Element h) {
    Element before = h.previousElementSibling();
    if (before == null || !before.normalName().equals("a") || before.hasText()) {
      return "";
    }
    String id = before.id();
    return usable(id.isEmpty() ? before.attr("name") : id);
  }

  /** An id a fragment can name and the index can keep: no white space, not absurdly long. */
  static String usable(String id) {
    if (id.length() > 512) {
      return "";
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isWhitespace(id.charAt(i))) {
        return "";
      }
    }
    return id;
  }
}
