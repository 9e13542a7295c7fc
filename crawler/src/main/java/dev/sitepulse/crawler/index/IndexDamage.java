package dev.sitepulse.crawler.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.function.Supplier;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * Tells a damaged index from a bug when reading it fails. Lucene checks the checksums of a
 * segment's small files when it opens them, but trusts the bytes of its big ones (terms, postings,
 * stored pages) as it reads them: random bytes there surface as whatever the reader trips over, an
 * ArrayIndexOutOfBoundsException or a "read past EOF" deep in Lucene. Stored pages are not even
 * LZ4-compressed any more ({@link PageCodec}), whose decompressor noticed a bad length. Every file
 * ends in a checksum, though: checking them all is what tells damage from a bug. It reads the whole
 * index (5 to 15 ms for the Python docs' 16 MB, where a query takes 3), so only once reading failed.
 */
public final class IndexDamage {

  private IndexDamage() {}

  /**
   * Reads every file of the last commit in {@code directory} against its checksum, if there is a
   * commit. A crawl does so before it writes: over a damaged segment it could fail halfway, or
   * worse go on, as a refresh whose pages answer 304 keeps their documents where the damage is.
   * For the Python docs' 16 MB it takes 20 to 70 ms at a crawl's start, next to seconds of
   * crawling; a search could not afford it, at 3 ms a query.
   *
   * @throws CorruptIndexException naming the first file whose checksum fails
   */
  public static void verify(Directory directory) throws IOException {
    SegmentInfos commit;
    try {
      commit = SegmentInfos.readLatestCommit(directory);
    } catch (IndexNotFoundException e) {
      return; // a new index
    }
    for (String file : commit.files(true)) {
      try (IndexInput in = directory.openInput(file, IOContext.READONCE)) {
        CodecUtil.checksumEntireFile(in);
      }
    }
  }

  /**
   * {@code e}, thrown while Lucene read {@code reader}'s commit, as the one-line
   * UncheckedIOException "{@code failed}: damaged: …; crawl again with --fresh …" when the index
   * is damaged, or "{@code failed}: why" for another IOException. Any other exception is returned
   * as it is: a bug of ours, not the index's fault, which must not read as advice to crawl again.
   */
  public static RuntimeException failure(String failed, Exception e, IndexReader reader) {
    return failure(failed, e, () -> checksums(reader));
  }

  /** As {@link #failure(String, Exception, IndexReader)}, checking the last commit in {@code directory}. */
  public static RuntimeException failure(String failed, Exception e, Directory directory) {
    return failure(failed, e, () -> {
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        return checksums(reader);
      } catch (CorruptIndexException damage) {
        return damage;
      } catch (IOException | RuntimeException cannotTell) { // no commit, or it does not even open
        return null;
      }
    });
  }

  private static RuntimeException failure(String failed, Exception thrown, Supplier<CorruptIndexException> checked) {
    // Search's own term lookups (HitFields) pass Lucene's IOException on unchecked, from a frame of ours.
    Exception e = thrown instanceof UncheckedIOException unchecked ? unchecked.getCause() : thrown;
    CorruptIndexException damage = e instanceof CorruptIndexException c ? c : thrownReading(e) ? checked.get() : null;
    if (damage != null) {
      if (damage != e) {
        damage.addSuppressed(e); // what the reader tripped over, for -v
      }
      return new UncheckedIOException(failed + ": " + IndexErrors.brief(damage), damage);
    }
    if (e instanceof IOException io) {
      return new UncheckedIOException(failed + ": " + IndexErrors.brief(io), io);
    }
    return e instanceof RuntimeException r ? r : new IllegalStateException(e);
  }

  /**
   * Whether {@code e} started in Lucene's code or our codec's, past the JDK's (an array copy, a
   * bounds check). One that starts in our code, even in a visitor or scorer Lucene calls back, is
   * ours to see; so is the file system's word on a file (permission denied, no such file), which
   * no checksum explains.
   */
  private static boolean thrownReading(Exception e) {
    if (e instanceof FileSystemException || e instanceof IndexNotFoundException) {
      return false;
    }
    for (StackTraceElement frame : e.getStackTrace()) {
      String at = frame.getClassName();
      if (!at.startsWith("java.") && !at.startsWith("jdk.") && !at.startsWith("sun.")) {
        return at.startsWith("org.apache.lucene.") || at.startsWith(PageCodec.class.getName());
      }
    }
    return true; // a trace the JVM left out: let the checksums say
  }

  /** The first file whose checksum fails, as Lucene reports it; null when all match. */
  private static CorruptIndexException checksums(IndexReader reader) {
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        leaf.reader().checkIntegrity();
      }
      return null;
    } catch (CorruptIndexException damage) {
      return damage;
    } catch (IOException | RuntimeException cannotTell) {
      return null;
    }
  }
}
