package dev.sitepulse.crawler.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Extracts everything in one walk over the tree: CSS selectors would walk it once per question and
 * pay for selector parsing, which shows in a cold JVM parsing hundreds of pages.
 */
final class PageExtractor implements NodeVisitor {
  private final LinkResolver resolver;
  private final PageMetadata metadata;
  private final CollapsingText text;
  private final List<String> headings = new ArrayList<>();
  private final List<Outlink> outlinks = new ArrayList<>();
  private final Set<String> anchors = new HashSet<>();
  private final Set<String> definitionIds = new HashSet<>();
  private final DefinitionTerms definitionTerms = new DefinitionTerms();
  private final HeadingNames headingNames = new HeadingNames();
  /** Null unless the page is parsed for a link check: a crawl for search pays one null check. */
  private final EmbeddedResources embeds;
  private int textSkipDepth;
  private int headingSkipDepth;
  private Boilerplate[] kindAtDepth = new Boilerplate[64]; // so tail() needn't re-read attributes
  private Element openHeading;
  private CollapsingText headingText;
  private Element openLink;
  private CollapsingText linkText;
  private int linkTextLength; // of text's characters, those inside links

  /** @param forLinkCheck whether to collect the resources the page embeds too */
  PageExtractor(String baseUri, int expectedTextLength, boolean forLinkCheck) {
    resolver = new LinkResolver(baseUri);
    embeds = forLinkCheck ? new EmbeddedResources() : null;
    metadata = new PageMetadata(resolver);
    text = new CollapsingText(expectedTextLength);
  }

  @Override
  public void head(Node node, int depth) {
    if (node instanceof TextNode textNode) {
      String raw = textNode.getWholeText();
      if (textSkipDepth == 0) {
        int before = text.length();
        text.append(raw);
        if (linkText != null) {
          linkTextLength += text.length() - before;
        }
      }
      if (headingText != null) {
        headingText.append(raw);
      }
      if (linkText != null) {
        linkText.append(raw);
      }
    } else if (node instanceof Element el) {
      enter(el, depth);
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (!(node instanceof Element el)) {
      return;
    }
    wordBoundary(el);
    definitionTerms.exit(el, text);
    Boilerplate kind = kindAtDepth[depth];
    textSkipDepth -= kind.skipsText() ? 1 : 0;
    headingSkipDepth -= kind.skipsHeadings() ? 1 : 0;
    if (el == openHeading) {
      if (!headingText.isEmpty()) {
        headings.add(headingText.toString());
      }
      headingNames.exit(headingText, metadata.title);
      openHeading = null;
      headingText = null;
    } else if (el == openLink) {
      addOutlink(el, linkText.toString());
      openLink = null;
      linkText = null;
    }
  }

  private void enter(Element el, int depth) {
    if (el.attributesSize() > 0) {
      String id = el.id();
      if (!id.isEmpty()) {
        anchors.add(id);
        if (el.normalName().equals("dt")) {
          definitionIds.add(id);
          definitionTerms.enter(el, id, text.length());
        }
      }
    }
    switch (el.normalName()) {
      case "a" -> enterLink(el);
      case "area" -> addOutlink(el, CollapsingText.collapse(el.attr("alt")));
      case "img" -> {
        if (linkText != null) {
          linkText.append(el.attr("alt"));
        }
        if (embeds != null) {
          embeds.add(el);
        }
      }
      case "h1", "h2", "h3", "h4", "h5", "h6" -> {
        if (openHeading == null && headingSkipDepth == 0) {
          openHeading = el;
          headingText = new CollapsingText(64);
          headingNames.enter(el);
        }
      }
      case "html" -> metadata.html(el);
      case "title" -> metadata.title(el);
      case "meta" -> metadata.meta(el);
      case "link" -> {
        metadata.link(el);
        if (embeds != null) {
          embeds.add(el);
        }
      }
      default -> {
        // script, source, iframe, video…: here rather than in cases of their own, so that a crawl
        // for search pays one null check in a switch no bigger than before
        if (embeds != null) {
          embeds.add(el);
        }
      }
    }
    Boilerplate kind = Boilerplate.of(el);
    if (depth >= kindAtDepth.length) {
      kindAtDepth = Arrays.copyOf(kindAtDepth, Math.max(depth + 1, kindAtDepth.length * 2));
    }
    kindAtDepth[depth] = kind;
    textSkipDepth += kind.skipsText() ? 1 : 0;
    headingSkipDepth += kind.skipsHeadings() ? 1 : 0;
    wordBoundary(el);
  }

  private void enterLink(Element el) {
    String name = el.attr("name");
    if (!name.isEmpty()) {
      anchors.add(name);
    }
    if (!el.hasAttr("href")) {
      return;
    }
    if (openLink == null) {
      openLink = el;
      linkText = new CollapsingText(32);
    } else {
      // Only foreign content (an SVG <a> inside an HTML one) nests links; still a link.
      addOutlink(el, CollapsingText.collapse(el.text()));
    }
  }

  private void addOutlink(Element el, String anchor) {
    String href = el.attr("href").trim();
    if (href.isEmpty()) {
      return;
    }
    boolean nofollow = PageMetadata.hasToken(el.attr("rel"), "nofollow");
    int line = el.sourceRange().start().lineNumber();
    outlinks.add(new Outlink(href, anchor, nofollow, line)); // resolved in result()
  }

  /**
   * Block elements and br separate words, as in Element.text(): {@code a</p><p>b} reads "a b". So
   * do buttons and inputs, which a browser draws as boxes of their own: javadoc 17+ writes its
   * table tabs side by side, "All Methods" and "Static Methods" read as "MethodsStatic", and
   * VitePress the tabs of a group of code blocks as a radio input before each label, "npm" and
   * "yarn" read as "npmyarn".
   */
  private void wordBoundary(Element el) {
    String name = el.normalName();
    if (el.isBlock() || name.equals("br") || name.equals("button") || name.equals("input")) {
      text.space();
      if (headingText != null) {
        headingText.space();
      }
      if (linkText != null) {
        linkText.space();
      }
    }
  }

  /** The names definition terms and headings define under ids of another form; few pages have both. */
  private Map<String, String> termNames() {
    if (headingNames.names().isEmpty()) {
      return definitionTerms.names();
    }
    Map<String, String> names = new HashMap<>(definitionTerms.names());
    names.putAll(headingNames.names());
    return names;
  }

  ParsedPage result() {
    // Resolving here rather than per element keeps the visitor small, which the JIT compiles
    // several times faster; a docs index page holds thousands of links.
    for (int i = 0; i < outlinks.size(); i++) {
      Outlink raw = outlinks.get(i);
      String resolved = resolver.resolve(raw.url());
      if (resolved != null && !resolved.equals(raw.url())) {
        outlinks.set(i, new Outlink(resolved, raw.anchor(), raw.nofollow(), raw.line()));
      }
    }
    String body = text.toString();
    return new ParsedPage(
        metadata.title != null ? metadata.title : "",
        metadata.description != null ? metadata.description : "",
        headings,
        body,
        metadata.languageOrNull(),
        outlinks,
        embeds == null ? List.of() : embeds.resolved(resolver),
        metadata.canonical,
        metadata.noindex,
        metadata.nofollow,
        anchors,
        definitionIds,
        termNames(),
        metadata.generator,
        text.simHash(),
        body.isEmpty() ? 0 : Math.min(1f, (float) linkTextLength / body.length()));
  }
}
