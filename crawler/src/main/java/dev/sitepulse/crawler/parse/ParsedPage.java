package dev.sitepulse.crawler.parse;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the crawler keeps of an HTML page.
 *
 * @param title the first {@code <title>}, or "" when there is none
 * @param description the meta description, or "" when there is none
 * @param headings h1–h6 texts in document order, outside boilerplate
 * @param text the main text, whitespace-collapsed, without script, style, noscript, nav, header,
 *     footer, aside and {@code role=navigation} subtrees
 * @param language {@code <html lang>} or meta content-language as declared, or null
 * @param outlinks every a[href] and area[href] in document order, boilerplate included
 * @param embeds the images, stylesheets, scripts, frames and media the page embeds, in document
 *     order; empty unless the page was parsed for a link check
 * @param canonical {@code <link rel=canonical>} resolved to an absolute URL, or null
 * @param noindex meta robots says noindex (or none)
 * @param nofollow meta robots says nofollow (or none)
 * @param anchors every id and every a[name] in the page, for {@code #fragment} checks
 * @param definitionIds the ids of its definition terms ({@code <dt id>}), where Sphinx gives
 *     every object it documents its name as id: a built-in's ({@code enumerate}) too, which no
 *     shape marks as an API name
 * @param termNames by definition term id, the name the term starts with where the id spells it
 *     in another form ({@link DefinitionTerms}): {@code max_connections} for PostgreSQL's
 *     {@code GUC-MAX-CONNECTIONS}; and by the id of a heading, or of its permalink, the name the
 *     heading opens with ({@link HeadingNames}): {@code dgram.createSocket} for Docusaurus's
 *     {@code dgramcreatesocketoptions-callback}, {@code ucnv_open} for Doxygen's hashed ids
 * @param generator what its meta generator says wrote it ({@code rustdoc}), or null
 * @param simhash {@link SimHash#of(CharSequence)} of {@code text}
 * @param linkTextShare how much of {@code text} is the text of links, from 0 to 1: near 1 on an
 *     index or a table of contents, low on a page of prose
 */
public record ParsedPage(
    String title,
    String description,
    List<String> headings,
    String text,
    String language,
    List<Outlink> outlinks,
    List<Embed> embeds,
    String canonical,
    boolean noindex,
    boolean nofollow,
    Set<String> anchors,
    Set<String> definitionIds,
    Map<String, String> termNames,
    String generator,
    long simhash,
    float linkTextShare) {

  public ParsedPage {
    headings = List.copyOf(headings);
    outlinks = List.copyOf(outlinks);
    embeds = List.copyOf(embeds);
    anchors = Set.copyOf(anchors);
    definitionIds = Set.copyOf(definitionIds);
    termNames = Map.copyOf(termNames);
  }
}
