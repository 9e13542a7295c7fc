package dev.sitepulse.crawler.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of crawled pages, one document per URL: an upsert replaces a page fetched
 * again. Safe for several indexing threads; commits carry user data so a crawl can tell after a
 * crash how far its committed index goes.
 */
public final class PageIndex implements Closeable {

  /** Body text stored with offsets, so the highlighter needs no re-analysis. */
  private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

  static {
    BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    BODY_TYPE.freeze();
  }

  private final IndexWriter writer;

  private PageIndex(IndexWriter writer) {
    this.writer = writer;
  }

  public static PageIndex open(Path dir) {
    try {
      IndexWriterConfig config = new IndexWriterConfig(IndexFields.analyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(64);
      return new PageIndex(new IndexWriter(FSDirectory.open(dir), config));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the index in " + dir + ": " + e.getMessage(), e);
    }
  }

  public void upsert(IndexedPage page) {
    Document doc = new Document();
    doc.add(new StringField(IndexFields.URL, page.url(), Field.Store.YES));
    doc.add(new StringField(IndexFields.HOST, nz(page.host()), Field.Store.YES));
    doc.add(new TextField(IndexFields.TITLE, nz(page.title()), Field.Store.YES));
    doc.add(new TextField(IndexFields.HEADINGS, String.join("\n", page.headings()), Field.Store.NO));
    doc.add(new Field(IndexFields.BODY, nz(page.body()), BODY_TYPE));
    doc.add(new TextField(IndexFields.DESCRIPTION, nz(page.description()), Field.Store.YES));
    doc.add(new LongPoint(IndexFields.FETCHED_AT, page.fetchedAtMillis()));
    doc.add(new StoredField(IndexFields.FETCHED_AT, page.fetchedAtMillis()));
    doc.add(new IntPoint(IndexFields.STATUS, page.status()));
    doc.add(new StoredField(IndexFields.STATUS, page.status()));
    if (page.language() != null) {
      doc.add(new StringField(IndexFields.LANG, page.language(), Field.Store.YES));
    }
    try {
      writer.updateDocument(new Term(IndexFields.URL, page.url()), doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes every upsert so far durable, recording {@code userData} with the commit. */
  public void commit(Map<String, String> userData) {
    try {
      writer.setLiveCommitData(userData.entrySet());
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The user data of the last commit; empty for a new index. */
  public Map<String, String> lastCommitData() {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    return data;
  }

  public int docCount() {
    return writer.getDocStats().numDocs;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
