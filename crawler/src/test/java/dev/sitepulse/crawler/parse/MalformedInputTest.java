package dev.sitepulse.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MalformedInputTest {

  @Test
  void randomBytesDoNotThrow() {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      byte[] body = new byte[random.nextInt(4096)];
      random.nextBytes(body);
      assertThatCode(() -> PageParser.parse(body, null, "http://h/")).doesNotThrowAnyException();
    }
  }

  @Test
  void brokenMarkupDoesNotThrow() {
    String[] pages = {
      "<a href=",
      "<a href='unterminated>text",
      "</div></div><p",
      "<html lang>",
      "<!--",
      "<![CDATA[",
      "<meta charset=>",
      "<meta charset='x-bogus'><p>x",
      "<base href='::::'><a href=x>y</a>",
      "<a href='http://[::1'>v6</a><a href='%zz'>bad escape</a>",
      "<svg><title>icon</title></svg><title>Page</title>",
      "<table><a href=x>in table</table>",
      "<div>".repeat(20_000) + "deep" + "</div>".repeat(20_000),
      "<a href='" + "x".repeat(10_000) + "'>long url</a>",
    };
    for (String html : pages) {
      byte[] body = html.getBytes(StandardCharsets.UTF_8);
      assertThatCode(() -> PageParser.parse(body, null, "http://h/"))
          .as(html.length() > 80 ? html.substring(0, 80) : html)
          .doesNotThrowAnyException();
    }
  }

  /** Markup of the kinds the extraction reads, written right and wrong, for random pages. */
  private static final String[] PIECES = {
    "<html>", "<html lang=en>", "<html lang='x-\u0000'>", "<head>", "</head>", "<body>", "</body>",
    "<title>", "</title>", "<title>T", "<meta name=description content='d'>", "<meta name=robots content=noindex,nofollow>",
    "<meta charset=utf-8>", "<meta charset=bogus>", "<meta http-equiv=content-type content='text/html; charset=latin1'>",
    "<base href=/dir/>", "<base href='http://[::1'>", "<base href=javascript:x>", "<link rel=canonical href=>",
    "<link rel='alternate canonical' href=http://h/c>", "<link rel=canonical href='//other/x'>",
    "<a href=x>", "<a href='#frag'>", "<a href='?q=1'>", "<a href='http://h:99999/'>", "<a href='HTTP://H/%zz'>",
    "<a href=' \t\nhttp://h/ws '>", "<a href='mailto:x@y'>", "<a href=//h2/p rel=nofollow>", "<a href='http://[::1]:8080/v6'>",
    "<a href='http://xn--n3h.com/'>", "<a href='http://h/é ü'>", "<a>", "</a>", "<h1>", "</h1>", "<h2>H", "<nav>", "</nav>",
    "<script>", "</script>", "<style>", "</style>", "<noscript>", "<template>", "<svg><title>s</title></svg>",
    "<p>", "text ", "Wörter ", "日本語 ", "&amp;", "&#0;", "&#x110000;", "&bogus;", "<!--", "-->", "<![CDATA[", "]]>",
    "<img alt=a src=x>", "<area href=a.html>", "<iframe src=f.html>", "<table><tr><td>", "<frameset><frame src=fr.html>",
    "\u0000", "\uD800", "\uD83D\uDE00", "<", ">", "\"", "'", "=",
  };

  @Test
  void randomMarkupOfEveryKindTheExtractionReadsDoesNotThrow() {
    Random random = new Random(20261203);
    for (int i = 0; i < 3000; i++) {
      StringBuilder html = new StringBuilder();
      for (int n = random.nextInt(40); n > 0; n--) {
        html.append(PIECES[random.nextInt(PIECES.length)]);
      }
      byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
      assertThatCode(() -> PageParser.parse(body, null, "http://h/a/b.html"))
          .as(html.toString()).doesNotThrowAnyException();
      assertThatCode(() -> PageParser.parseForSearch(body, "latin1", "https://h:8443/"))
          .as(html.toString()).doesNotThrowAnyException();
    }
  }

  @Test
  void nullOrEmptyInputsGiveAnEmptyPage() {
    ParsedPage page = PageParser.parse(null, null, null);

    assertThat(page.title()).isEmpty();
    assertThat(page.text()).isEmpty();
    assertThat(page.outlinks()).isEmpty();
    assertThat(page.simhash()).isZero();
  }

  @Test
  void relativeLinksStayAsWrittenWhenTheBaseIsUnusable() {
    ParsedPage page =
        PageParser.parse(
            "<a href='../x.html'>x</a>".getBytes(StandardCharsets.UTF_8), null, "not a url");

    assertThat(page.outlinks().get(0).url()).isEqualTo("../x.html");
  }

  @Test
  void anInlineSvgTitleDoesNotNameThePage() {
    byte[] body =
        "<body><svg><title>icon</title></svg><title>Page</title>".getBytes(StandardCharsets.UTF_8);

    assertThat(PageParser.parse(body, null, "http://h/").title()).isEqualTo("Page");
  }
}
