package dev.sitepulse.crawler.parse;

import org.jsoup.nodes.Element;

/**
 * What javadoc writes on every class page besides the navigation any site has, asked only of a
 * page javadoc generated: each summary table's tabs ("All Methods", "Instance Methods", "Concrete
 * Methods") and column headers ("Modifier and Type", "Method", "Description"), its caption
 * ("Constructors"), the "Copy" of every snippet (javadoc 18+) and the sidebar's buttons (22+),
 * "Methods inherited from class java.lang.Object" with Object's nine names, java.lang.Object atop
 * each inheritance tree, and "Description copied from class: …" on each method that overrides
 * one. On Lucene's javadoc those words were on 500 to 1,200 of its 1,198 pages, the top of
 * analyze's terms, and matched every class for "equals", "wait" or "copy".
 *
 * <p>The names a class inherits from the site's own classes stay: they are what it offers
 * ("TermQuery rewrite" finds TermQuery, which inherits Query's rewrite), though only the class
 * that declares one defines it. Those inherited from another site's (the JDK's Object, Enum,
 * Reader…), which javadoc links as external or not at all, are another API's, the same on
 * every page; the heading of each list is furniture.
 */
final class JavadocFurniture {

  private JavadocFurniture() {}

  static Boilerplate of(Element el) {
    return switch (el.normalName()) {
      // javadoc 17+ draws its tabs and copy buttons as buttons; a button a doc comment shows stays
      case "button" -> isJavadocButton(el) ? Boilerplate.TEXT_AND_HEADINGS : Boilerplate.NONE;
      // up to 16, a summary table's tabs are its caption, and its column headers th scope=col (a
      // row's, scope=row, is the member's name); the tables a doc comment has keep theirs
      case "caption" -> inSummaryTable(el) ? Boilerplate.TEXT_AND_HEADINGS : Boilerplate.NONE;
      case "th" -> el.attr("scope").equals("col") && inSummaryTable(el) ? Boilerplate.TEXT_AND_HEADINGS : Boilerplate.NONE;
      case "div" -> el.hasClass("table-header") || el.hasClass("caption")
          || el.hasClass("inherited-list") && fromAnotherSite(el.firstElementChild())
          ? Boilerplate.TEXT_AND_HEADINGS : Boilerplate.NONE;
      case "li" -> isInheritedList(el) && fromAnotherSite(el.firstElementChild().nextElementSibling())
          ? Boilerplate.TEXT_AND_HEADINGS : Boilerplate.NONE;
      case "h3" -> el.parent() != null && (el.parent().hasClass("inherited-list") || isInheritedList(el.parent()))
          ? Boilerplate.TEXT_AND_HEADINGS : Boilerplate.NONE;
      // "Description copied from class: Query" atop each overriding method's copied description
      case "span" -> el.hasClass("description-from-type-label") || el.hasClass("descfrm-type-label")
          || el.hasClass("descfrmTypeLabel") ? Boilerplate.TEXT_AND_HEADINGS : Boilerplate.NONE;
      // the root of a class's inheritance tree, java.lang.Object on every page (17+)
      case "a" -> el.hasClass("external-link") && el.parent() != null && el.parent().hasClass("inheritance")
          ? Boilerplate.TEXT_AND_HEADINGS : Boilerplate.NONE;
      default -> Boilerplate.NONE;
    };
  }

  /**
   * Javadoc's own buttons: a summary table's tabs ({@code role="tab"}), a snippet's "Copy" and the
   * sidebar's, all of its classes ({@code table-tab}, {@code copy}, {@code snippet-copy}…).
   */
  private static boolean isJavadocButton(Element button) {
    if (button.attr("role").equals("tab")) {
      return true;
    }
    String cls = button.className();
    return cls.contains("tab") || cls.contains("copy") || cls.contains("sidebar") || cls.contains("toggle");
  }

  /** Whether the caption or header cell is a member summary table's: {@code memberSummary}, {@code typeSummary}… (8-16). */
  private static boolean inSummaryTable(Element el) {
    Element up = el.parent();
    for (int i = 0; i < 3 && up != null && !up.normalName().equals("table"); i++) {
      up = up.parent();
    }
    return up != null && up.normalName().equals("table") && up.className().contains("ummary");
  }

  /**
   * Javadoc 8 to 16's list of inherited members: a list item that opens with its anchor
   * ({@code <a id="methods.inherited.from.class.java.lang.Object">}, {@code name=} in 8), then
   * the heading and the names. Fields and nested classes have theirs.
   */
  private static boolean isInheritedList(Element li) {
    Element first = li.firstElementChild();
    if (!li.normalName().equals("li") || first == null || !first.normalName().equals("a")) {
      return false;
    }
    String id = first.id().isEmpty() ? first.attr("name") : first.id();
    return id.contains(".inherited.from.");
  }

  /**
   * Whether a list's heading names a class of another site: javadoc links one as external
   * ({@code class="external-link"} from 17, {@code externalLink} before, {@code ?is-external=true}
   * in 8's href), or, run without links to it, not at all.
   */
  private static boolean fromAnotherSite(Element heading) {
    if (heading == null) {
      return false;
    }
    for (Element link : heading.getElementsByTag("a")) {
      if (!link.hasClass("external-link") && !link.hasClass("externalLink")
          && !link.attr("href").contains("is-external=true")) {
        return false;
      }
    }
    return true;
  }
}
