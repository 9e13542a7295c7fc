package dev.sitepulse.crawler.search;

import dev.sitepulse.crawler.index.IndexFields;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

/**
 * Ranked search (BM25, Lucene's default) over the crawl's index. Queries use the classic syntax
 * and search title (boosted), headings, description and body unless a field is named.
 */
public final class PageSearcher implements Closeable {

  private static final String[] FIELDS = {
    IndexFields.TITLE, IndexFields.HEADINGS, IndexFields.DESCRIPTION, IndexFields.BODY
  };
  private static final Map<String, Float> BOOSTS = Map.of(
      IndexFields.TITLE, 3f, IndexFields.HEADINGS, 2f, IndexFields.DESCRIPTION, 1.5f, IndexFields.BODY, 1f);

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final SnippetHighlighter highlighter;

  private PageSearcher(DirectoryReader reader) {
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.highlighter = new SnippetHighlighter(UnifiedHighlighter.builder(searcher, IndexFields.analyzer())
        .withFormatter(new Snippets())
        .withMaxLength(20_000));
  }

  public static PageSearcher open(Path indexDir) {
    try {
      return new PageSearcher(DirectoryReader.open(FSDirectory.open(indexDir)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the index in " + indexDir + ": " + e.getMessage(), e);
    }
  }

  public SearchResults search(String queryText, int limit) throws InvalidQueryException {
    long start = System.nanoTime();
    Query query = parse(queryText);
    try {
      TopDocs top = searcher.search(query, limit);
      List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
      Object[] passages = highlights(query, top);
      for (int i = 0; i < top.scoreDocs.length; i++) {
        ScoreDoc sd = top.scoreDocs[i];
        Document doc = searcher.storedFields().document(sd.doc);
        Snippets.Formatted f = passages[i] instanceof Snippets.Formatted s ? s : null;
        String snippet = f != null ? f.text() : leading(doc.get(IndexFields.BODY));
        hits.add(new SearchHit(doc.get(IndexFields.URL), doc.get(IndexFields.TITLE), sd.score, snippet,
            f != null ? f.highlights() : List.of()));
      }
      return new SearchResults(queryText, top.totalHits.value, hits, System.nanoTime() - start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Object[] highlights(Query query, TopDocs top) throws IOException {
    return highlighter.passages(IndexFields.BODY, query, ids(top), 2);
  }

  private static int[] ids(TopDocs top) {
    int[] ids = new int[top.scoreDocs.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = top.scoreDocs[i].doc;
    }
    return ids;
  }

  private static Query parse(String text) throws InvalidQueryException {
    MultiFieldQueryParser parser = new MultiFieldQueryParser(FIELDS, IndexFields.analyzer(), BOOSTS);
    parser.setDefaultOperator(QueryParser.Operator.OR);
    try {
      return parser.parse(text);
    } catch (ParseException e) {
      throw new InvalidQueryException(describe(text, e), e);
    } catch (RuntimeException e) {
      throw new InvalidQueryException("cannot parse query \"" + text + "\": " + e.getMessage(), e);
    }
  }

  /** Lucene's own message is several lines of grammar; one line with the column is what helps. */
  private static String describe(String text, ParseException wrapped) {
    // QueryParserBase wraps the parser's exception; the inner one knows the offending token.
    ParseException e = wrapped.getCause() instanceof ParseException inner ? inner : wrapped;
    if (e.currentToken != null && e.currentToken.next != null) {
      var t = e.currentToken.next;
      String found = t.kind == 0 ? "end of query" : "\"" + t.image + "\"";
      return "cannot parse query \"" + text + "\": unexpected " + found + " at column " + t.beginColumn;
    }
    Throwable why = wrapped.getCause() != null ? wrapped.getCause() : wrapped;
    String first = why.getMessage() == null ? "invalid query" : why.getMessage().split("\n")[0];
    return "cannot parse query \"" + text + "\": " + first;
  }

  private static String leading(String body) {
    if (body == null) {
      return "";
    }
    String oneLine = body.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
