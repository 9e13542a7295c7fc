package dev.sitepulse.crawler.index;

import static dev.sitepulse.crawler.index.PageFields.ANCHORS;
import static dev.sitepulse.crawler.index.PageFields.BODY;
import static dev.sitepulse.crawler.index.PageFields.CONTENT_HASH;
import static dev.sitepulse.crawler.index.PageFields.DEFINED_IDS;
import static dev.sitepulse.crawler.index.PageFields.DESCRIPTION;
import static dev.sitepulse.crawler.index.PageFields.FETCHED_AT;
import static dev.sitepulse.crawler.index.PageFields.HEADINGS;
import static dev.sitepulse.crawler.index.PageFields.HOST;
import static dev.sitepulse.crawler.index.PageFields.ITEM;
import static dev.sitepulse.crawler.index.PageFields.LANG;
import static dev.sitepulse.crawler.index.PageFields.LINK_TEXT_SHARE;
import static dev.sitepulse.crawler.index.PageFields.NAME_PARTS;
import static dev.sitepulse.crawler.index.PageFields.SECTIONS;
import static dev.sitepulse.crawler.index.PageFields.SECTION_NAMES;
import static dev.sitepulse.crawler.index.PageFields.STATUS;
import static dev.sitepulse.crawler.index.PageFields.TITLE;
import static dev.sitepulse.crawler.index.PageFields.URL;

import java.io.StringReader;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** Maps an {@link IndexedPage} to its Lucene document. */
final class PageDocuments {
  /**
   * Stored, with offsets in the postings: the unified highlighter then finds match positions
   * without re-analyzing the text or keeping term vectors (smaller and faster than both).
   */
  private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

  static {
    BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    BODY_TYPE.freeze();
  }

  /** As a StringField indexes, but of a stream of terms. */
  private static final FieldType NAME_LIST = new FieldType();

  static {
    NAME_LIST.setIndexOptions(IndexOptions.DOCS);
    NAME_LIST.setOmitNorms(true);
    NAME_LIST.setTokenized(true);
    NAME_LIST.freeze();
  }

  private PageDocuments() {}

  static Document of(IndexedPage page) {
    Document doc = new Document();
    doc.add(new StringField(URL, page.url(), Store.YES));
    // Hits show url and title: doc values fetch them without decompressing the stored body.
    doc.add(new BinaryDocValuesField(URL, new BytesRef(page.url())));
    doc.add(new BinaryDocValuesField(TITLE, new BytesRef(page.title())));
    doc.add(new StringField(HOST, page.host(), Store.YES));
    doc.add(new TextField(TITLE, page.title(), Store.YES));
    for (String heading : page.headings()) {
      doc.add(new TextField(HEADINGS, heading, Store.NO));
    }
    addTitleNameParts(doc, page.title());
    doc.add(new Field(BODY, page.body(), BODY_TYPE));
    char[] body = page.body().toCharArray(); // read twice, below
    String parts = NameParts.of(body);
    if (!parts.isEmpty()) { // as written but lower-cased, no stems: looked up only as a word typed whole
      Tokenizer words = new WhitespaceTokenizer();
      words.setReader(new StringReader(parts.toLowerCase(Locale.ROOT)));
      doc.add(new Field(NAME_PARTS, words, NAME_LIST));
    }
    doc.add(new TextField(DESCRIPTION, page.description(), Store.YES));
    // Points for status: and fetched_at: queries; not stored, as nothing reads them back from a hit.
    doc.add(new LongPoint(FETCHED_AT, page.fetchedAtMillis()));
    doc.add(new IntPoint(STATUS, page.status()));
    doc.add(new FloatDocValuesField(LINK_TEXT_SHARE,
        JavadocIds.listsUses(page.anchors(), page.title()) ? 1f : page.linkTextShare()));
    addDefinitions(doc, page);
    BytesRef sections = SectionIds.encode(page.sections());
    if (sections != null) {
      doc.add(new BinaryDocValuesField(SECTIONS, sections));
      Tokenizer names = new WhitespaceTokenizer();
      names.setReader(new StringReader(SectionIds.namesRunTogether(page.sections())));
      doc.add(new Field(SECTION_NAMES, names, NAME_LIST));
    }
    String item = RustdocIds.generated(page.title(), page.generator())
        ? RustdocIds.item(page.url(), page.title(), page.headings(), page.itemSource()) : null;
    if (item == null && !page.body().isBlank()) { // shells a script fills in are not known to be one page
      item = SameText.key(page.title(), body);
    }
    if (item != null) {
      doc.add(new BinaryDocValuesField(ITEM, new BytesRef(item)));
    }
    if (page.language() != null) {
      // Searched lower-cased, with its primary tag too: lang:en finds en-US and EN (BCP 47 tags
      // ignore case); stored as the page wrote it.
      String tag = CaselessKeywordAnalyzer.languageTag(page.language());
      doc.add(new StringField(LANG, tag, Store.NO));
      int region = tag.indexOf('-');
      if (region > 0) {
        doc.add(new StringField(LANG, tag.substring(0, region), Store.NO));
      }
      doc.add(new StoredField(LANG, page.language()));
    }
    if (page.contentHash() != null) { // its 32 bytes, not 64 hex digits: a hash does not compress
      doc.add(new StoredField(CONTENT_HASH, new BytesRef(HexFormat.of().parseHex(page.contentHash()))));
    }
    return doc;
  }

  /**
   * The parts of the dotted names a title writes, as title words beside the whole name: "request"
   * finds "urllib.request — Extensible library for opening URLs" by its title. Not headings': on
   * the Python docs those moved "What's New"'s unittest.mock sections before other ones.
   */
  private static void addTitleNameParts(Document doc, String title) {
    String parts = NameParts.of(title.toCharArray());
    if (!parts.isEmpty()) {
      doc.add(new TextField(TITLE, OverlaidWords.of(TITLE, parts)));
    }
  }

  /**
   * The names the page defines ({@link PageDefinitions}): terms of {@code anchors}, which search
   * ranks first for them, and, as written, {@code defined_ids}, for a hit's link to the
   * definition: fragments are case-sensitive.
   */
  private static void addDefinitions(Document doc, IndexedPage page) {
    PageDefinitions defined = PageDefinitions.of(page);
    Tokenizer tokens = new WhitespaceTokenizer(); // names hold no white space
    tokens.setReader(new StringReader(String.join(" ", defined.terms())));
    doc.add(new Field(ANCHORS, tokens, NAME_LIST));
    if (!defined.lines().isEmpty()) {
      doc.add(new BinaryDocValuesField(DEFINED_IDS, new BytesRef(String.join("\n", defined.lines()))));
    }
  }
}
