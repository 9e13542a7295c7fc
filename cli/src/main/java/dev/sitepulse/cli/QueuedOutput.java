package dev.sitepulse.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * System.err (or System.out) written by a thread of its own: a crawl's event loop draws the
 * progress line and logs its warnings on stderr, and a stream piped into a slow reader (a full pipe
 * to {@code less}, a stopped terminal) would otherwise hold the loop and every fetch with it. Every
 * writer's bytes go into one queue, in the order they were written, and {@link #close()} waits until
 * they are all out, so what is printed after it (the summary) still comes after them. Past
 * {@link #LIMIT} bytes waiting, what is written is dropped, and counted in one line once the reader
 * catches up: a writer that waited would be the event loop, held as before (a page linking to
 * thousands of dead hosts logs a megabyte of warnings from it). {@link #close(Duration)} waits a
 * limited time instead, for a daemon whose stop must end whoever reads.
 */
public final class QueuedOutput implements AutoCloseable {

  /** Bytes waiting for the writer thread beyond which writes are dropped: some 10,000 lines. */
  static final int LIMIT = 1 << 20;

  private final PrintStream original;
  private final Consumer<PrintStream> setter;
  private final Queue queue;
  private final PrintStream queued;
  private final Thread writer;

  private QueuedOutput(String name, PrintStream original, Consumer<PrintStream> setter) {
    this.original = original;
    this.setter = setter;
    this.queue = new Queue(name, original);
    this.queued = new PrintStream(queue, true, StandardCharsets.UTF_8);
    this.writer = new Thread(queue::writeAll, "sitepulse-" + name);
    writer.setDaemon(true); // a reader that never reads must not keep the JVM alive at exit
    writer.start();
    setter.accept(queued);
  }

  /** Puts a queue in front of the present System.err until closed. */
  public static QueuedOutput stderr() {
    return new QueuedOutput("stderr", System.err, System::setErr);
  }

  /** Puts a queue in front of the present System.out until closed. */
  public static QueuedOutput stdout() {
    return new QueuedOutput("stdout", System.out, System::setOut);
  }

  /**
   * Waits until every byte queued is written, then puts the earlier stream back. What is written
   * to the queue's stream after this goes straight through. Closing twice does nothing more.
   */
  @Override
  public void close() {
    queue.finish();
    putBackOnceWritten(0);
  }

  /**
   * As {@link #close()}, for at most {@code limit}: past it, what is still queued is dropped, and
   * so is all written from then on, since the earlier stream cannot be put back (the writer thread,
   * held in a write, holds it too).
   *
   * @return the bytes not written, 0 when all were
   */
  public long close(Duration limit) {
    queue.finish();
    return putBackOnceWritten(Math.max(1, limit.toMillis())) ? 0 : queue.abandon();
  }

  /**
   * Waits up to {@code millis} (0: for ever) for the writer thread to write what is queued and end,
   * and only then puts the earlier stream back: until then a write to System.err (or out) goes into
   * the queue's stream, which passes it on after what was queued before it, where the earlier
   * stream would take it at once, ahead of lines still queued. Interrupted, it puts the stream back
   * only if the writer has ended too.
   *
   * @return whether the writer has ended and the stream is back
   */
  private boolean putBackOnceWritten(long millis) {
    try {
      writer.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) {
      return false;
    }
    setter.accept(original);
    return true;
  }

  /** The bytes written and not yet passed on, and the thread that passes them on. */
  private static final class Queue extends OutputStream {
    private final String name;
    private final PrintStream out;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int waiting; // bytes in chunks, and in the chunk being written
    private long dropped; // bytes not queued since the last note of it
    private boolean finished;
    private boolean abandoned; // the reader took too long: nothing more is written

    Queue(String name, PrintStream out) {
      this.name = name;
      this.out = out;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (this) {
        if (abandoned || !finished && waiting > LIMIT) {
          dropped += len; // never wait: the writer may be the event loop
          return;
        }
        if (!finished) {
          chunks.add(Arrays.copyOfRange(b, off, off + len));
          waiting += len;
          notifyAll();
          return;
        }
        while (waiting > 0 && !abandoned) { // what was queued before goes first
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
        if (abandoned) {
          return;
        }
      }
      out.write(b, off, len); // after close: on the caller's thread, as the stream was
      out.flush();
    }

    @Override
    public void flush() {
      // The writer thread flushes after each chunk: a caller's flush must not wait for the reader.
    }

    /** The writer thread's loop: until finished and nothing is left, or abandoned. */
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
          if (abandoned || chunks.isEmpty() && dropped == 0) {
            return;
          }
          // Once the reader has caught up, a line says what did not fit, after what did.
          chunk = chunks.isEmpty() ? droppedNote() : chunks.poll();
        }
        out.write(chunk, 0, chunk.length);
        out.flush();
        synchronized (this) {
          if (abandoned) {
            return;
          }
          waiting -= chunk.length;
          notifyAll();
        }
      }
    }

    /** A line counting the bytes dropped since the last one, as a chunk waiting to be written. */
    private byte[] droppedNote() {
      byte[] note = ("sitepulse: " + dropped + " bytes of messages were dropped while " + name + " was not read\n")
          .getBytes(StandardCharsets.UTF_8);
      dropped = 0;
      waiting += note.length;
      return note;
    }

    synchronized void finish() {
      finished = true;
      notifyAll();
    }

    /** Gives up on the reader; returns the bytes not known to be written, those of the write it is held in included. */
    synchronized long abandon() {
      abandoned = true;
      notifyAll();
      long left = waiting + dropped;
      chunks.clear();
      waiting = 0;
      dropped = 0;
      return left;
    }

    @Override
    public void close() throws IOException {
      // The stream is never closed; close() of the owner ends the queue.
    }
  }
}
