package dev.sitepulse.crawler.index;

import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;

/** The index's field names, and the analyzer that both indexing and query parsing must use. */
public final class PageFields {
  public static final String URL = "url";
  public static final String HOST = "host";
  public static final String TITLE = "title";
  public static final String HEADINGS = "headings";
  public static final String BODY = "body";
  public static final String DESCRIPTION = "description";
  public static final String FETCHED_AT = "fetched_at";
  public static final String STATUS = "status";
  public static final String LANG = "lang";
  /**
   * Not searched: a doc value that ranking reads ({@link IndexedPage#linkTextShare()}; 1 on
   * javadoc's "Uses of" pages, indexes in all but markup).
   */
  public static final String LINK_TEXT_SHARE = "link_text_share";
  /**
   * Not searched by name: the names a page defines, lower-cased: its element ids that are API
   * names ({@link ApiNames}) and their dotted tails, and the module a Sphinx page defines. Search
   * ranks their pages first, and a query of one such name matches them too.
   */
  public static final String ANCHORS = "anchors";
  /**
   * Not searched by name: the parts of the dotted names the body writes ({@link NameParts}),
   * lower-cased, once per page, where search looks for a query's plain words when the text has none
   * of them: {@code createSocket} then finds the page that writes {@code dgram.createSocket()}.
   */
  public static final String NAME_PARTS = "name_parts";
  /**
   * Not searched by name: the page's section ids, headings' and the labels before them alike,
   * lower-cased with their {@code -} and {@code _} left out ({@link SectionIds#runTogether}), where
   * search looks for a query's words run together: Sphinx's {@code formatspec} label is the section
   * on the format spec. Absent in indexes from before this version.
   */
  public static final String SECTION_NAMES = "section_names";
  /** A doc value: the same ids as written, one per line, for a hit's link to the definition. */
  public static final String DEFINED_IDS = "defined_ids";
  /**
   * A doc value: what a page stands for in a result list, which shows one page of each: the item a
   * rustdoc page documents, the same on each page that documents it under another path
   * ({@link RustdocIds#item}); else its title and text ({@link SameText}), the same on a copy of
   * it at another URL. Absent on a page without text, and in indexes from before this version.
   */
  public static final String ITEM = "item";

  /**
   * A doc value: the page's sections ({@link SectionIds}), where a hit links to the heading or
   * definition its snippet comes from.
   */
  public static final String SECTIONS = "sections";

  /**
   * Stored, not searched: the SHA-256 of the bytes the document was made from
   * ({@link IndexedPage#contentHash()}). Absent in documents from before this version.
   */
  public static final String CONTENT_HASH = "content_hash";

  /** Every field a query may name, in the order the docs list them. */
  public static final List<String> ALL =
      List.of(TITLE, HEADINGS, BODY, DESCRIPTION, URL, HOST, LANG, STATUS, FETCHED_AT);

  /** Fields matched whole: {@code host:docs.python.org} is one term, not three words. */
  private static final Set<String> KEYWORD_FIELDS = Set.of(URL, HOST, LANG);
  /** Of those, the ones whose values ignore case (a URL's path does not): indexed lower-cased. */
  private static final Set<String> CASELESS_FIELDS = Set.of(HOST, LANG);

  private PageFields() {}

  /** Whether the field's values are single terms (url, host, lang) rather than analyzed text. */
  public static boolean matchedWhole(String field) {
    return field != null && KEYWORD_FIELDS.contains(field); // Set.of refuses to look up null
  }

  /**
   * EnglishAnalyzer's chain (stemming, stop words) over tokens in Unicode's compatibility form for
   * the text fields ({@link PageTextAnalyzer}), KeywordAnalyzer for url, and the same lower-cased
   * for host and lang ({@link CaselessKeywordAnalyzer}).
   * Thread-safe; one instance can serve an IndexWriter and every query parser.
   */
  public static Analyzer analyzer() {
    return new PerField(new PageTextAnalyzer(), new KeywordAnalyzer(), new CaselessKeywordAnalyzer());
  }

  /**
   * PerFieldAnalyzerWrapper, plus a position gap between the values of a multi-valued field, so
   * that a phrase cannot match across the end of one heading and the start of the next.
   */
  private static final class PerField extends DelegatingAnalyzerWrapper {
    private final Analyzer text;
    private final Analyzer keyword;
    private final Analyzer caseless;

    PerField(Analyzer text, Analyzer keyword, Analyzer caseless) {
      super(PER_FIELD_REUSE_STRATEGY);
      this.text = text;
      this.keyword = keyword;
      this.caseless = caseless;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      return CASELESS_FIELDS.contains(fieldName) ? caseless
          : KEYWORD_FIELDS.contains(fieldName) ? keyword : text;
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return 100;
    }
  }
}
