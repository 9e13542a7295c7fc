package dev.sitepulse.crawler.parse;

import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Which attribute holds the URL of an {@code <a>} or {@code <image>}: {@code href}, or in SVG
 * content the {@code xlink:href} of SVG 1.1, which browsers still follow and load when no
 * {@code href} is there (SVG 2 lets {@code href} win). An HTML element has no {@code xlink:href}.
 */
final class SvgHref {
  static final String XLINK = "xlink:href";

  private SvgHref() {}

  /** {@code href}, or {@code xlink:href} for an SVG element that has it and no href; null for neither. */
  static String attribute(Element el) {
    if (el.hasAttr("href")) {
      return "href";
    }
    return el.hasAttr(XLINK) && isSvg(el) ? XLINK : null;
  }

  static boolean isSvg(Element el) {
    return Parser.NamespaceSvg.equals(el.tag().namespace());
  }
}
