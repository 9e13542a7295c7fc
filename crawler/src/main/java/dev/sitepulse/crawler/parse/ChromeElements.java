package dev.sitepulse.crawler.parse;

import org.jsoup.nodes.Element;

/**
 * Elements whose id names no definition, whatever its shape: a page's scripts, styles and form
 * controls, and its navigation. A Sphinx theme writes {@code <script id="documentation_options">}
 * and {@code <input id="menuToggler">} on every page, and the index took both for API names, an
 * underscored and a camel-cased one, defined on every page of the Python docs.
 */
final class ChromeElements {
  private ChromeElements() {}

  static boolean definesNothing(Element el) {
    return switch (el.normalName()) {
      case "script", "style", "noscript", "template", "link", "meta", "button", "input", "select", "textarea",
          "option", "nav" -> true;
      default -> false;
    };
  }
}
