package dev.sitepulse.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A page may put megabytes in its title, meta description, a heading or a link's text: each is
 * kept to a few hundred characters, as browsers and search engines show them, so that crawl.db
 * and the index do not store them whole and a search does not read them back.
 */
class LongTextsTest {

  private static final String MEGABYTE = "word ".repeat(200_000);

  private static ParsedPage parse(String html) {
    return PageParser.parse(html.getBytes(StandardCharsets.UTF_8), "utf-8", "https://docs.example/long.html");
  }

  @Test
  void aTitleOfAMegabyteIsCutToItsFirstCharactersWithAnEllipsis() {
    ParsedPage page = parse("<title>Start " + MEGABYTE + "</title><p>Body");

    assertThat(page.title()).startsWith("Start word word").endsWith("…").hasSizeLessThanOrEqualTo(StoredTexts.TITLE);
    assertThat(page.text()).isEqualTo("Body");
  }

  @Test
  void aDescriptionAHeadingAndALinksTextOfAMegabyteAreCutToo() {
    ParsedPage page = parse("<meta name=description content=\"" + MEGABYTE + "\"><h1>" + MEGABYTE
        + "</h1><a href=/next>" + MEGABYTE + "</a>");

    assertThat(page.description()).endsWith("…").hasSizeLessThanOrEqualTo(StoredTexts.DESCRIPTION);
    assertThat(page.headings()).singleElement().asString().endsWith("…").hasSizeLessThanOrEqualTo(StoredTexts.HEADING);
    assertThat(page.outlinks()).singleElement().extracting(Outlink::anchor).asString().endsWith("…")
        .hasSizeLessThanOrEqualTo(StoredTexts.LINK_TEXT);
    assertThat(page.text()).as("the body's text is whole, searchable as it was").hasSizeGreaterThan(1_990_000);
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String emoji = "😀".repeat(StoredTexts.TITLE);

    String title = parse("<title>" + emoji + "</title>").title();

    assertThat(Character.isHighSurrogate(title.charAt(title.length() - 2))).isFalse();
    assertThat(title).endsWith("😀…");
  }
}
