package dev.sitepulse.pinger;

import java.nio.file.Path;

/**
 * Another process for {@link DataDirLockTest}: {@code hold DIR} locks DIR for watch, says
 * "locked" and keeps it until its input ends; {@code take DIR} exits 0 when it could lock DIR, 2
 * when DIR is in use.
 */
public final class LockHolder {

  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (DataDirLock lock = DataDirLock.acquire(Path.of(args[1]), "watch")) {
      if (args[0].equals("hold")) {
        System.out.println("locked");
        System.out.flush();
        System.in.readAllBytes();
      }
    } catch (DataDirLock.Unavailable e) {
      System.exit(e.inUse() ? 2 : 3);
    }
  }
}
