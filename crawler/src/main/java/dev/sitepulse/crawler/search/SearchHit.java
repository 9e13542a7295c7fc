package dev.sitepulse.crawler.search;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One ranked page.
 *
 * @param score the BM25 score, with title and heading matches boosted
 * @param snippet a short excerpt of the body around the best matches; the body's start when only
 *     the title, url or host matched; empty for a page without text
 * @param highlights where the query's terms and phrases sit in {@code snippet}, in order
 * @param anchor where on the page the hit goes, as the page writes the id: the definition of an API
 *     name the query typed, else the heading or definition term whose section the snippet's best
 *     passage comes from; null for the page's top
 * @param definition whether {@code anchor} is the definition of a name the query typed
 * @param site the name the page's site puts after every page's title ({@code Python 3.11.2
 *     documentation}), which {@code title} ends with; null when it has none
 */
public record SearchHit(String url, String title, float score, String snippet, List<Highlight> highlights,
    String anchor, boolean definition, String site) {

  /** The title's separator before a site's name: a dash, a bar, a dot or colons, with the spaces around. */
  private static final Pattern SEPARATOR_AT_END = Pattern.compile("\\s+(?:[—–|·-]|::)\\s+$");

  public SearchHit {
    highlights = List.copyOf(highlights);
    if (definition && anchor == null) {
      throw new IllegalArgumentException("a definition needs its anchor");
    }
  }

  public SearchHit(String url, String title, float score, String snippet, List<Highlight> highlights) {
    this(url, title, score, snippet, highlights, null, false, null);
  }

  public SearchHit(String url, String title, float score, String snippet, List<Highlight> highlights,
      String anchor, boolean definition) {
    this(url, title, score, snippet, highlights, anchor, definition, null);
  }

  /** The page's own title: {@code title} without its site's name and the separator before it. */
  public String pageTitle() {
    if (site == null || !title.endsWith(site)) {
      return title;
    }
    String before = title.substring(0, title.length() - site.length());
    String page = SEPARATOR_AT_END.matcher(before).replaceFirst("");
    return page.length() < before.length() && !page.isBlank() ? page : title;
  }

  /** The page's URL, at its {@link #anchor()} when it has one. */
  public String link() {
    if (anchor == null) {
      return url;
    }
    StringBuilder link = new StringBuilder(url).append('#');
    for (byte b : anchor.getBytes(StandardCharsets.UTF_8)) {
      // As a browser writes a fragment (WHATWG's fragment percent-encode set, plus what is not
      // ASCII): javadoc's commit() and search(Query,int) stay as they are.
      if (b > ' ' && b < 0x7F && b != '"' && b != '<' && b != '>' && b != '`') {
        link.append((char) b);
      } else {
        link.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
      }
    }
    return link.toString();
  }
}
