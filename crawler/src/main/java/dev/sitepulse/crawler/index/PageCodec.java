package dev.sitepulse.crawler.index;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's default codec, but stored fields are kept as they are, not LZ4-compressed: search
 * reads the whole stored body of every hit for its snippet, and decompressing it was a third of a
 * query's time. The index grows by about half (11 to 16 MB for the Python docs).
 *
 * <p>Each segment records its codec's name, and reading it looks the name up through Lucene's SPI
 * (META-INF/services): {@link #NAME} must stay as it is, and a move to a later Lucene codec needs
 * a codec of a new name, this one kept for the segments already written.
 */
public final class PageCodec extends FilterCodec {

  public static final String NAME = "SitepulsePage912";

  /** Chunks as Lucene's BEST_SPEED mode makes them; only the compression is left out. */
  private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
      "SitepulseStoredFieldsPlain", AS_IS, 80 * 1024, 1024, 10);

  /** For Lucene's SPI, which finds a segment's codec by its name. */
  public PageCodec() {
    super(NAME, new Lucene912Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }

  /** Bytes written as they come, and read back from where the wanted ones start. */
  private static final CompressionMode AS_IS = new CompressionMode() {
    @Override
    public Compressor newCompressor() {
      return new Compressor() {
        @Override
        public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
          out.copyBytes(in, in.length());
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public Decompressor newDecompressor() {
      return new Decompressor() {
        @Override
        public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
            throws IOException {
          if (bytes.bytes.length < length) {
            bytes.bytes = new byte[ArrayUtil.oversize(length, 1)];
          }
          in.skipBytes(offset);
          in.readBytes(bytes.bytes, 0, length);
          bytes.offset = 0;
          bytes.length = length;
        }

        @Override
        public Decompressor clone() {
          return this;
        }
      };
    }
  };
}
