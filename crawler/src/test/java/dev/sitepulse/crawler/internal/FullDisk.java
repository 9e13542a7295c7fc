package dev.sitepulse.crawler.internal;

import java.io.Flushable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A channel on a disk that fills up once {@code room} bytes are written: the write that reaches
 * it writes what still fits, and it and every later one fail as a full disk fails them. One may
 * fail its close, or its flush, instead, as NFS reports a write that failed late.
 */
final class FullDisk implements WritableByteChannel, Flushable {

  static final String NO_SPACE = "No space left on device";

  private final WritableByteChannel file;
  private long room;
  private boolean failsAtClose;
  private boolean failsAtFlush;

  FullDisk(WritableByteChannel file, long room) {
    this.file = file;
    this.room = room;
  }

  /** Its close fails, after closing the file. */
  static FullDisk failingAtClose(WritableByteChannel file) {
    FullDisk disk = new FullDisk(file, Long.MAX_VALUE);
    disk.failsAtClose = true;
    return disk;
  }

  /** Its flush fails, the one that makes what was written durable. */
  static FullDisk failingAtFlush(WritableByteChannel file) {
    FullDisk disk = new FullDisk(file, Long.MAX_VALUE);
    disk.failsAtFlush = true;
    return disk;
  }

  /** From now on only {@code bytes} more fit. */
  void leaveRoom(long bytes) {
    room = bytes;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    if (src.remaining() > room) {
      ByteBuffer fits = src.slice().limit((int) room);
      room -= file.write(fits);
      throw new IOException(NO_SPACE);
    }
    int n = file.write(src);
    room -= n;
    return n;
  }

  @Override
  public boolean isOpen() {
    return file.isOpen();
  }

  @Override
  public void flush() throws IOException {
    if (failsAtFlush) {
      throw new IOException(NO_SPACE);
    }
  }

  @Override
  public void close() throws IOException {
    file.close();
    if (failsAtClose) {
      throw new IOException(NO_SPACE);
    }
  }
}
