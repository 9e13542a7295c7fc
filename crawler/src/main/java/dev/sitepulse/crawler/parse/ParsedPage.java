package dev.sitepulse.crawler.parse;

import java.util.HashSet;
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
 * @param canonical {@code <link rel=canonical>} resolved to an absolute URL; without one, where an
 *     instant meta refresh sends the reader ({@code content="0;URL=macro.Eq.html"}: rustdoc's
 *     "Redirecting to…" pages, javadoc 23+'s index.html); else null
 * @param robotsMeta its meta robots, as X-Robots-Tag values for {@code RobotsTag} to read with the
 *     header's: a {@code <meta name=robots>}'s content as written, a {@code <meta name=BOT>}'s after
 *     {@code BOT:}, as the header names the crawler its directives are for
 * @param anchors every id and every a[name] in the page, for {@code #fragment} checks
 * @param chromeIds those of {@code anchors} on elements that define no name ({@link ChromeElements}:
 *     scripts, form controls, navigation), which {@link #contentIds} leaves out
 * @param definitionIds the ids of its definition terms ({@code <dt id>}), where Sphinx gives
 *     every object it documents its name as id: a built-in's ({@code enumerate}) too, which no
 *     shape marks as an API name; and the labels of sections that their headings write as code
 *     ({@link SectionLabels}: the keyword {@code raise} before "The {@code raise} statement")
 * @param termNames by definition term id, the name the term starts with where the id spells it
 *     in another form ({@link DefinitionTerms}): {@code max_connections} for PostgreSQL's
 *     {@code GUC-MAX-CONNECTIONS}; and by the id of a heading, or of its permalink, the name the
 *     heading opens with ({@link HeadingNames}): {@code dgram.createSocket} for Docusaurus's
 *     {@code dgramcreatesocketoptions-callback}, {@code ucnv_open} for Doxygen's hashed ids; and
 *     by a TypeDoc member's id, its name as its item's ({@link TypedocMarks}): {@code Observable.pipe}
 *     for {@code pipe}
 * @param sectionTerms the names that definition terms without an id open with, each with the id
 *     of the section it is in ({@link DefinitionTerms}): {@code list.append} in Sphinx's
 *     {@code :noindex:} entry, at the tutorial's {@code more-on-lists}
 * @param sections the parts of {@code text} a link can go to, by heading or definition term, for
 *     a search hit to link to where its snippet comes from ({@link Section})
 * @param declaredElsewhereIds the ids of members that another item declares, which is that item's
 *     to define: rustdoc's methods of a trait's implementation for the page's type
 *     ({@code method.clone} on every type that implements Clone) and those of the type it
 *     dereferences to (slice's {@code method.sort} on Vec's page), and TypeDoc's inherited members;
 *     the ids of TypeDoc's index and hierarchy entries, whose names other pages define
 *     ({@link TypedocMarks}); and the code blocks of the source pages of Sphinx's viewcode
 *     extension ({@code <div class="viewcode-block" id="CrawlSpider">}), whose definitions the
 *     docs pages define; empty on other pages
 * @param itemSource where the item the page documents is defined, as rustdoc's heading links its
 *     source ({@code https://h/src/core/iter/traits/iterator.rs.html#66-3774}), resolved; the
 *     same on each page that documents the item under another path. Null on other pages
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
    List<String> robotsMeta,
    Set<String> anchors,
    Set<String> chromeIds,
    Set<String> definitionIds,
    Map<String, String> termNames,
    List<SectionTerm> sectionTerms,
    List<Section> sections,
    Set<String> declaredElsewhereIds,
    String itemSource,
    String generator,
    long simhash,
    float linkTextShare) {

  public ParsedPage {
    headings = List.copyOf(headings);
    outlinks = List.copyOf(outlinks);
    embeds = List.copyOf(embeds);
    robotsMeta = List.copyOf(robotsMeta);
    anchors = Set.copyOf(anchors);
    chromeIds = Set.copyOf(chromeIds);
    definitionIds = Set.copyOf(definitionIds);
    termNames = Map.copyOf(termNames);
    sectionTerms = List.copyOf(sectionTerms);
    sections = List.copyOf(sections);
    declaredElsewhereIds = Set.copyOf(declaredElsewhereIds);
  }

  /** The ids that may define a name: {@code anchors} but {@code chromeIds}. */
  public Set<String> contentIds() {
    if (chromeIds.isEmpty()) {
      return anchors;
    }
    Set<String> content = new HashSet<>(anchors);
    content.removeAll(chromeIds);
    return content;
  }
}
