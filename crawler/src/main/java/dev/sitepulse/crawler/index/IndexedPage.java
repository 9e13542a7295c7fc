package dev.sitepulse.crawler.index;

import dev.sitepulse.crawler.parse.Section;
import dev.sitepulse.crawler.parse.SectionTerm;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.index.IndexWriter;

/**
 * One page as the index stores it. Null texts read as empty; {@code language} may stay null.
 *
 * @param url the page's identity: a re-crawl of the same url replaces the document
 * @param host the url's host, for {@code host:} queries
 * @param fetchedAtMillis when it was fetched, epoch milliseconds
 * @param status the HTTP status it was fetched with
 * @param language as the page declared it (e.g. "en", "de-CH"), or null
 * @param linkTextShare how much of the body is the text of links, 0 to 1; search ranks an index
 *     or a table of contents below pages whose prose matches as well
 * @param anchors the ids of the page's elements but its scripts', form controls' and navigation's
 *     ({@code ParsedPage.contentIds}): API docs give each definition one of its name
 *     ({@code os.path.join}), which search ranks first for that name
 * @param definitionIds those of its definition terms ({@code <dt id>}), and the labels of
 *     sections that their headings write as code ({@code raise}): a plain word among them
 *     ({@code enumerate}, a built-in) names a definition too, while elsewhere it is mostly the
 *     slug of a heading
 * @param termNames by definition term id, the name the term defines where the id spells it in
 *     another form: {@code max_connections} for PostgreSQL's {@code GUC-MAX-CONNECTIONS}; by the
 *     id of a heading or of its permalink, the name the heading opens with: {@code
 *     dgram.createSocket} for {@code dgramcreatesocketoptions-callback}
 * @param sectionTerms the names that definition terms without an id open with, each with the id of
 *     the section it is in: {@code list.append} at {@code more-on-lists} for the tutorial's Sphinx
 *     {@code :noindex:} entry; an index written before them has none
 * @param sections the parts of {@code body} a link can go to, by heading or definition term: a hit
 *     links to the one its snippet comes from
 * @param declaredElsewhereIds the ids of members that another item declares (rustdoc's methods of
 *     a trait's implementation, or of the type the page's item dereferences to): the page defines
 *     them only with its item's name (so do TypeDoc's inherited members); or that another page
 *     documents (TypeDoc's index and hierarchy entries): the page defines none of them; and of the
 *     code blocks of Sphinx viewcode's source pages, which define nothing: the docs pages define
 *     their names
 * @param itemSource where the item a rustdoc page documents is defined, as its heading links the
 *     source: pages that document one item under two paths (a re-export) share it; null on others
 * @param generator what the page's meta generator says wrote it ({@code rustdoc}), or null
 * @param contentHash the SHA-256 (hex) of the bytes the page was made from, which the document
 *     records so that a resume can tell whether crawl.db's bytes are the committed document's; null
 *     for none
 */
public record IndexedPage(
    String url,
    String host,
    String title,
    List<String> headings,
    String body,
    String description,
    long fetchedAtMillis,
    int status,
    String language,
    float linkTextShare,
    Set<String> anchors,
    Set<String> definitionIds,
    Map<String, String> termNames,
    List<SectionTerm> sectionTerms,
    List<Section> sections,
    Set<String> declaredElsewhereIds,
    String itemSource,
    String generator,
    String contentHash) {

  public IndexedPage {
    Objects.requireNonNull(url, "url");
    // The url is a single Lucene term, and terms have a hard size limit.
    if (url.length() > IndexWriter.MAX_TERM_LENGTH / 3
        && url.getBytes(StandardCharsets.UTF_8).length > IndexWriter.MAX_TERM_LENGTH) {
      throw new IllegalArgumentException(
          "url is longer than Lucene's "
              + IndexWriter.MAX_TERM_LENGTH
              + "-byte term limit: "
              + url.substring(0, 80)
              + "…");
    }
    host = host == null ? "" : host;
    title = title == null ? "" : title;
    headings = headings == null ? List.of() : headings.stream().filter(Objects::nonNull).toList();
    body = body == null ? "" : body;
    description = description == null ? "" : description;
    if (!(linkTextShare >= 0 && linkTextShare <= 1)) {
      throw new IllegalArgumentException("linkTextShare must be within 0 and 1, was " + linkTextShare);
    }
    anchors = anchors == null ? Set.of() : Set.copyOf(anchors);
    definitionIds = definitionIds == null ? Set.of() : Set.copyOf(definitionIds);
    termNames = termNames == null ? Map.of() : Map.copyOf(termNames);
    sectionTerms = sectionTerms == null ? List.of() : List.copyOf(sectionTerms);
    sections = sections == null ? List.of() : List.copyOf(sections);
    declaredElsewhereIds = declaredElsewhereIds == null ? Set.of() : Set.copyOf(declaredElsewhereIds);
  }

  /** A page whose definition terms all have ids. */
  public IndexedPage(String url, String host, String title, List<String> headings, String body,
      String description, long fetchedAtMillis, int status, String language, float linkTextShare,
      Set<String> anchors, Set<String> definitionIds, Map<String, String> termNames, List<Section> sections,
      Set<String> declaredElsewhereIds, String itemSource, String generator, String contentHash) {
    this(url, host, title, headings, body, description, fetchedAtMillis, status, language, linkTextShare,
        anchors, definitionIds, termNames, List.of(), sections, declaredElsewhereIds, itemSource, generator,
        contentHash);
  }

  /** A page with no ids to rank it by. */
  public IndexedPage(String url, String host, String title, List<String> headings, String body,
      String description, long fetchedAtMillis, int status, String language, float linkTextShare) {
    this(url, host, title, headings, body, description, fetchedAtMillis, status, language, linkTextShare,
        Set.of(), Set.of(), Map.of(), List.of(), List.of(), Set.of(), null, null, null);
  }
}
