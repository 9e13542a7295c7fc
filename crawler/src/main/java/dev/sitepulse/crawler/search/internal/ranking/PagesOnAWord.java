package dev.sitepulse.crawler.search.internal.ranking;

import dev.sitepulse.crawler.index.ApiNames;
import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.index.SectionNames;
import dev.sitepulse.crawler.index.UrlNames;
import java.io.IOException;
import java.util.Locale;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * Whether a site has a page of its own on a word: one that its URL names by the word
 * ({@link UrlNames}), whose title has the word itself, in any case ({@link ApiNames#isWordOf}: the
 * query's names come lower-cased, and "History and License" is the page on {@code license}), and
 * that defines no API name of its own: none but names on half its pages or more, a theme's
 * (Docusaurus's {@code <div id="__docusaurus">}; a Sphinx theme's {@code <script
 * id="documentation_options">} on indexes written before scripts' ids were left out,
 * {@code parse.ChromeElements}). The Python docs' license.html ("History and License") and
 * copyright.html ("Copyright") are the pages a query of {@code license} or {@code copyright} asks
 * for, where the built-in constants of those names only print a line pointing to them. A page so
 * named that defines names is the reference of another thing of the name (c-api/slice.html,
 * "Slice Objects": the C API of slices, not the built-in {@code slice}), and a title that has a
 * word only stemmed alike ("Mapping Protocol" for {@code map}) is about another thing too.
 */
final class PagesOnAWord {
  /** Pages read at most: a site names few pages by one word. */
  private static final int MAX_PAGES_READ = 16;

  private PagesOnAWord() {}

  /** @param word lower-cased, as the index keeps names */
  static boolean exist(String word, IndexReader reader, HitFields pages) throws IOException {
    Term named = new Term(PageFields.ANCHORS, UrlNames.PREFIX + word);
    int read = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      PostingsEnum docs = leaf.reader().postings(named, PostingsEnum.NONE);
      Bits live = leaf.reader().getLiveDocs();
      int doc = docs == null ? DocIdSetIterator.NO_MORE_DOCS : docs.nextDoc();
      for (; doc != DocIdSetIterator.NO_MORE_DOCS && read < MAX_PAGES_READ; doc = docs.nextDoc()) {
        if (live == null || live.get(doc)) {
          read++;
          int page = leaf.docBase + doc;
          if (ApiNames.isWordOf(word, pages.title(page))
              && definesNoNameOfItsOwn(pages.definedNames(page), leaf, page, reader)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether each name of {@code defined} ({@link HitFields#definedNames}) is a theme's: on other
   * pages too, half the pages or more. A name on its page alone is the page's own, also on a site of
   * one or two pages, where that page is half of them. A definition term without an id (a topic
   * page's entry for the {@code list.sort()} it uses, kept as {@code §list.sort}: {@link
   * SectionNames}) is none of the page's own: it points to the reference, and its name is an id of
   * no page, which the count read as on this page alone.
   */
  private static boolean definesNoNameOfItsOwn(String defined, LeafReaderContext leaf, int page, IndexReader reader)
      throws IOException {
    for (String line : defined.isEmpty() ? new String[0] : defined.split("\n")) {
      int tab = line.indexOf('\t');
      String name = (tab < 0 ? line : line.substring(0, tab)).toLowerCase(Locale.ROOT);
      String sectionName = SectionNames.term(name);
      if (sectionName != null && HitFields.has(leaf, page, sectionName)) {
        continue;
      }
      int pages = reader.docFreq(new Term(PageFields.ANCHORS, name));
      if (pages < 2 || pages * 2L < reader.maxDoc()) {
        return false;
      }
    }
    return true;
  }
}
