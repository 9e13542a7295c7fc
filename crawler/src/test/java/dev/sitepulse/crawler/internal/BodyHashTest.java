package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Body hashes must not change with the code that computes them: crawl.db keeps them across runs. */
class BodyHashTest {

  @Test
  void nativeHashingLoadsOnTheMachinesConscryptShipsFor() {
    String os = System.getProperty("os.name").toLowerCase();
    String arch = System.getProperty("os.arch");
    boolean shipped = (os.contains("linux") || os.contains("mac")) && (arch.equals("amd64")
        || arch.equals("x86_64") || arch.equals("aarch64"));
    assumeTrue(shipped, "Conscrypt ships no library for " + os + " " + arch);
    assertThat(BodyHash.isNative()).isTrue();
  }

  @Test
  void bodiesHashAsTheJdksSha256Does() throws Exception {
    Random random = new Random(7);
    for (int size : new int[] {0, 1, 55, 56, 64, 65, 4096, 90_001}) {
      byte[] body = new byte[size];
      random.nextBytes(body);
      String jdk = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
      assertThat(BodyHash.sha256(body)).as("%d bytes", size).isEqualTo(jdk);
    }
  }

  @Test
  void anEmptyBodyHasTheWellKnownDigest() {
    assertThat(BodyHash.sha256(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
