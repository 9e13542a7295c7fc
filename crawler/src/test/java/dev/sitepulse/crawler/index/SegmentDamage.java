package dev.sitepulse.crawler.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * Bytes of an index overwritten where a test can count on what they break, as a bad disk or a
 * stray write would overwrite them anywhere. Only each file's checksum notices.
 */
public final class SegmentDamage {
  /** Past the longest header a file of the segment has (the terms dictionary's, 55 bytes). */
  private static final int HEADER_ROOM = 64;

  private SegmentDamage() {}

  /**
   * Stored fields are kept as written ({@link PageCodec}), so a page's body stands in its segment's
   * file as it is, its length in the byte before it: 0xFF there reads as a length far past the end
   * of the chunk. A title would not do: its doc values hold it whole too, and may come first.
   */
  public static void overwriteLengthOf(Path indexDir, String storedText) throws IOException {
    for (Path file : segmentFiles(indexDir)) {
      byte[] bytes = Files.readAllBytes(file);
      int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf(storedText);
      if (at > 0) {
        bytes[at - 1] = (byte) 0xFF;
        Files.write(file, bytes);
        return;
      }
    }
    throw new AssertionError("no segment of " + indexDir + " stores " + storedText);
  }

  /**
   * Overwrites one file of the first segment, {@code suffix} such as {@code _Lucene912_0.tim},
   * with random bytes between its header and its checksum, inside the segment's compound file.
   */
  public static void randomBytes(Path indexDir, String suffix, long seed) throws IOException {
    long[] slice = compoundEntry(indexDir, "_0", suffix);
    long from = slice[0] + HEADER_ROOM;
    long to = slice[0] + slice[1] - CodecUtil.footerLength();
    byte[] filler = new byte[(int) (to - from)];
    new Random(seed).nextBytes(filler);
    try (FileChannel cfs = FileChannel.open(indexDir.resolve("_0.cfs"), StandardOpenOption.WRITE)) {
      cfs.write(ByteBuffer.wrap(filler), from);
    }
  }

  /** Offset and length of {@code suffix} in the segment's .cfs, as its .cfe lists them. */
  private static long[] compoundEntry(Path indexDir, String segment, String suffix) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir);
        IndexInput entries = dir.openInput(segment + ".cfe", IOContext.READONCE)) {
      entries.seek(CodecUtil.indexHeaderLength("Lucene90CompoundEntries", ""));
      for (int n = entries.readVInt(); n > 0; n--) {
        String id = entries.readString();
        long offset = entries.readLong();
        long length = entries.readLong();
        if (id.equals(suffix)) {
          return new long[] {offset, length};
        }
      }
    }
    throw new AssertionError(segment + " of " + indexDir + " has no " + suffix);
  }

  private static List<Path> segmentFiles(Path indexDir) throws IOException {
    try (var files = Files.list(indexDir)) {
      return files.filter(f -> f.toString().endsWith(".cfs") || f.toString().endsWith(".fdt")).sorted().toList();
    }
  }
}
