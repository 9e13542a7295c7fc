package dev.sitepulse.crawler.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.HexFormat;
import org.conscrypt.Conscrypt;

/**
 * The SHA-256 of a page body, for exact duplicates. Through Conscrypt's native code (BoringSSL,
 * which uses the CPU's SHA instructions) where its library loads, and the JDK's own otherwise.
 *
 * <p>Why not just the JDK: the launcher runs a crawl under C1 alone, and only C2 turns the JDK's
 * SHA-256 into the CPU's SHA instructions. Under C1 it hashes about 150 MB/s, a tenth of a cold
 * crawl's CPU; Conscrypt does 1.7 GB/s under either compiler.
 */
final class BodyHash {
  private BodyHash() {}

  /**
   * Whether hashing runs in native code. The first call loads the library (about 50 ms); a crawl
   * makes it on a parser thread while it opens its stores, so that no page waits for it.
   */
  static boolean isNative() {
    return Native.PROVIDER != null;
  }

  static String sha256(byte[] body) {
    return HEX.formatHex(DIGEST.get().digest(body)); // digest() also resets it for the next page
  }

  private static final HexFormat HEX = HexFormat.of();

  /** One per parser thread: looking one up in the provider for every page costs a reflective call. */
  private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
    try {
      return Native.PROVIDER == null
          ? MessageDigest.getInstance("SHA-256")
          : MessageDigest.getInstance("SHA-256", Native.PROVIDER);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM and Conscrypt have SHA-256", e);
    }
  });

  /** Conscrypt's provider, or null where its library does not load (another OS or CPU). */
  private static final class Native {
    static final Provider PROVIDER = loadProvider();

    private static Provider loadProvider() {
      try {
        return Conscrypt.isAvailable() ? Conscrypt.newProvider() : null;
      } catch (LinkageError e) {
        return null;
      }
    }
  }
}
