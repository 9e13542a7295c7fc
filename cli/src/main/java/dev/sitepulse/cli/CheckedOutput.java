package dev.sitepulse.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output that keeps the first write failure. PrintStream swallows it: with stdout on a
 * full disk ({@code ping -f json > out.json}) every result was lost and the run still exited 0.
 */
final class CheckedOutput extends FilterOutputStream {

  private volatile IOException failure;

  CheckedOutput(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw noted(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw noted(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw noted(e);
    }
  }

  /**
   * Why the output was not all written, or null. A reader that left ({@code | head}) is no
   * failure: the rest was not wanted, as for any command of a pipeline.
   */
  IOException lost() {
    IOException e = failure;
    return e == null || ReaderLeft.of(e) ? null : e;
  }

  private IOException noted(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }
}
