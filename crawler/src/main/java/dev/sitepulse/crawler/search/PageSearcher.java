package dev.sitepulse.crawler.search;

import dev.sitepulse.crawler.index.IndexDamage;
import dev.sitepulse.crawler.index.IndexErrors;
import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.search.internal.correction.DidYouMean;
import dev.sitepulse.crawler.search.internal.correction.QueryCorrection;
import dev.sitepulse.crawler.search.internal.hits.HitBuilder;
import dev.sitepulse.crawler.search.internal.hits.NamedSections;
import dev.sitepulse.crawler.search.internal.hits.SiteTitles;
import dev.sitepulse.crawler.search.internal.notes.UnmatchedFilters;
import dev.sitepulse.crawler.search.internal.query.ClauseLimit;
import dev.sitepulse.crawler.search.internal.query.CodeSpelling;
import dev.sitepulse.crawler.search.internal.ranking.DefinitionLookups;
import dev.sitepulse.crawler.search.internal.ranking.HitFields;
import dev.sitepulse.crawler.search.internal.ranking.QueryPlan;
import dev.sitepulse.crawler.search.internal.ranking.QueryPlanner;
import dev.sitepulse.crawler.search.internal.ranking.RankedPages;
import dev.sitepulse.crawler.search.internal.snippets.MarkedWords;
import dev.sitepulse.crawler.search.internal.snippets.SectionSnippets;
import dev.sitepulse.crawler.search.internal.snippets.SnippetHighlighter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Ranked full-text search over the last commit of a {@link dev.sitepulse.crawler.index.PageIndex}.
 *
 * <p>Queries use Lucene's classic syntax: AND/OR/NOT (OR by default, with pages that have every
 * word first: {@link dev.sitepulse.crawler.search.internal.ranking.AllWordsFirst}), "phrases",
 * prefix*, and field:term for title, headings, description, body, host, url, lang, status and
 * fetched_at. In a url, ':' and '/' are syntax: quote a whole url ({@code url:"https://h/p.html"})
 * or escape them in a prefix ({@code url:https\:\/\/h\/guide\/*}). Ranking is BM25, with pages made
 * mostly of links ranked lower
 * ({@link dev.sitepulse.crawler.search.internal.ranking.LinkTextDamping}), and a page that copies
 * much of its site ({@link dev.sitepulse.crawler.search.internal.ranking.SiteCopies}). A query with
 * a word no page has comes with its misspelt words corrected, when that finds pages
 * ({@link DidYouMean}), and one that finds nothing with each where-filter value no page has
 * ({@link UnmatchedFilters}). One IndexSearcher is opened per instance and reused: open once, then
 * search from any number of threads.
 *
 * <p>A search is planned ({@link QueryPlanner}: what the words become), run ({@link RankedPages})
 * and its hits built ({@link HitBuilder}: snippets, offsets, links), then corrected where a word
 * found nothing ({@link QueryCorrection}).
 */
public final class PageSearcher implements Closeable {
  /**
   * The longest query read, in UTF-16 units: the grammar builds four clauses of every word and
   * merges its repeats, so a query of a megabyte took seconds. A pasted page of 2,000 words is a
   * sixth of it.
   */
  static final int MAX_QUERY_LENGTH = 65_536;

  private final Path dir;
  private final Directory directory;
  private final DirectoryReader reader;
  private final Analyzer analyzer;
  private final QueryPlanner planner;
  private final RankedPages rankedPages;
  private final MarkedWords markedWords;
  private final HitBuilder hitBuilder;
  private final QueryCorrection correction;
  private final UnmatchedFilters unmatchedFilters;

  static {
    ClauseLimit.raise();
  }

  private PageSearcher(Path dir, Directory directory, DirectoryReader reader) {
    this.dir = dir;
    this.directory = directory;
    this.reader = reader;
    IndexSearcher searcher = new IndexSearcher(reader);
    this.analyzer = PageFields.analyzer();
    HitFields hitFields = new HitFields(reader);
    DefinitionLookups lookups = new DefinitionLookups(reader, hitFields);
    this.planner = new QueryPlanner(analyzer, lookups);
    this.rankedPages = new RankedPages(searcher, reader, hitFields);
    this.markedWords = new MarkedWords(searcher, analyzer, planner);
    this.hitBuilder = new HitBuilder(hitFields, new SnippetHighlighter(searcher, analyzer),
        new SectionSnippets(searcher, analyzer), new SiteTitles(searcher, hitFields), markedWords,
        new NamedSections(hitFields, analyzer));
    this.correction = new QueryCorrection(searcher, new DidYouMean(reader, analyzer), planner, lookups);
    this.unmatchedFilters = new UnmatchedFilters(searcher, planner);
  }

  /**
   * Opens the last commit in {@code indexDir}; fails, creating nothing, when there is none.
   *
   * @throws NoCommitException when the folder holds no commit yet
   * @throws UncheckedIOException with a one-line message when the index cannot be read
   */
  public static PageSearcher open(Path indexDir) {
    if (!Files.isDirectory(indexDir)) {
      throw new UncheckedIOException(
          "no index at " + indexDir, new NoSuchFileException(indexDir.toString()));
    }
    Directory directory = null;
    try {
      directory = FSDirectory.open(indexDir);
      DirectoryReader reader = DirectoryReader.open(directory);
      if (!holdsPages(reader)) {
        reader.close();
        throw new IOException("not a sitepulse index: its documents have no url field");
      }
      return new PageSearcher(indexDir, directory, reader);
    } catch (IndexNotFoundException e) {
      NoCommitException none = new NoCommitException(indexDir, holdsSegmentFiles(directory), e);
      closeQuietly(directory);
      throw none;
    } catch (IOException | RuntimeException e) {
      // Lucene's word for a codec this version lacks; else damage, checked while the folder is open.
      RuntimeException failure = e instanceof IllegalArgumentException unknown
          && IndexErrors.unknownCodec(indexDir, unknown) instanceof UncheckedIOException codec
          ? codec : IndexDamage.failure("cannot open index " + indexDir, e, directory);
      closeQuietly(directory);
      throw failure;
    }
  }

  /**
   * Another program's Lucene index opens as well, and its hits would come without URL or title.
   * An index without documents (a crawl that indexed nothing) has no fields to tell by.
   */
  private static boolean holdsPages(DirectoryReader reader) {
    return reader.numDocs() == 0 || FieldInfos.getMergedFieldInfos(reader).fieldInfo(PageFields.URL) != null;
  }

  /**
   * The best {@code limit} pages for {@code query}, read in Unicode's compatibility form (NFKC):
   * full-width letters an input method types, or an accent typed as a combining mark, are the
   * letters pages are written in, as a full-width colon is a field's colon. Names written as code
   * writes them, {@code HashMap::entry} or {@code IndexWriter.commit()}, read as names
   * ({@link CodeSpelling}). The results name the query as typed.
   *
   * @throws InvalidQueryException when the query does not parse; its message is one line
   */
  public SearchResults search(String typed, int limit) throws InvalidQueryException {
    return search(typed, limit, 0);
  }

  /**
   * As {@link #search(String, int)}, the {@code offset} best pages passed over: the next page of
   * results. The ranking is the same as for the first page, so pages follow on without gaps or
   * repeats while the index is unchanged.
   */
  public SearchResults search(String typed, int limit, int offset) throws InvalidQueryException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
    if (typed.length() > MAX_QUERY_LENGTH) {
      throw new InvalidQueryException(typed, "it is " + typed.length() + " characters long, and a query may have"
          + " at most " + MAX_QUERY_LENGTH, -1, null);
    }
    CodeSpelling.Reading reading = CodeSpelling.read(Normalizer.normalize(typed, Normalizer.Form.NFKC));
    long started = System.nanoTime();
    try {
      // Parsing looks words up in the index too (DefinedNames.urlNamedWords): a damaged one fails there.
      QueryPlan plan = planner.plan(planner.parse(reading));
      TopDocs top = rankedPages.top(plan, (int) Math.min((long) offset + limit, Integer.MAX_VALUE));
      ScoreDoc[] shown = Arrays.copyOfRange(top.scoreDocs, Math.min(offset, top.scoreDocs.length),
          top.scoreDocs.length);
      List<SearchHit> hits = hitBuilder.hits(shown, markedWords.of(plan), plan.ids(), NamedSections.of(plan));
      // A query whose words are all on some page pays a few term lookups for this, no more.
      String corrected = correction.of(plan, top.totalHits.value > 0);
      List<String> notes = top.totalHits.value == 0 ? unmatchedFilters.of(plan.text()) : List.of();
      return new SearchResults(typed, top.totalHits.value, hits, System.nanoTime() - started, corrected, offset, notes);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidQueryException(reading.text(), ClauseLimit.TOO_LONG, -1, e);
    } catch (IOException | RuntimeException e) {
      throw IndexDamage.failure("cannot search index " + dir, e, reader);
    }
  }

  /** Documents in the opened commit. */
  int docCount() {
    return reader.numDocs();
  }

  @Override
  public void close() {
    try (directory;
        reader;
        analyzer) {
      // All closed by try-with-resources, in reverse order.
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close index " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code directory} holds files of a segment, by Lucene's pattern for their names ({@code _0.cfs}). */
  private static boolean holdsSegmentFiles(Directory directory) {
    try {
      return Arrays.stream(directory.listAll()).anyMatch(name -> IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches());
    } catch (IOException | RuntimeException cannotTell) {
      return false; // then as a folder without them, which a crawl never committed to
    }
  }

  private static void closeQuietly(Directory directory) {
    if (directory != null) {
      try {
        directory.close();
      } catch (IOException | RuntimeException suppressed) {
        // Already failing with the more useful exception.
      }
    }
  }
}
