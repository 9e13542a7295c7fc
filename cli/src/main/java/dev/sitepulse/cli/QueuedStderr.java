package dev.sitepulse.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * System.err written by a thread of its own while a crawl runs: the crawl's event loop draws the
 * progress line and logs its warnings there, and a stderr piped into a slow reader (a full pipe
 * to {@code less}, a stopped terminal) would otherwise hold the loop and every fetch with it. Every
 * writer's bytes go into one queue, in the order they were written, and {@link #close} waits until
 * they are all out, so what is printed after it (the summary) still comes after them. Past
 * {@link #LIMIT} bytes waiting, what is written is dropped, and counted in one line once the reader
 * catches up: a writer that waited would be the event loop, held as before (a page linking to
 * thousands of dead hosts logs a megabyte of warnings from it).
 */
public final class QueuedStderr implements AutoCloseable {

  /** Bytes waiting for the writer thread beyond which writes are dropped: some 10,000 lines. */
  static final int LIMIT = 1 << 20;

  private final PrintStream original;
  private final Queue queue;
  private final Thread writer;

  private QueuedStderr(PrintStream original) {
    this.original = original;
    this.queue = new Queue(original);
    this.writer = new Thread(queue::writeAll, "sitepulse-stderr");
    writer.setDaemon(true); // a reader that never reads must not keep the JVM alive at exit
    writer.start();
  }

  /** Puts a queue in front of the present System.err until {@link #close}. */
  public static QueuedStderr install() {
    QueuedStderr queued = new QueuedStderr(System.err);
    System.setErr(new PrintStream(queued.queue, true, StandardCharsets.UTF_8));
    return queued;
  }

  /**
   * Waits until every byte queued is written, then puts the earlier System.err back. What is written
   * to the queue's stream after this goes straight through. Closing twice does nothing more.
   */
  @Override
  public void close() {
    queue.finish();
    System.setErr(original);
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The bytes written and not yet passed on, and the thread that passes them on. */
  private static final class Queue extends OutputStream {
    private final PrintStream out;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int waiting; // bytes in chunks, and in the chunk being written
    private long dropped; // bytes not queued since the last note of it
    private boolean finished;

    Queue(PrintStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (this) {
        if (!finished && waiting > LIMIT) {
          dropped += len; // never wait: the writer may be the event loop
          return;
        }
        if (!finished) {
          chunks.add(Arrays.copyOfRange(b, off, off + len));
          waiting += len;
          notifyAll();
          return;
        }
        while (waiting > 0) { // what was queued before goes first
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
      out.write(b, off, len); // after close: on the caller's thread, as System.err was
      out.flush();
    }

    @Override
    public void flush() {
      // The writer thread flushes after each chunk: a caller's flush must not wait for the reader.
    }

    /** The writer thread's loop: until finished and nothing is left. */
    void writeAll() {
      while (true) {
        byte[] chunk;
        synchronized (this) {
          while (chunks.isEmpty() && dropped == 0 && !finished) {
            try {
              wait();
            } catch (InterruptedException e) {
              return;
            }
          }
          if (chunks.isEmpty() && dropped == 0) {
            return;
          }
          // Once the reader has caught up, a line says what did not fit, after what did.
          chunk = chunks.isEmpty() ? droppedNote() : chunks.poll();
        }
        out.write(chunk, 0, chunk.length);
        out.flush();
        synchronized (this) {
          waiting -= chunk.length;
          notifyAll();
        }
      }
    }

    /** A line counting the bytes dropped since the last one, as a chunk waiting to be written. */
    private byte[] droppedNote() {
      byte[] note = ("sitepulse: " + dropped + " bytes of messages were dropped while stderr was not read\n")
          .getBytes(StandardCharsets.UTF_8);
      dropped = 0;
      waiting += note.length;
      return note;
    }

    synchronized void finish() {
      finished = true;
      notifyAll();
    }

    @Override
    public void close() throws IOException {
      // System.err is never closed; close() of the owner ends the queue.
    }
  }
}
