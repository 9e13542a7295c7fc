package dev.sitepulse.crawler.parse;

import dev.sitepulse.pinger.format.CutText;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Collects what a page embeds, for a link check: {@link PageExtractor} hands it the elements that
 * can embed something, and only when the page is parsed for a link check, so that a crawl for
 * search reads no attribute more than before.
 */
final class EmbeddedResources {

  /** The rel tokens of a {@code <link>} whose href a browser fetches for the page, in the order a mixed rel is named by. */
  private static final String[] FETCHED_RELS = {"stylesheet", "icon", "apple-touch-icon",
      "apple-touch-icon-precomposed", "manifest", "preload", "modulepreload"};

  private final List<Embed> found = new ArrayList<>();

  /** Any element but those the extractor reads for itself; only some embed something. */
  void add(Element el) {
    String name = el.normalName();
    switch (name) {
      case "img" -> {
        String alt = CollapsingText.collapse(el.attr("alt"));
        url(el, "src", "img", alt);
        srcset(el, "img srcset", alt);
      }
      case "source" -> {
        url(el, "src", "source", ""); // in <video> and <audio>
        srcset(el, "source srcset", ""); // in <picture>
      }
      case "video" -> {
        url(el, "src", "video", "");
        url(el, "poster", "video poster", "");
      }
      case "object" -> url(el, "data", "object", "");
      case "image" -> svg(el, "svg image"); // an HTML <image> is parsed as <img>
      case "use" -> svg(el, "svg use"); // an icon of a sprite: /icons.svg#search
      case "feimage" -> svg(el, "svg feImage");
      case "link" -> {
        String rel = fetchedRel(el.attr("rel"));
        if (rel != null) {
          url(el, "href", "link rel=" + rel, "");
        }
      }
      case "input" -> {
        if (el.attr("type").trim().equalsIgnoreCase("image")) {
          url(el, "src", "input type=image", CollapsingText.collapse(el.attr("alt")));
        }
      }
      case "script" -> {
        if (SvgHref.isSvg(el)) {
          svg(el, "svg script"); // SVG's script loads its href, and has no src
        } else {
          url(el, "src", "script", "");
        }
      }
      case "iframe", "frame", "audio", "track", "embed" -> url(el, "src", name, "");
      default -> {}
    }
  }

  /** What was found, resolved as outlinks are. */
  List<Embed> resolved(LinkResolver resolver) {
    List<Embed> out = new ArrayList<>(found.size());
    for (Embed raw : found) {
      String url = resolver.resolve(raw.url());
      out.add(url == null || url.equals(raw.url()) ? raw : new Embed(url, raw.element(), raw.alt(), raw.line()));
    }
    return out;
  }

  private void url(Element el, String attribute, String element, String alt) {
    String url = el.attr(attribute).trim();
    if (!url.isEmpty() && !inTemplate(el)) {
      found.add(new Embed(url, element, CutText.of(alt, StoredTexts.LINK_TEXT), el.sourceRange().start().lineNumber()));
    }
  }

  /**
   * An SVG element's href or xlink:href ({@link SvgHref}), which the browser loads: an image, a
   * script, a sprite's icon. A reference into the page itself ({@code <use href="#icon">}, the
   * symbols an inline sprite defines) loads nothing, and is left out.
   */
  private void svg(Element el, String element) {
    String attribute = SvgHref.attribute(el);
    if (attribute != null && SvgHref.isSvg(el) && !el.attr(attribute).trim().startsWith("#")) {
      url(el, attribute, element, "");
    }
  }

  private void srcset(Element el, String element, String alt) {
    String srcset = el.attr("srcset");
    if (srcset.isEmpty() || inTemplate(el)) {
      return;
    }
    int line = el.sourceRange().start().lineNumber();
    for (String url : Srcset.urls(srcset)) {
      found.add(new Embed(url, element, CutText.of(alt, StoredTexts.LINK_TEXT), line));
    }
  }

  /**
   * Whether the element is in a {@code <template>}: inert content a browser fetches nothing of
   * until a script clones it, often with placeholders for its URLs ({@code src="{{ thumb }}"}).
   */
  private static boolean inTemplate(Element el) {
    for (Element at = el.parent(); at != null; at = at.parent()) {
      if (at.normalName().equals("template")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The token of a rel that makes the browser fetch the link ("shortcut icon" reads icon), or null
   * for one it only names (canonical, alternate, next…), which is a link, not a resource.
   */
  private static String fetchedRel(String rel) {
    if (rel.isEmpty()) {
      return null;
    }
    for (String token : FETCHED_RELS) {
      if (PageMetadata.hasToken(rel, token)) {
        return token;
      }
    }
    return null;
  }
}
