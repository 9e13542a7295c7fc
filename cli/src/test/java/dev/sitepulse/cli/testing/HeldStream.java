package dev.sitepulse.cli.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/** A stderr whose reader reads nothing until released, as a full pipe blocks its writer. */
public final class HeldStream extends OutputStream {
  public final CountDownLatch firstWrite = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    firstWrite.countDown();
    awaitRelease();
    synchronized (bytes) {
      bytes.write(b, off, len);
    }
  }

  /** Waits, as a write here does, until {@link #release}. */
  public void awaitRelease() {
    try {
      released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void release() {
    released.countDown();
  }

  public String written() {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
