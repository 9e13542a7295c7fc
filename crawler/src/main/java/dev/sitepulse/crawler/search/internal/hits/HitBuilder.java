package dev.sitepulse.crawler.search.internal.hits;

import dev.sitepulse.crawler.search.SearchHit;
import dev.sitepulse.crawler.search.internal.ranking.DefinedNames;
import dev.sitepulse.crawler.search.internal.ranking.HitFields;
import dev.sitepulse.crawler.search.internal.snippets.MarkedWords;
import dev.sitepulse.crawler.search.internal.snippets.SectionSnippets;
import dev.sitepulse.crawler.search.internal.snippets.Snippet;
import dev.sitepulse.crawler.search.internal.snippets.SnippetHighlighter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * The hits of a search's top pages: each page's URL, title and site, its snippet with the offsets
 * of the words it marks, and the definition or section it links to.
 */
public final class HitBuilder {
  private final HitFields hitFields;
  private final SnippetHighlighter highlighter;
  private final SectionSnippets sectionSnippets;
  private final SiteTitles siteTitles;
  private final MarkedWords markedWords;
  private final NamedSections namedSections;

  public HitBuilder(HitFields hitFields, SnippetHighlighter highlighter, SectionSnippets sectionSnippets,
      SiteTitles siteTitles, MarkedWords markedWords, NamedSections namedSections) {
    this.hitFields = hitFields;
    this.highlighter = highlighter;
    this.sectionSnippets = sectionSnippets;
    this.siteTitles = siteTitles;
    this.markedWords = markedWords;
    this.namedSections = namedSections;
  }

  /**
   * @param marked the words the snippets mark ({@link MarkedWords#of})
   * @param ids the definitions a hit may link to
   *     ({@link dev.sitepulse.crawler.search.internal.ranking.QueryPlan#ids})
   * @param asked what the query asks a section's id to name ({@link NamedSections#of})
   */
  public List<SearchHit> hits(ScoreDoc[] top, Query marked, List<String> ids, NamedSections.Asked asked) throws IOException {
    String[] linked = new String[top.length]; // the definition each hit links to, if any
    String[] named = new String[top.length]; // else the section whose id names the query, if any
    for (int i = 0; i < linked.length; i++) {
      linked[i] = ids.isEmpty() ? null : DefinedNames.anchorIn(hitFields.definedNames(top[i].doc), ids);
      named[i] = linked[i] != null ? null : namedSections.in(top[i].doc, hitFields.title(top[i].doc), asked);
    }
    Snippet[] snippets = snippets(marked, top, linked, named);
    List<SearchHit> hits = new ArrayList<>(top.length);
    for (int i = 0; i < top.length; i++) {
      ScoreDoc scoreDoc = top[i];
      String definition = linked[i];
      String url = hitFields.url(scoreDoc.doc);
      String title = hitFields.title(scoreDoc.doc);
      hits.add(
          new SearchHit(
              url,
              title,
              scoreDoc.score,
              snippets[i].text(),
              snippets[i].highlights(),
              definition != null ? definition
                  : named[i] != null ? named[i] : sectionOrTop(scoreDoc.doc, ids, snippets[i]),
              definition != null,
              siteTitles.siteOf(originOf(url), title)));
    }
    return hits;
  }

  /**
   * Each hit's snippet: a hit that links to a definition the page marks out has it from there
   * ({@link SectionSnippets}), as has one that links to a section its id names ({@link NamedSections}); the
   * rest from the passages of their page that match best.
   */
  private Snippet[] snippets(Query marked, ScoreDoc[] hits, String[] definitions, String[] named) throws IOException {
    Snippet[] snippets = new Snippet[hits.length];
    List<Integer> others = new ArrayList<>(hits.length);
    for (int i = 0; i < hits.length; i++) {
      String id = definitions[i] != null ? definitions[i] : named[i];
      int[] section = id == null ? null : hitFields.sectionRange(hits[i].doc, id);
      if (section != null) { // marked with the name as the page writes it: getcwd is os.getcwd there
        Query words = definitions[i] == null ? marked : markedWords.withDefinition(marked, definitions[i]);
        snippets[i] = sectionSnippets.within(words, hits[i], section);
      } else {
        others.add(i);
      }
    }
    Snippet[] best = highlighter.snippets(marked, others.stream().map(i -> hits[i]).toArray(ScoreDoc[]::new));
    for (int k = 0; k < best.length; k++) {
      snippets[others.get(k)] = best[k];
    }
    return snippets;
  }

  /**
   * The heading or definition term whose section the snippet's best passage is from; null for the
   * page's top, where a query names what the whole page defines ({@code TopDocs} for
   * TopDocs.html, {@code socket} for the socket module's page) rather than a member of it.
   */
  private String sectionOrTop(int doc, List<String> ids, Snippet snippet) throws IOException {
    return !ids.isEmpty() && hitFields.definesAny(doc, ids) ? null : hitFields.sectionAt(doc, snippet.focus());
  }

  /** The site a page's URL is on, as its URLs start: {@code http://127.0.0.1:8092/}; the URL itself if it has no path. */
  private static String originOf(String url) {
    int scheme = url.indexOf("://");
    int path = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    return path < 0 ? url : url.substring(0, path + 1);
  }
}
