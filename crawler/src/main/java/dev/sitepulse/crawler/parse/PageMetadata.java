package dev.sitepulse.crawler.parse;

import dev.sitepulse.pinger.format.CutText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** Collects the page-level facts declared in markup: title, description, language, robots, generator. */
final class PageMetadata {
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8})*");
  private static final int MAX_LANGUAGE_TAG = 64;
  private final LinkResolver resolver;
  String title;
  String description;
  /** The program that wrote the page, as its meta generator names it; null when it does not. */
  String generator;
  String language;
  String canonical;
  /** Where an instant meta refresh sends the reader, resolved; null for none. */
  String refresh;
  /** Whether that refresh is inside {@code <noscript>}: only a reader without scripts is sent. */
  private boolean refreshWithoutScripts;
  /** Its meta robots as X-Robots-Tag values, which the crawl reads with the header's; most pages have none. */
  List<String> robots = List.of();
  private String contentLanguage;

  PageMetadata(LinkResolver resolver) {
    this.resolver = resolver;
  }

  void html(Element el) {
    if (language == null) {
      language = languageTagOrNull(el.attr("lang"));
    }
  }

  void title(Element el) {
    // An inline SVG may carry its own <title>; only the HTML one names the page.
    if (title == null && Parser.NamespaceHtml.equals(el.tag().namespace())) {
      title = CutText.of(CollapsingText.collapse(el.text()), StoredTexts.TITLE);
    }
  }

  void meta(Element el) {
    String name = el.attr("name");
    if (name.equalsIgnoreCase("description")) {
      if (description == null) {
        description = CutText.of(CollapsingText.collapse(el.attr("content")), StoredTexts.DESCRIPTION);
      }
    } else if (name.equalsIgnoreCase("generator")) {
      if (generator == null) {
        generator = el.attr("content").strip();
      }
    } else if (name.equalsIgnoreCase("robots")) {
      robots(el.attr("content"));
    } else if (mayAddressOneCrawler(name, el.attr("content"))) {
      // <meta name="googlebot" content="noindex"> is "googlebot: noindex" in the header's words,
      // which name the crawler the directives after them are for.
      robots(name + ": " + el.attr("content"));
    } else {
      String httpEquiv = el.attr("http-equiv");
      if (contentLanguage == null && httpEquiv.equalsIgnoreCase("content-language")) {
        // The header form may list several languages; the first is the primary one.
        contentLanguage = languageTagOrNull(el.attr("content").split(",", 2)[0]);
      } else if (refresh == null && httpEquiv.equalsIgnoreCase("refresh")) {
        String target = InstantRefresh.target(el.attr("content"));
        refresh = target == null ? null : resolver.resolve(target);
        refreshWithoutScripts = refresh != null && inNoscript(el);
      }
    }
  }

  /**
   * The page that stands for this one: its {@code rel=canonical}, else where an instant meta
   * refresh sends the reader, as search engines take such a page for a redirect. A refresh inside
   * {@code <noscript>} counts only on a page with next to no text of its own (javadoc's index.html
   * from 23): a script-driven app puts one on every page, sending readers without scripts to one
   * fallback page, and its pages' text must not all defer to that.
   */
  String canonicalOrRefresh(int textLength) {
    if (canonical != null) {
      return canonical;
    }
    return refreshWithoutScripts && textLength > MAX_REDIRECT_PAGE_TEXT ? null : refresh;
  }

  /** Text a page that only sends its reader on may hold: "JavaScript is disabled…", a link. */
  private static final int MAX_REDIRECT_PAGE_TEXT = 300;

  private static boolean inNoscript(Element el) {
    for (Element up = el.parent(); up != null; up = up.parent()) {
      if (up.normalName().equals("noscript")) {
        return true;
      }
    }
    return false;
  }

  void link(Element el) {
    if (canonical == null && hasToken(el.attr("rel"), "canonical")) {
      String href = el.attr("href").trim();
      canonical = href.isEmpty() ? null : resolver.resolve(href);
    }
  }

  /**
   * The value if it has the shape of a language tag ("en", "de-CH", "en_US", "zh-Hant-TW"), else
   * null: it is indexed as one term, and a hostile page could declare megabytes, past Lucene's
   * term limit.
   */
  private static String languageTagOrNull(String declared) {
    String tag = declared.trim();
    return tag.length() <= MAX_LANGUAGE_TAG && LANGUAGE_TAG.matcher(tag).matches() ? tag : null;
  }

  String languageOrNull() {
    return language != null ? language : contentLanguage;
  }

  private void robots(String directives) {
    if (robots.isEmpty()) {
      robots = new ArrayList<>(2);
    }
    robots.add(directives);
  }

  /**
   * Whether a meta other than robots may be meta robots for one crawler, named as its name: a name
   * that could be a crawler's, with a directive that asks something of an indexer. Any other
   * meta (viewport, keywords…) is left out here rather than handed on to be found not ours.
   */
  private static boolean mayAddressOneCrawler(String name, String content) {
    if (name.isEmpty() || name.indexOf(':') >= 0 || name.indexOf(',') >= 0 || name.indexOf(' ') >= 0) {
      return false;
    }
    return hasToken(content, "noindex") || hasToken(content, "nofollow") || hasToken(content, "none")
        || content.regionMatches(true, 0, "unavailable_after", 0, "unavailable_after".length());
  }

  /** Whether a space- or comma-separated attribute value holds {@code token}, ignoring case. */
  static boolean hasToken(String list, String token) {
    int n = list.length();
    int t = token.length();
    for (int i = 0; i + t <= n; i++) {
      if (list.regionMatches(true, i, token, 0, t)
          && (i == 0 || isSeparator(list.charAt(i - 1)))
          && (i + t == n || isSeparator(list.charAt(i + t)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSeparator(char c) {
    return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }
}
