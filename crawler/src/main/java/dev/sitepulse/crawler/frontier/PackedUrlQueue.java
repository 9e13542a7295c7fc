package dev.sitepulse.crawler.frontier;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A FIFO of (depth, path) pairs packed into one growing byte array: a varint depth, a varint
 * length and the UTF-8 bytes. A queued URL costs its own bytes plus two or three, not the 60
 * bytes of object headers and references a queue of Strings would add.
 */
final class PackedUrlQueue {

  /** One entry taken off the queue. */
  record Entry(int depth, String path) {}

  private byte[] buf = new byte[256];
  private int head;
  private int tail;
  private int count;

  void add(int depth, String path) {
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    ensure(10 + bytes.length);
    writeVarint(depth);
    writeVarint(bytes.length);
    System.arraycopy(bytes, 0, buf, tail, bytes.length);
    tail += bytes.length;
    count++;
  }

  Entry poll() {
    if (count == 0) {
      return null;
    }
    int depth = readVarint();
    int length = readVarint();
    String path = new String(buf, head, length, StandardCharsets.UTF_8);
    head += length;
    count--;
    if (count == 0) {
      head = 0;
      tail = 0;
    }
    return new Entry(depth, path);
  }

  int size() {
    return count;
  }

  /** Forgets every entry and the memory they took. */
  void clear() {
    buf = new byte[256];
    head = 0;
    tail = 0;
    count = 0;
  }

  boolean isEmpty() {
    return count == 0;
  }

  private void ensure(int extra) {
    if (tail + extra <= buf.length) {
      return;
    }
    int live = tail - head;
    if (head > 0 && live + extra <= buf.length / 2) {
      System.arraycopy(buf, head, buf, 0, live); // reuse the space already consumed
    } else {
      buf = Arrays.copyOfRange(buf, head, head + Math.max(buf.length * 2, live + extra) );
    }
    head = 0;
    tail = live;
  }

  private void writeVarint(int v) {
    while ((v & ~0x7F) != 0) {
      buf[tail++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[tail++] = (byte) v;
  }

  private int readVarint() {
    int v = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = buf[head++];
      v |= (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
  }
}
