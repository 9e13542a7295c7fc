package dev.sitepulse.crawler.parse;

import org.jsoup.nodes.Element;

/** Which subtrees are page furniture rather than content. */
enum Boilerplate {
  NONE,
  /** A page or article {@code <header>}: its text is furniture, but its h1 is often the title. */
  TEXT,
  /** Scripts, navigation, asides, the document head: neither text nor headings are content. */
  TEXT_AND_HEADINGS;

  boolean skipsText() {
    return this != NONE;
  }

  boolean skipsHeadings() {
    return this == TEXT_AND_HEADINGS;
  }

  static Boilerplate of(Element el) {
    return switch (el.normalName()) {
      case "header" -> TEXT;
      case "head", "title", "script", "style", "noscript", "template", "nav", "footer", "aside" ->
          TEXT_AND_HEADINGS;
      default -> el.attributesSize() > 0 && isFurnitureByName(el) ? TEXT_AND_HEADINGS : NONE;
    };
  }

  /**
   * A landmark role of navigation or footer, or a footer named as such: Sphinx writes its
   * copyright, licence and "Found a bug?" footer, the same on every page, as {@code <div
   * class="footer">}; kept, it topped a site's terms and matched every page for "bug".
   */
  private static boolean isFurnitureByName(Element el) {
    String role = el.attr("role");
    return role.equalsIgnoreCase("navigation") || role.equalsIgnoreCase("contentinfo")
        || el.hasClass("footer") || el.id().equalsIgnoreCase("footer");
  }
}
