package dev.sitepulse.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetDetectionTest {

  @Test
  void aLatin1PageDeclaringItsCharsetInMetaDecodesCafé() {
    byte[] body = StubSite.bytes("latin1.html");

    ParsedPage page = PageParser.parse(body, null, StubSite.BASE + "latin1.html");

    assertThat(body).contains((byte) 0xe9); // really Latin-1 on disk: é is one byte
    assertThat(page.title()).isEqualTo("Le café des widgets");
    assertThat(page.text()).contains("crème brûlée");
  }

  @Test
  void theHeaderCharsetWinsOverTheMetaTag() {
    byte[] body = "<meta charset=iso-8859-1><p>café".getBytes(StandardCharsets.UTF_8);

    assertThat(PageParser.parse(body, "utf-8", "http://h/").text()).isEqualTo("café");
  }

  @Test
  void anUnknownHeaderCharsetFallsBackToTheMetaTag() {
    byte[] body =
        "<meta charset=\"windows-1252\"><p>caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(PageParser.parse(body, "x-no-such-charset", "http://h/").text()).isEqualTo("café");
    assertThat(PageParser.parse(body, "bad name!", "http://h/").text()).isEqualTo("café");
  }

  @Test
  void anHttpEquivContentTypeDeclaresTheCharsetToo() {
    byte[] body =
        "<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-1'><p>caf\u00e9"
            .getBytes(StandardCharsets.ISO_8859_1);

    assertThat(PageParser.parse(body, null, "http://h/").text()).isEqualTo("café");
  }

  @Test
  void aPageWhoseMetaSaysUtf16OrWhoseDescriptionMentionsItIsStillReadAsTheAsciiItIs() {
    byte[] declared = "<meta charset=\"utf-16\"><title>Wide</title><p>plain words".getBytes(StandardCharsets.UTF_8);
    byte[] described = ("<meta name=\"description\" content=\"set charset=utf-16 here\"><title>Wide</title>"
        + "<p>plain words").getBytes(StandardCharsets.UTF_8);

    assertThat(PageParser.parse(declared, null, "http://h/").text()).isEqualTo("plain words");
    assertThat(PageParser.parse(described, null, "http://h/").text()).isEqualTo("plain words");
    assertThat(PageParser.parse(described, null, "http://h/").title()).isEqualTo("Wide");
  }

  @Test
  void withoutAnyDeclarationTheBodyIsReadAsUtf8() {
    byte[] body = "<p>café".getBytes(StandardCharsets.UTF_8);

    assertThat(PageParser.parse(body, null, "http://h/").text()).isEqualTo("café");
  }

  @Test
  void aByteOrderMarkWinsOverTheHeader() {
    byte[] text = "<p>café".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[text.length + 3];
    body[0] = (byte) 0xef;
    body[1] = (byte) 0xbb;
    body[2] = (byte) 0xbf;
    System.arraycopy(text, 0, body, 3, text.length);

    assertThat(PageParser.parse(body, "ISO-8859-1", "http://h/").text()).isEqualTo("café");
  }
}
