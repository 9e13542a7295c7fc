package dev.sitepulse.crawler.parse;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What TypeDoc's markup says of a page beyond its ids, told by its own class names (its default
 * theme writes no meta generator).
 *
 * <p>TypeDoc heads each member of a class, interface or enum {@code <section class="tsd-panel
 * tsd-member"><h3 class="tsd-anchor-link" id="pipe"><span>pipe</span>…} (0.26 on; before, the id
 * is on an {@code <a class="tsd-anchor">} just before the heading), with badges first
 * ({@code <code class="tsd-tag">Optional</code>}), and names the item in the page's
 * {@code <div class="tsd-page-title"><h1>Class Observable&lt;T&gt;</h1>}. Its ids are the name
 * lower-cased ({@code topromise}), and a plain word as often ({@code pipe}, {@code next}), which no
 * API-name shape takes: so each member names itself as the item's, {@code Observable.pipe}, under
 * its id.
 *
 * <p>A function's page names the function by its first signature's id, the name lower-cased
 * ({@code <div class="tsd-signature tsd-anchor-link" id="adddays">}), which the page defines:
 * {@code add days}, typed as words, then finds addDays before add.
 *
 * <p>Its index page lists every export as {@code <dt class="tsd-member-summary" id="adddays">}, a
 * link to the export's own page with its summary, and its hierarchy page every class as {@code <li
 * data-refl="408" id="Observable">}: those ids define nothing there, the pages they link to do.
 * Read as definitions, the index came second for every name of the site.
 *
 * <p>It documents a member inherited from another of the site's classes in full on each page that
 * inherits it ({@code <section class="tsd-panel tsd-member tsd-is-inherited">}): Subject's pipe
 * is Observable's, as rustdoc's methods of a trait's implementation are the trait's. Such a member
 * defines its name as the item's ({@code Subject.pipe}), and its name alone is its declarer's:
 * {@code weekStartsOn}, inherited by 22 interfaces of date-fns, finds WeekOptions, which declares it.
 */
final class TypedocMarks {
  private final Map<String, String> memberNames = new HashMap<>();
  private final Set<String> declaredElsewhereIds = new HashSet<>();
  private String item;
  private boolean readingItem;
  private String openId;
  private String openName;
  private boolean openInherited;

  /** A badge before a member's name: {@code <code class="tsd-tag">Optional</code>}. */
  static boolean isTag(Element code) {
    return code.attributesSize() > 0 && code.hasClass("tsd-tag");
  }

  /**
   * An element with this id: a function's signature under the id of its name defines it; an
   * index's or hierarchy's entry only lists what another page documents, which this returns,
   * noting the id.
   */
  boolean idAt(Element el, String id) {
    String name = el.normalName();
    boolean summary = name.equals("dt") ? el.hasClass("tsd-member-summary") : name.equals("li") && el.hasAttr("data-refl");
    if (summary) {
      declaredElsewhereIds.add(id);
    } else if (item != null && id.length() == item.length() && id.equalsIgnoreCase(item)
        && !memberNames.containsKey(id) && el.hasClass("tsd-signature")) {
      memberNames.put(id, item);
    }
    return summary;
  }

  /** A heading outside furniture starts. */
  void headingStarts(Element heading) {
    readingItem = false;
    openId = null;
    Element parent = heading.parent();
    if (parent == null) {
      return;
    }
    if (heading.normalName().equals("h1")) {
      readingItem = item == null && parent.hasClass("tsd-page-title");
    } else if (heading.attributesSize() > 0 && heading.hasClass("tsd-anchor-link") && parent.hasClass("tsd-member")) {
      openId = memberId(heading);
      openName = memberName(heading);
      openInherited = parent.hasClass("tsd-is-inherited");
    }
  }

  /** The heading {@link #headingStarts} saw ends, with this text. */
  void headingEnds(CollapsingText text) {
    if (readingItem) {
      item = itemName(text.toString());
      readingItem = false;
    } else if (openId != null && openName != null && item != null && !openName.equals("constructor")) {
      memberNames.put(openId, item + "." + openName);
      if (openInherited) {
        declaredElsewhereIds.add(openId);
      }
    }
    openId = null;
  }

  /**
   * By id, each member's name as its item's ({@code pipe} → {@code Observable.pipe}), and a
   * function's own ({@code adddays} → {@code addDays}).
   */
  Map<String, String> memberNames() {
    return memberNames;
  }

  /**
   * The ids of the index's and the hierarchy's entries, which define nothing on that page, and of
   * inherited members, which define only their name as the item's.
   */
  Set<String> declaredElsewhereIds() {
    return declaredElsewhereIds;
  }

  private static String memberId(Element heading) {
    String id = heading.id();
    if (!id.isEmpty()) {
      return id;
    }
    Element before = heading.previousElementSibling(); // up to 0.25: <a id="pipe" class="tsd-anchor"></a>
    return before != null && before.normalName().equals("a") && before.hasClass("tsd-anchor") && !before.id().isEmpty()
        ? before.id()
        : null;
  }

  /** The text of the heading's span, after any badges: "toPromise" of "to<wbr>Promise". */
  private static String memberName(Element heading) {
    for (Element child : heading.children()) {
      if (child.normalName().equals("span")) {
        String name = child.text().strip();
        return DefinitionTerms.isName(name) ? name : null; // not a symbol's "[observable]"
      }
    }
    return null;
  }

  /** "Class Observable&lt;T&gt;", "Type Alias ObservableInput&lt;T&gt;": the last word before any type parameters. */
  private static String itemName(String h1) {
    int angle = h1.indexOf('<');
    String head = (angle < 0 ? h1 : h1.substring(0, angle)).strip();
    String name = head.substring(head.lastIndexOf(' ') + 1);
    return DefinitionTerms.isName(name) ? name : null;
  }
}
