package dev.sitepulse.crawler.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * The crawl's Lucene index on disk, one document per url.
 *
 * <p>Thread-safe: {@link #upsert} may run on many workers at once, alongside a {@link #commit}.
 * Only a commit makes upserts durable and visible to searchers; {@link #close()} does not commit,
 * so a stopped crawl leaves the index exactly as a killed one would, at its last commit (whose user
 * data says how far the crawl had got). I/O failures surface as {@link UncheckedIOException}s
 * naming the directory.
 */
public final class PageIndex implements Closeable {
  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer;
  private final ConcurrentMergeScheduler merges;
  /** Its own field: a writer Lucene closed after a failure no longer hands out its analyzer. */
  private final Analyzer analyzer;

  private PageIndex(Path dir, Directory directory, IndexWriter writer, ConcurrentMergeScheduler merges) {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    this.merges = merges;
    this.analyzer = writer.getAnalyzer();
  }

  /** Opens the index in {@code dir}, creating both when missing; one writer per directory. */
  public static PageIndex open(Path dir) {
    return open(dir, new QuietMerges());
  }

  /** @param merges runs Lucene's merges; tests hold them, as a busy machine would */
  static PageIndex open(Path dir, ConcurrentMergeScheduler merges) {
    Directory directory = null;
    try {
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
      IndexWriterConfig config =
          new IndexWriterConfig(PageFields.analyzer())
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              .setCommitOnClose(false)
              .setCodec(new PageCodec())
              .setMergeScheduler(merges);
      IndexWriter writer = new IndexWriter(directory, config);
      try {
        IndexDamage.verify(directory); // once the lock keeps other writers from changing it
      } catch (IOException | RuntimeException e) {
        writer.rollback();
        throw e;
      }
      return new PageIndex(dir, directory, writer, merges);
    } catch (LockObtainFailedException e) {
      closeQuietly(directory);
      throw new UncheckedIOException("index " + dir + " is in use by another writer", e);
    } catch (IOException e) {
      closeQuietly(directory);
      throw new UncheckedIOException("cannot open index " + dir + ": " + IndexErrors.brief(e), e);
    } catch (IllegalArgumentException e) {
      closeQuietly(directory);
      throw IndexErrors.unknownCodec(dir, e);
    }
  }

  /** Adds the page, or replaces the document already indexed under the same url. */
  public void upsert(IndexedPage page) {
    try {
      writer.updateDocument(new Term(PageFields.URL, page.url()), PageDocuments.of(page));
    } catch (IOException | RuntimeException e) {
      throw failure("cannot upsert " + page.url(), e);
    }
  }

  /** Removes the document indexed under {@code url}, if there is one. */
  public void delete(String url) {
    try {
      writer.deleteDocuments(new Term(PageFields.URL, url));
    } catch (IOException | RuntimeException e) {
      throw failure("cannot delete " + url, e);
    }
  }

  /**
   * Writes one of IndexWriter's per-thread buffers to disk as a segment, if any holds documents;
   * true if one did. A commit writes them all, one after another on its own thread: calls to this
   * from other threads first spread that work over cores that are idle.
   */
  public boolean flushBuffer() {
    try {
      return writer.flushNextBuffer();
    } catch (IOException | RuntimeException e) {
      throw failure("cannot flush", e);
    }
  }

  /**
   * Makes every upsert so far durable, recording {@code userData} with the commit. The commit keeps
   * no segment whose documents were all replaced or removed, as every one a refresh rewrote was.
   * Lucene drops such a segment at once, unless a merge holds it, to which it then leaves it; a
   * commit made meanwhile kept it, and close() aborts the merge: after a refresh, the site's
   * previous copy stayed on disk, was read by every search and counted in its term statistics,
   * until a later crawl deleted something. Waiting for the merges under way drops it.
   */
  public synchronized void commit(Map<String, String> userData) {
    try {
      writer.setLiveCommitData(Map.copyOf(userData).entrySet());
      writer.commit();
      if (holdsSegmentOfDeletedDocuments(lastCommit())) {
        merges.sync();
        if (writer.hasUncommittedChanges()) {
          writer.commit();
        }
      }
    } catch (IOException | RuntimeException e) {
      throw failure("cannot commit", e);
    }
  }

  /** The user data of the last commit on disk; empty for an index never committed. */
  public Map<String, String> lastCommitData() {
    SegmentInfos commit = lastCommit();
    return commit == null ? Map.of() : Map.copyOf(commit.getUserData());
  }

  /**
   * Those of {@code urls} that the last commit holds no document for. For a resume, before anything
   * is written: it reads the last commit, not what this writer added since.
   */
  public List<String> withoutDocument(List<String> urls) {
    if (lastCommit() == null) {
      return urls;
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader); // counts live documents, unlike docFreq
      List<String> missing = new ArrayList<>();
      for (String url : urls) {
        if (searcher.count(new TermQuery(new Term(PageFields.URL, url))) == 0) {
          missing.add(url);
        }
      }
      return missing;
    } catch (IOException e) {
      throw failure("cannot read", e);
    }
  }

  /**
   * The hash of the bytes each of {@code urls}' documents in the last commit was made from
   * ({@link IndexedPage#contentHash()}), by url; a url without a document, or whose document
   * records none (made before this version), is left out. For a resume, before anything is
   * written, as {@link #withoutDocument}.
   */
  public Map<String, String> committedContentHashes(Collection<String> urls) {
    if (lastCommit() == null || urls.isEmpty()) {
      return Map.of();
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = searcher.storedFields();
      Map<String, String> hashes = new HashMap<>();
      for (String url : urls) {
        TopDocs hit = searcher.search(new TermQuery(new Term(PageFields.URL, url)), 1);
        if (hit.scoreDocs.length == 1) {
          BytesRef hash = stored.document(hit.scoreDocs[0].doc, Set.of(PageFields.CONTENT_HASH))
              .getBinaryValue(PageFields.CONTENT_HASH);
          if (hash != null) {
            hashes.put(url, HexFormat.of().formatHex(hash.bytes, hash.offset, hash.length));
          }
        }
      }
      return hashes;
    } catch (IOException e) {
      throw failure("cannot read", e);
    }
  }

  /**
   * Documents in the last commit, which is what a searcher sees. Uncommitted upserts are left out
   * because, until a commit applies them, IndexWriter would count a replaced url twice.
   */
  public int docCount() {
    SegmentInfos commit = lastCommit();
    if (commit == null) {
      return 0;
    }
    int live = 0;
    for (SegmentCommitInfo segment : commit) {
      live += segment.info.maxDoc() - segment.getDelCount() - segment.getSoftDelCount();
    }
    return live;
  }

  /** Releases the index without committing; upserts since the last commit are dropped. */
  @Override
  public void close() {
    try (directory;
        analyzer) {
      writer.close();
    } catch (IOException e) {
      throw failure("cannot close", e);
    }
  }

  private static boolean holdsSegmentOfDeletedDocuments(SegmentInfos commit) {
    for (SegmentCommitInfo segment : commit) {
      if (segment.getDelCount() + segment.getSoftDelCount() == segment.info.maxDoc()) {
        return true;
      }
    }
    return false;
  }

  private SegmentInfos lastCommit() {
    try {
      return SegmentInfos.readLatestCommit(directory);
    } catch (IndexNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw failure("cannot read the last commit", e);
    }
  }

  /**
   * Lucene closes the writer after a failed write or merge (a full disk, a damaged segment), and
   * every later change or commit gets only "this IndexWriter is closed" or "cannot commit": the
   * failure that closed it says why.
   */
  private RuntimeException failure(String what, Exception e) {
    Exception why = e instanceof IllegalStateException && writer.getTragicException() instanceof Exception tragic
        ? tragic : e;
    return IndexDamage.failure(what + " (index " + dir + ")", why, directory);
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
