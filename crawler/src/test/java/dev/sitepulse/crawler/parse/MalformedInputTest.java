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
