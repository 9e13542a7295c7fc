package dev.sitepulse.crawler.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Walks a file of gzip members (a .warc.gz holds one per record) to where its last whole member
 * ends. A file cut part way through a member, by a kill in the middle of a write, ends earlier.
 */
final class GzipMembers {

  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int FHCRC = 2;

  private final FileChannel file;
  private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024).flip();
  /** Where in the file {@code buf}'s first byte is. */
  private long bufStart;

  private GzipMembers(FileChannel file) {
    this.file = file;
  }

  /**
   * Where the last whole member of {@code file} ends: its size when nothing is cut.
   *
   * @throws DataFormatException where a member is not gzip, or its data is damaged: not a cut
   */
  static long wholeEnd(FileChannel file) throws IOException, DataFormatException {
    return new GzipMembers(file).walk();
  }

  private long walk() throws IOException, DataFormatException {
    Inflater inflater = new Inflater(true);
    byte[] out = new byte[64 * 1024];
    long whole = 0;
    try {
      while (true) {
        int first = read();
        if (first < 0) {
          return whole; // the file ends where a member does
        }
        try {
          member(first, inflater, out);
        } catch (EOFException cut) {
          return whole;
        }
        whole = position();
      }
    } finally {
      inflater.end();
    }
  }

  /** Reads one member, header, deflated data and trailer; EOFException where the file ends first. */
  private void member(int first, Inflater inflater, byte[] out) throws IOException, DataFormatException {
    if (first != 0x1f || next() != 0x8b || next() != 8) {
      throw new DataFormatException("no gzip member at byte " + (position() - 1));
    }
    int flags = next();
    skip(6); // mtime, extra flags, OS
    if ((flags & FEXTRA) != 0) {
      skip(next() | next() << 8);
    }
    if ((flags & FNAME) != 0) {
      while (next() != 0) { } // a name, to its zero byte
    }
    if ((flags & FCOMMENT) != 0) {
      while (next() != 0) { } // a comment, to its zero byte
    }
    if ((flags & FHCRC) != 0) {
      skip(2);
    }
    inflater.reset();
    while (!inflater.finished()) {
      if (inflater.needsInput()) {
        if (!buf.hasRemaining() && !fill()) {
          throw new EOFException();
        }
        inflater.setInput(buf.array(), buf.position(), buf.remaining());
        buf.position(buf.limit());
      }
      if (inflater.inflate(out) == 0 && inflater.needsDictionary()) {
        throw new DataFormatException("a gzip member asks for a dictionary");
      }
    }
    buf.position(buf.limit() - inflater.getRemaining()); // the trailer and what follows
    skip(4); // CRC-32
    long size = next() | next() << 8 | next() << 16 | (long) next() << 24;
    if (size != (inflater.getBytesWritten() & 0xffffffffL)) {
      throw new DataFormatException("a gzip member's size does not match its data");
    }
  }

  private long position() {
    return bufStart + buf.position();
  }

  private void skip(int bytes) throws IOException {
    for (int i = 0; i < bytes; i++) {
      next();
    }
  }

  /** The next byte; EOFException at the end of the file. */
  private int next() throws IOException {
    int b = read();
    if (b < 0) {
      throw new EOFException();
    }
    return b;
  }

  /** The next byte, or -1 at the end of the file. */
  private int read() throws IOException {
    if (!buf.hasRemaining() && !fill()) {
      return -1;
    }
    return buf.get() & 0xff;
  }

  private boolean fill() throws IOException {
    bufStart += buf.limit();
    buf.clear();
    int n;
    do {
      n = file.read(buf, bufStart);
    } while (n == 0);
    buf.flip();
    return n > 0;
  }
}
