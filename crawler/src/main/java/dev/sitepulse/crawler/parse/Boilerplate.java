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
      case "div", "section" ->
          el.attributesSize() > 0 && (hasFurnitureRole(el) || hasFurnitureClass(el) || el.id().equals("footer"))
              ? TEXT_AND_HEADINGS
              : NONE;
      case "a", "button", "summary" ->
          el.attributesSize() > 0 && (hasFurnitureRole(el) || isControl(el)) ? TEXT_AND_HEADINGS : NONE;
      case "span" ->
          el.attributesSize() > 0 && (hasFurnitureRole(el) || isCodeLanguageLabel(el)) ? TEXT_AND_HEADINGS : NONE;
      default -> el.attributesSize() > 0 && hasFurnitureRole(el) ? TEXT_AND_HEADINGS : NONE;
    };
  }

  /**
   * Sphinx writes its copyright, licence and "Found a bug?" footer, the same on every page, as
   * {@code <div class="footer">}: kept, it topped a site's terms and matched every page for "bug".
   * DocBook (PostgreSQL's docs) writes "Prev Up Home Next" rows above and below each page, the
   * lower one with the titles of the pages before and after: "CREATE LANGUAGE" matched CREATE
   * INDEX's page. MkDocs' own theme draws its menu of every page's title as a Bootstrap
   * {@code <div class="navbar">}: "theme configuration" matched it on every page. Its readthedocs
   * theme ends every page with "« Previous Next »" in {@code <div class="rst-versions">}, which
   * on readthedocs.io sphinx_rtd_theme fills with "Read the Docs v: latest Versions … Downloads".
   * Docusaurus draws a page's table of contents twice, as an "On this page" button for small
   * screens and as a list beside the page, in {@code <div>}s its theme names
   * {@code theme-doc-toc-mobile} and {@code theme-doc-toc-desktop}: kept, every page ended with
   * its headings again, as links. VitePress's bar for small screens, "Menu" and "Return to top",
   * is {@code <div class="VPLocalNav">}.
   */
  private static boolean hasFurnitureClass(Element el) {
    String classes = el.className();
    return !classes.isEmpty()
        && (el.hasClass("footer") || el.hasClass("navheader") || el.hasClass("navfooter")
            || el.hasClass("navbar") || el.hasClass("rst-versions")
            || classes.contains("theme-doc-toc-") && (el.hasClass("theme-doc-toc-mobile") || el.hasClass("theme-doc-toc-desktop"))
            || el.hasClass("VPLocalNav"));
  }

  /**
   * Rustdoc's controls, whose words are on every item: the "source" link by each item
   * ({@code srclink}, {@code src} since 1.73), "Run" on every example ({@code test-arrow}), "[−]"
   * that folds the docs ({@code toggle-all-docs}) and "Expand description" ({@code hideme}). Kept,
   * a method's snippet read "Run source pub fn with_capacity", and "source" matched every page.
   * Also the "¶" permalink that Sphinx and MkDocs put after every heading and definition
   * ({@code headerlink}; snippets read "Basic Usage¶ json.dump(obj, …)¶"), and a skip link
   * ({@link #isSkipLink}).
   */
  private static boolean isControl(Element el) {
    String classes = el.className();
    if (classes.isEmpty()) {
      return el.id().equals("toggle-all-docs");
    }
    if (el.normalName().equals("summary")) {
      return el.hasClass("hideme");
    }
    // Most links have classes ("reference internal"): a few scans of the string rule them out.
    return (classes.contains("src") || classes.contains("test-arrow") || classes.contains("headerlink"))
            && (el.hasClass("srclink") || el.hasClass("src") || el.hasClass("test-arrow") || el.hasClass("headerlink"))
        || isSkipLink(el, classes);
  }

  /**
   * The "Skip to content" link a theme opens every page with, for keyboards and screen readers,
   * told by a class that says skip and a target on the page: Material's {@code md-skip},
   * Docusaurus's {@code skipToContent_fXgn} (a CSS module's hashed name), VitePress's
   * {@code VPSkipLink}, WordPress's {@code skip-link}. Kept, it matched every page, and its words
   * topped the site's terms.
   */
  private static boolean isSkipLink(Element el, String classes) {
    return (classes.contains("skip") || classes.contains("Skip")) && el.normalName().equals("a")
        && el.attr("href").startsWith("#");
  }

  /**
   * The language VitePress writes in the corner of every code block, {@code <span class="lang">}
   * in {@code <div class="language-js">}: kept, "js" was on 170 of 201 pages of a VitePress site
   * and snippets read "mjs import { readFile } …".
   */
  private static boolean isCodeLanguageLabel(Element el) {
    Element block = el.parent();
    return el.className().equals("lang") && block != null && block.className().startsWith("language-");
  }

  /**
   * The landmark roles of navigation, of a page's footer and of an aside ({@code complementary}:
   * MkDocs' own theme marks its table-of-contents sidebar so), and a dialog, hidden until asked
   * for: MkDocs' own theme ends every page with its search box and keyboard help as two.
   */
  private static boolean hasFurnitureRole(Element el) {
    String role = el.attr("role");
    return role.equalsIgnoreCase("navigation") || role.equalsIgnoreCase("contentinfo")
        || role.equalsIgnoreCase("complementary") || role.equalsIgnoreCase("dialog");
  }
}
