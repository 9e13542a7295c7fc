package dev.sitepulse.crawler.parse;

import static dev.sitepulse.crawler.parse.StubSite.parseHtml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The resources a page embeds, as a link check's parse collects them. */
class EmbedsTest {

  @Test
  void everyKindOfEmbeddingElementGivesItsUrlElementAndLine() {
    ParsedPage page = parseHtml("""
        <html><head>
        <link rel=stylesheet href=site.css>
        <script src=app.js></script>
        </head><body>
        <img src=photo.jpg alt="Team  photo">
        <picture><source srcset=wide.webp><img src=narrow.jpg alt=""></picture>
        <video src=clip.mp4 poster=still.jpg><source src=clip.webm><track src=subs.vtt></video>
        <audio src=talk.mp3></audio>
        <iframe src=map.html></iframe>
        <embed src=chart.svg><object data=doc.pdf></object>
        <form><input type=IMAGE src=go.png alt=Go><input type=text src=ignored.png></form>
        </body></html>""", "http://h/d/page.html");

    assertThat(page.embeds()).extracting(Embed::url, Embed::element, Embed::alt, Embed::line).containsExactly(
        tuple("http://h/d/site.css", "link rel=stylesheet", "", 2),
        tuple("http://h/d/app.js", "script", "", 3),
        tuple("http://h/d/photo.jpg", "img", "Team photo", 5),
        tuple("http://h/d/wide.webp", "source srcset", "", 6),
        tuple("http://h/d/narrow.jpg", "img", "", 6),
        tuple("http://h/d/clip.mp4", "video", "", 7),
        tuple("http://h/d/still.jpg", "video poster", "", 7),
        tuple("http://h/d/clip.webm", "source", "", 7),
        tuple("http://h/d/subs.vtt", "track", "", 7),
        tuple("http://h/d/talk.mp3", "audio", "", 8),
        tuple("http://h/d/map.html", "iframe", "", 9),
        tuple("http://h/d/chart.svg", "embed", "", 10),
        tuple("http://h/d/doc.pdf", "object", "", 10),
        tuple("http://h/d/go.png", "input type=image", "Go", 11));
  }

  @Test
  void anSvgImageByHrefOrXlinkHrefIsEmbeddedAsBrowsersLoadIt() {
    ParsedPage page = parseHtml("""
        <svg>
        <image href=logo.png />
        <image xlink:href=old.png />
        <image href=new.png xlink:href=ignored.png />
        </svg>""", "http://h/d/page.html");

    assertThat(page.embeds()).extracting(Embed::url, Embed::element, Embed::line).containsExactly(
        tuple("http://h/d/logo.png", "svg image", 2),
        tuple("http://h/d/old.png", "svg image", 3),
        tuple("http://h/d/new.png", "svg image", 4));
  }

  @Test
  void anSvgSpriteScriptOrFilterImageByHrefOrXlinkHrefIsEmbeddedAndAReferenceIntoThePageIsNot() {
    ParsedPage page = parseHtml("""
        <svg>
        <use href="/icons.svg#search" />
        <use xlink:href="sprite.svg#menu"></use>
        <use href="#drawn-here" /><symbol id=drawn-here></symbol>
        <script href=chart.js></script>
        <script xlink:href=old.js></script>
        <filter><feImage href=grain.png /></filter>
        </svg>
        <script src=app.js></script>""", "http://h/d/page.html");

    assertThat(page.embeds()).extracting(Embed::url, Embed::element, Embed::line).containsExactly(
        tuple("http://h/icons.svg#search", "svg use", 2),
        tuple("http://h/d/sprite.svg#menu", "svg use", 3),
        tuple("http://h/d/chart.js", "svg script", 5),
        tuple("http://h/d/old.js", "svg script", 6),
        tuple("http://h/d/grain.png", "svg feImage", 7),
        tuple("http://h/d/app.js", "script", 9));
  }

  @Test
  void whatATemplateHoldsIsNotEmbeddedUntilAScriptUsesIt() {
    ParsedPage page = parseHtml("""
        <template id=row><tr><td><img src="{{ item.thumb }}" srcset="/img/${name}.png 2x">
        <script src=row.js></script></td></tr></template>
        <img src=real.png>""", "http://h/");

    assertThat(page.embeds()).extracting(Embed::url).containsExactly("http://h/real.png");
  }

  @Test
  void aFrameOfAFramesetIsEmbedded() {
    ParsedPage page = parseHtml("<html><frameset>\n<frame src=menu.html>\n</frameset></html>", "http://h/");

    assertThat(page.embeds()).extracting(Embed::url, Embed::element, Embed::line)
        .containsExactly(tuple("http://h/menu.html", "frame", 2));
  }

  @Test
  void aLinkCheckTakesFramesAsEmbedsOnlyAndTheNoframesFallbacksLinksAsLinks() {
    String html = "<html><frameset>\n<frame src=menu.html name=m>\n<noframes>\n<p><a href=plain.html>Plain</a>"
        + "\n<a href=other.html>Other</a></noframes>\n</frameset></html>";
    ParsedPage page = parseHtml(html, "http://h/");

    assertThat(page.embeds()).extracting(Embed::url).containsExactly("http://h/menu.html");
    assertThat(page.outlinks()).extracting(Outlink::url, Outlink::anchor, Outlink::line).containsExactly(
        tuple("http://h/plain.html", "Plain", 4), tuple("http://h/other.html", "Other", 5));
    ParsedPage forSearch = PageParser.parseForSearch(html.getBytes(StandardCharsets.UTF_8), "UTF-8", "http://h/");
    assertThat(forSearch.outlinks()).extracting(Outlink::url, Outlink::anchor, Outlink::line).containsExactly(
        tuple("http://h/menu.html", "m", -1), tuple("http://h/plain.html", "Plain", -1),
        tuple("http://h/other.html", "Other", -1));
  }

  @Test
  void aLinkIsAResourceWhenItsRelMakesTheBrowserFetchItAndNotWhenItOnlyNamesAPage() {
    ParsedPage page = parseHtml("""
        <link rel=stylesheet href=a.css><link rel="alternate stylesheet" href=b.css>
        <link rel="shortcut icon" href=favicon.ico><link rel=apple-touch-icon href=touch.png>
        <link rel=preload href=font.woff2 as=font><link rel=modulepreload href=mod.js>
        <link rel=manifest href=site.webmanifest><link rel=ICON href=upper.png>
        <link rel=canonical href=c.html><link rel=alternate href=feed.xml><link rel=next href=2.html>
        <link rel=prev href=0.html><link rel=dns-prefetch href=//cdn.example><link href=no-rel.css>
        <link rel=stylesheet href="">""", "http://h/");

    assertThat(page.embeds()).extracting(Embed::url, Embed::element).containsExactly(
        tuple("http://h/a.css", "link rel=stylesheet"), tuple("http://h/b.css", "link rel=stylesheet"),
        tuple("http://h/favicon.ico", "link rel=icon"), tuple("http://h/touch.png", "link rel=apple-touch-icon"),
        tuple("http://h/font.woff2", "link rel=preload"), tuple("http://h/mod.js", "link rel=modulepreload"),
        tuple("http://h/site.webmanifest", "link rel=manifest"), tuple("http://h/upper.png", "link rel=icon"));
    assertThat(page.canonical()).isEqualTo("http://h/c.html");
  }

  @Test
  void eachUrlOfASrcsetIsEmbeddedWithTheImagesAltText() {
    ParsedPage page = parseHtml(
        "<img src=small.jpg srcset=\"medium.jpg 2x, large.jpg 1200w,huge.jpg\" alt=Logo>", "http://h/");

    assertThat(page.embeds()).extracting(Embed::url, Embed::element, Embed::alt).containsExactly(
        tuple("http://h/small.jpg", "img", "Logo"), tuple("http://h/medium.jpg", "img srcset", "Logo"),
        tuple("http://h/large.jpg", "img srcset", "Logo"), tuple("http://h/huge.jpg", "img srcset", "Logo"));
  }

  @Test
  void embedsResolveAgainstTheBaseHrefAsLinksDo() {
    ParsedPage page = parseHtml("""
        <head><base href="https://cdn.example/assets/"><link rel=stylesheet href=site.css></head>
        <img src="img/a.png" srcset="../b.png 2x"><script src="//other.example/x.js"></script>""",
        "http://origin.example/docs/page.html");

    assertThat(page.embeds()).extracting(Embed::url).containsExactly("https://cdn.example/assets/site.css",
        "https://cdn.example/assets/img/a.png", "https://cdn.example/b.png", "https://other.example/x.js");
  }

  @Test
  void nonHttpUrlsAreKeptAsWrittenForTheCrawlToCountAndEmptyOnesAreNoEmbeds() {
    ParsedPage page = parseHtml("""
        <img src="data:image/gif;base64,R0lGOD,lhAQ=" alt=dot><script src="javascript:void(0)"></script>
        <img src=""><img src="   "><img alt=none><iframe src="blob:http://h/1234"></iframe>
        <img src="  spaced.png  ">""", "http://h/");

    assertThat(page.embeds()).extracting(Embed::url).containsExactly("data:image/gif;base64,R0lGOD,lhAQ=",
        "javascript:void(0)", "blob:http://h/1234", "http://h/spaced.png");
  }

  @Test
  void anImageInsideALinkIsAnEmbedAndItsAltTextStaysTheLinksAnchor() {
    ParsedPage page = parseHtml("<a href=/home><img src=/logo.png alt='Acme home'></a>", "http://h/");

    assertThat(page.outlinks()).extracting(Outlink::url, Outlink::anchor)
        .containsExactly(tuple("http://h/home", "Acme home"));
    assertThat(page.embeds()).extracting(Embed::url).containsExactly("http://h/logo.png");
  }

  @Test
  void aParseForSearchCollectsNoEmbedsAndNoLineNumbers() {
    byte[] html = "<link rel=stylesheet href=a.css><img src=b.png><a href=c.html>c</a>"
        .getBytes(StandardCharsets.UTF_8);

    ParsedPage page = PageParser.parseForSearch(html, "UTF-8", "http://h/");

    assertThat(page.embeds()).isEmpty();
    assertThat(page.outlinks()).extracting(Outlink::url, Outlink::line).containsExactly(tuple("http://h/c.html", -1));
  }
}
