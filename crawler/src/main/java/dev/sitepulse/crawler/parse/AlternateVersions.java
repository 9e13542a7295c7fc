package dev.sitepulse.crawler.parse;

import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Which {@code <link rel="alternate">} names another version of the page: a translation
 * ({@code hreflang}), a mobile or print version ({@code media}), a page to follow as an {@code <a>}
 * is (wget -r does). Not a feed ({@code type="application/rss+xml"} and other types but HTML's): it
 * is no page to index; nor an {@code alternate stylesheet}, a resource the page embeds.
 */
final class AlternateVersions {

  private AlternateVersions() {}

  static boolean isOne(Element link) {
    String rel = link.attr("rel");
    if (!PageMetadata.hasToken(rel, "alternate") || PageMetadata.hasToken(rel, "stylesheet")) {
      return false;
    }
    String type = link.attr("type").trim().toLowerCase(Locale.ROOT);
    return type.isEmpty() || PageParser.parses(type);
  }
}
