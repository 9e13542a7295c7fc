package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who holds which body's bytes, keyed by 64 bits of the SHA-256 and confirmed by the rest. */
class BodyHashOwnersTest {

  private static final String A = "0123456789abcdef" + "1".repeat(48);
  /** The same first 64 bits as A, another body. */
  private static final String A_PREFIX_ONLY = "0123456789abcdef" + "2".repeat(48);

  @Test
  void theFirstPageHoldsTheBytesAndALaterOneIsTheirCopy() {
    BodyHashOwners owners = new BodyHashOwners();

    assertThat(owners.claim(A, "http://h/first")).isNull();
    assertThat(owners.claim(A, "http://h/first")).as("its own bytes again").isNull();
    assertThat(owners.claim(A, "http://h/copy")).isEqualTo("http://h/first");
    assertThat(owners.owner(A)).isEqualTo("http://h/first");
  }

  @Test
  void aBodyWhoseHashSharesOnlyItsFirst64BitsIsNoCopy() {
    BodyHashOwners owners = new BodyHashOwners();
    owners.claim(A, "http://h/first");

    assertThat(owners.claim(A_PREFIX_ONLY, "http://h/other")).isNull();
    assertThat(owners.owner(A_PREFIX_ONLY)).isNull();
    assertThat(owners.owner(A)).isEqualTo("http://h/first");
  }

  @Test
  void bytesGivenUpOrHandedOnGoToTheNextPage() {
    BodyHashOwners owners = new BodyHashOwners();
    owners.claim(A, "http://h/variant");

    assertThat(owners.replace(A, "http://h/other", "http://h/canonical")).isFalse();
    assertThat(owners.replace(A, "http://h/variant", "http://h/canonical")).isTrue();
    owners.remove(A, "http://h/variant");
    assertThat(owners.owner(A)).as("only the holder gives them up").isEqualTo("http://h/canonical");
    owners.remove(A, "http://h/canonical");
    assertThat(owners.owner(A)).isNull();
    assertThat(owners.claim(A, "http://h/next")).isNull();
    assertThat(owners.owner(A)).isEqualTo("http://h/next");
  }

  @Test
  void everyBodyIsFoundAgainAfterTheTableGrowsAndAHashOfZerosIsOneToo() {
    BodyHashOwners owners = new BodyHashOwners();
    String zeros = "0".repeat(64);
    owners.claim(zeros, "http://h/zeros");
    for (int i = 1; i <= 5_000; i++) {
      owners.claim(hash(i), "http://h/" + i);
    }
    owners.remove(hash(7), "http://h/7");

    for (int i = 1; i <= 5_000; i++) {
      assertThat(owners.claim(hash(i), "http://h/copy")).isEqualTo(i == 7 ? null : "http://h/" + i);
    }
    assertThat(owners.owner(zeros)).isEqualTo("http://h/zeros");
    assertThat(owners.owner("not a hash")).isNull();
  }

  private static String hash(int i) {
    return String.format("%016x", i * 0x9E3779B97F4A7C15L) + String.format("%048x", i);
  }
}
