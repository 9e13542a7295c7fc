package dev.sitepulse.crawler.urls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortUrlTest {

  @Test
  void aUrlOfAtMost200CharsIsShownWhole() {
    String url = "https://docs.example.org/" + "a".repeat(200 - 25);

    assertThat(ShortUrl.of(url)).isSameAs(url);
  }

  @Test
  void aLongerUrlKeepsItsSchemeHostAndEndAround200CharsInAll() {
    String url = "https://docs.example.org/x/" + "a".repeat(100_000) + "/end.html?q=1";

    String shown = ShortUrl.of(url);

    assertThat(shown).hasSize(ShortUrl.MAX).startsWith("https://docs.example.org/x/aaa").endsWith("aaa/end.html?q=1")
        .contains("…");
  }

  @Test
  void aHostLongerThanHalfIsKeptAsFarAsTheEndLeavesRoomAndNoCharacterIsSplit() {
    String host = "h".repeat(150) + ".example";
    String url = "http://" + host + "/" + "\uD83D\uDE00".repeat(200);

    String shown = ShortUrl.of(url);

    assertThat(shown).startsWith("http://" + "h".repeat(100)).hasSizeLessThanOrEqualTo(ShortUrl.MAX);
    assertThat(shown.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
  }
}
