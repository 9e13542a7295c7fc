package dev.sitepulse.crawler.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * The links of a {@code <noframes>} fallback. HTML parsers keep its content as raw text, which a
 * walk over the tree never sees as elements, yet a frameset page's fallback is where it links its
 * pages for a reader without frames (javadoc 8's index.html: "Non-frame version"). Parsed again on
 * its own, which is cheap: few pages have one. Its text is not indexed: it tells the reader that
 * the page wants frames.
 */
final class NoframesLinks {

  /** Where a link goes, as {@link PageExtractor} adds an outlink. */
  interface Sink {
    void add(Element link, String attribute, String anchor, int line);
  }

  private NoframesLinks() {}

  static void add(Element noframes, Sink sink) {
    String html = noframes.data();
    if (html.indexOf('<') < 0) {
      return;
    }
    Range range = noframes.sourceRange();
    boolean tracked = range.isTracked();
    Element body = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(tracked)).body();
    for (Element link : body.select("a[href], area[href]")) {
      String anchor = link.normalName().equals("a") ? link.text() : link.attr("alt");
      // The fragment's lines count from the line that <noframes> opens on.
      int line = tracked ? range.start().lineNumber() + link.sourceRange().start().lineNumber() - 1 : -1;
      sink.add(link, "href", CollapsingText.collapse(anchor), line);
    }
  }
}
