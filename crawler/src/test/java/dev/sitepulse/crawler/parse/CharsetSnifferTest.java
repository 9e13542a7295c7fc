package dev.sitepulse.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The byte scan that spares jsoup a second parse: what it reads as a page's declared charset. */
class CharsetSnifferTest {

  @Test
  void aMetaCharsetIsReadQuotedOrNotInAnyCase() {
    assertThat(sniff("<head><meta charset=\"windows-1252\">")).isEqualTo("windows-1252");
    assertThat(sniff("<HEAD><META CHARSET=ISO-8859-1>")).isEqualTo("ISO-8859-1");
    assertThat(sniff("<meta charset = 'koi8-r' >")).isEqualTo("koi8-r");
  }

  @Test
  void anHttpEquivContentTypeGivesTheCharsetAfterItsMediaType() {
    assertThat(sniff("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"))
        .isEqualTo("Shift_JIS");
  }

  @Test
  void everyByteACharsetNameMayHoldIsKept() {
    assertThat(sniff("<meta charset=\"ISO_8859-1:1987\">")).isEqualTo("ISO_8859-1:1987");
    assertThat(sniff("<meta charset=\"x-IBM1006\">")).isEqualTo("x-IBM1006");
    assertThat(sniff("<meta charset=\"Cp1252\">")).isEqualTo("Cp1252");
    assertThat(sniff("<meta charset=\"windows-1250\">")).isEqualTo("windows-1250");
    assertThat(sniff("<meta charset=\"ISO-8859-9\">")).isEqualTo("ISO-8859-9");
    assertThat(sniff("<meta charset=ascii>")).isEqualTo("ascii");
  }

  @Test
  void charsetEqualsInAnotherMetasContentDeclaresNothing() {
    assertThat(sniff("<meta name=\"description\" content=\"how to set charset=utf-16 in a page\">"
        + "<title>t</title>")).isNull();
    assertThat(sniff("<meta name=\"description\" content=\"charset=koi8-r\"><meta charset=\"windows-1250\">"))
        .isEqualTo("windows-1250");
    assertThat(sniff("<meta content=\"text/html; charset=koi8-r\" name=\"x\">")).isNull();
    assertThat(sniff("<meta content=\"text/html; charset=koi8-r\" http-equiv=\"content-type\">")).isEqualTo("koi8-r");
  }

  @Test
  void aMetaInACommentOrInAnotherTagsAttributeDeclaresNothing() {
    assertThat(sniff("<!-- <meta charset=\"koi8-r\"> --><meta charset=\"windows-1250\">")).isEqualTo("windows-1250");
    assertThat(sniff("<img alt='<meta charset=\"koi8-r\">'><meta charset=\"windows-1250\">")).isEqualTo("windows-1250");
  }

  @Test
  void utf16InAnyFormMeansUtf8AndXUserDefinedMeansWindows1252AsWhatwgSays() {
    assertThat(sniff("<meta charset=\"utf-16\">")).isEqualTo("UTF-8");
    assertThat(sniff("<meta charset=\"UTF-16LE\">")).isEqualTo("UTF-8");
    assertThat(sniff("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-16be\">")).isEqualTo("UTF-8");
    assertThat(sniff("<meta charset=\"x-user-defined\">")).isEqualTo("windows-1252");
  }

  @Test
  void aPageThatEndsInsideItsMetaTagIsReadUpToItsLastByte() {
    assertThat(sniff("<meta charset=koi8-r")).isEqualTo("koi8-r");
    assertThat(sniff("<meta charset")).isNull();
    assertThat(sniff("<meta charset ")).isNull();
    assertThat(sniff("<meta charset=")).isNull();
    assertThat(sniff("<meta charset=\"")).isNull();
  }

  @Test
  void metaTagsWithoutACharsetAreSkippedForOneFurtherOn() {
    assertThat(sniff("<meta name=\"viewport\" content=\"width=device-width\">"
        + "<meta name=\"description\" content=\"all about charset handling\">"
        + "<meta charset=\"utf-8\">")).isEqualTo("utf-8");
  }

  @Test
  void aCharsetThisJavaDoesNotKnowGivesWayToTheNextDeclaration() {
    assertThat(sniff("<meta charset=\"x-no-such-charset\"><meta charset=\"koi8-r\">")).isEqualTo("koi8-r");
    assertThat(sniff("<meta charset=\"x-no-such-charset\">")).isNull();
    assertThat(sniff("<meta charset=\"bad name!\">")).isNull();
  }

  @Test
  void aCharsetAttributeOutsideAMetaTagDeclaresNothing() {
    assertThat(sniff("<script charset=\"iso-8859-1\" src=\"a.js\"></script><p>charset=koi8-r</p>")).isNull();
  }

  @Test
  void aDeclarationPastTheFirstFiveKilobytesIsLeftToJsoup() {
    String padding = "<!--" + "x".repeat(5 * 1024) + "-->";
    assertThat(sniff(padding + "<meta charset=\"koi8-r\">")).isNull();
    String justInside = "x".repeat(5 * 1024 - "<meta charset=\"koi8-r\">".length());
    assertThat(sniff(justInside + "<meta charset=\"koi8-r\">")).isEqualTo("koi8-r");
  }

  @Test
  void aPageWithNoDeclarationOrNoBytesGivesNull() {
    assertThat(sniff("<html><head><title>t</title></head>")).isNull();
    assertThat(sniff("")).isNull();
    assertThat(sniff("<meta")).isNull();
  }

  private static String sniff(String html) {
    return CharsetSniffer.declared(html.getBytes(StandardCharsets.ISO_8859_1));
  }
}
