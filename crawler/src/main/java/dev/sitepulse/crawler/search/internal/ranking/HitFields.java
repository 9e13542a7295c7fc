package dev.sitepulse.crawler.search.internal.ranking;

import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.index.PrefixedNames;
import dev.sitepulse.crawler.index.SectionNames;
import dev.sitepulse.crawler.index.SectionIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Reads a hit's url and title from doc values, and tells whether any page defines a name. Loading them as stored fields would decompress the
 * page body a second time (the highlighter already loads it): that was ~17% of query time.
 */
public final class HitFields implements OneHitPerItem.Pages {
  private static final Set<String> STORED = Set.of(PageFields.URL, PageFields.TITLE);

  private final DirectoryReader reader;
  private final List<LeafReaderContext> leaves;

  public HitFields(DirectoryReader reader) {
    this.reader = reader;
    this.leaves = reader.leaves();
  }

  @Override
  public String url(int doc) throws IOException {
    return read(doc, PageFields.URL);
  }

  public String title(int doc) throws IOException {
    return read(doc, PageFields.TITLE);
  }

  /** The API names the page defines, as written, one per line; empty for none. */
  public String definedNames(int doc) throws IOException {
    String names = docValue(doc, PageFields.DEFINED_IDS);
    return names == null ? "" : names;
  }

  /** The id of the section of the page that holds {@code offset} of its body, or null. */
  public String sectionAt(int doc, int offset) throws IOException {
    if (offset < 0) {
      return null;
    }
    BytesRef sections = binaryDocValue(doc, PageFields.SECTIONS);
    return sections == null ? null : SectionIds.at(sections, offset);
  }

  /** The ids of the page's sections, labels too, in page order; empty for a page without. */
  public List<String> sectionIds(int doc) throws IOException {
    BytesRef sections = binaryDocValue(doc, PageFields.SECTIONS);
    return sections == null ? List.of() : SectionIds.ids(sections);
  }

  /** Each of the page's sections' own id, in page order ({@link SectionIds#ownIds}); empty for a page without. */
  public List<String> ownSectionIds(int doc) throws IOException {
    BytesRef sections = binaryDocValue(doc, PageFields.SECTIONS);
    return sections == null ? List.of() : SectionIds.ownIds(sections);
  }

  /** Where in the page's body the section {@code id} goes to lies, {@code {start, end}}; null when unknown. */
  public int[] sectionRange(int doc, String id) throws IOException {
    BytesRef sections = binaryDocValue(doc, PageFields.SECTIONS);
    return sections == null ? null : SectionIds.range(sections, id);
  }

  /** What the page stands for in a result list ({@link PageFields#ITEM}), the same on its copies; or null. */
  @Override
  public String item(int doc) throws IOException {
    return docValue(doc, PageFields.ITEM);
  }

  /**
   * How many pages define {@code name} (lower-cased, as the index keeps names), under an id of it,
   * after a prefix ({@link PrefixedNames}) or at a section ({@link SectionNames}), counting those deleted but not yet merged away.
   */
  int pagesDefining(String name) {
    try {
      String prefixed = PrefixedNames.term(name);
      String sectionName = SectionNames.term(name);
      return reader.docFreq(new Term(PageFields.ANCHORS, name))
          + (prefixed == null ? 0 : reader.docFreq(new Term(PageFields.ANCHORS, prefixed)))
          + (sectionName == null ? 0 : reader.docFreq(new Term(PageFields.ANCHORS, sectionName)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether some page defines {@code name} (lower-cased) by an id that is the name itself, not
   * only one that spells it after a prefix ({@link PrefixedNames}).
   */
  boolean definedWhole(String name) {
    try {
      return reader.docFreq(new Term(PageFields.ANCHORS, name)) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first name, in the index's order, that some page defines and that starts with
   * {@code prefix}; null for none. One seek per segment, where a lookup per name would be several.
   */
  String firstDefinedStartingWith(String prefix) {
    BytesRef start = new BytesRef(prefix);
    BytesRef first = null;
    try {
      for (LeafReaderContext leaf : leaves) {
        Terms names = leaf.reader().terms(PageFields.ANCHORS);
        TermsEnum seek = names == null ? null : names.iterator();
        if (seek != null && seek.seekCeil(start) != TermsEnum.SeekStatus.END
            && StringHelper.startsWith(seek.term(), start) && (first == null || seek.term().compareTo(first) < 0)) {
          first = BytesRef.deepCopyOf(seek.term());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return first == null ? null : first.utf8ToString();
  }

  /** Whether some page defines {@code name} (lower-cased, as the index keeps names). */
  boolean definedSomewhere(String name) {
    return pagesDefining(name) > 0;
  }

  private String read(int doc, String field) throws IOException {
    String value = docValue(doc, field);
    if (value != null) {
      return value;
    }
    // Documents indexed before url and title had doc values still have them stored.
    String stored = reader.storedFields().document(doc, STORED).get(field);
    return stored == null ? "" : stored;
  }

  /**
   * Whether the page defines one of {@code names} (lower-cased, as the index keeps names): then a
   * name with no element of its own there (the module, class or item the page is about) is the
   * page itself.
   */
  public boolean definesAny(int doc, List<String> names) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    for (String name : names) {
      String prefixed = PrefixedNames.term(name);
      String sectionName = SectionNames.term(name);
      if (has(leaf, doc, name) || prefixed != null && has(leaf, doc, prefixed)
          || sectionName != null && has(leaf, doc, sectionName)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the page {@code doc} (of the index, in {@code leaf}) has {@code term} among its {@code anchors}. */
  static boolean has(LeafReaderContext leaf, int doc, String term) throws IOException {
    PostingsEnum pages = leaf.reader().postings(new Term(PageFields.ANCHORS, term), PostingsEnum.NONE);
    return pages != null && pages.advance(doc - leaf.docBase) == doc - leaf.docBase;
  }

  /** The document's binary doc value of {@code field} as text, or null when it has none. */
  private String docValue(int doc, String field) throws IOException {
    BytesRef value = binaryDocValue(doc, field);
    return value == null ? null : value.utf8ToString();
  }

  /** The document's binary doc value of {@code field}, or null when it has none. */
  private BytesRef binaryDocValue(int doc, String field) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues values = leaf.reader().getBinaryDocValues(field);
    return values != null && values.advanceExact(doc - leaf.docBase) ? values.binaryValue() : null;
  }
}
