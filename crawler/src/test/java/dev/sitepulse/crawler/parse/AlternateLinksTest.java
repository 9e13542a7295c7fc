package dev.sitepulse.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which {@code <link>} elements are links to follow: the alternate versions of a page, not its feeds. */
class AlternateLinksTest {

  private static final String HEAD = """
      <html><head><title>Home</title>
      <link rel="alternate" hreflang="de" href="/de/hreflang.html">
      <link rel="alternate" hreflang="x-default" href="/">
      <link rel="alternate" media="only screen and (max-width: 640px)" href="/m/home.html">
      <link rel="alternate" type="application/rss+xml" title="News" href="/feed.xml">
      <link rel="alternate stylesheet" title="Dark" href="/dark.css">
      <link rel="next" href="/page2.html">
      <link rel="stylesheet" href="/site.css">
      </head><body><p>Hello</p></body></html>""";

  private static final String BASE = "https://docs.example/index.html";

  @Test
  void aCrawlForSearchFollowsAPagesAlternateVersionsButNotItsFeedsOrStylesheets() {
    ParsedPage page = PageParser.parseForSearch(HEAD.getBytes(StandardCharsets.UTF_8), null, BASE);

    assertThat(page.outlinks()).extracting(Outlink::url).containsExactly("https://docs.example/de/hreflang.html",
        "https://docs.example/", "https://docs.example/m/home.html");
  }

  @Test
  void aLinkCheckChecksTheSameAlternatesAsLinksWithTheirLines() {
    ParsedPage page = PageParser.parse(HEAD.getBytes(StandardCharsets.UTF_8), null, BASE);

    assertThat(page.outlinks()).extracting(o -> o.url() + " " + o.line()).containsExactly(
        "https://docs.example/de/hreflang.html 2", "https://docs.example/ 3", "https://docs.example/m/home.html 4");
    assertThat(page.embeds()).extracting(Embed::url).containsExactly("https://docs.example/dark.css",
        "https://docs.example/site.css");
  }
}
