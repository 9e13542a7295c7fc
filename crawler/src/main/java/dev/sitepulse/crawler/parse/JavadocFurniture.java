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
      // javadoc 17+ draws its tabs and copy buttons as buttons; up to 16, tabs are a caption
      case "button", "caption" -> Boilerplate.TEXT_AND_HEADINGS;
      // up to 16, a column's header; a row's, scope=row, is the member's name
      case "th" -> el.attr("scope").equals("col") ? Boilerplate.TEXT_AND_HEADINGS : Boilerplate.NONE;
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
