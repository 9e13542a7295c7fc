package dev.sitepulse.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkResolverTest {
  private final LinkResolver rfcBase = new LinkResolver("http://a/b/c/d;p?q");

  /** The normal and abnormal examples of RFC 3986 §5.4, which a browser resolves the same way. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "g:h | g:h",
        "g | http://a/b/c/g",
        "./g | http://a/b/c/g",
        "g/ | http://a/b/c/g/",
        "/g | http://a/g",
        "//g | http://g",
        "?y | http://a/b/c/d;p?y",
        "g?y | http://a/b/c/g?y",
        "#s | http://a/b/c/d;p?q#s",
        "g#s | http://a/b/c/g#s",
        "g?y#s | http://a/b/c/g?y#s",
        ";x | http://a/b/c/;x",
        "g;x | http://a/b/c/g;x",
        "g;x?y#s | http://a/b/c/g;x?y#s",
        "'' | http://a/b/c/d;p?q",
        ". | http://a/b/c/",
        "./ | http://a/b/c/",
        ".. | http://a/b/",
        "../ | http://a/b/",
        "../g | http://a/b/g",
        "../.. | http://a/",
        "../../ | http://a/",
        "../../g | http://a/g",
        "../../../g | http://a/g",
        "../../../../g | http://a/g",
        "/./g | http://a/g",
        "/../g | http://a/g",
        "g. | http://a/b/c/g.",
        ".g | http://a/b/c/.g",
        "g.. | http://a/b/c/g..",
        "..g | http://a/b/c/..g",
        "./../g | http://a/b/g",
        "./g/. | http://a/b/c/g/",
        "g/./h | http://a/b/c/g/h",
        "g/../h | http://a/b/c/h",
        "g;x=1/./y | http://a/b/c/g;x=1/y",
        "g;x=1/../y | http://a/b/c/y",
        "g?y/./x | http://a/b/c/g?y/./x",
        "g?y/../x | http://a/b/c/g?y/../x",
        "g#s/./x | http://a/b/c/g#s/./x",
        "g#s/../x | http://a/b/c/g#s/../x",
      })
  void resolvesLikeRfc3986(String href, String expected) {
    assertThat(rfcBase.resolve(href)).isEqualTo(expected);
  }

  @Test
  void absoluteUrlsAndOtherSchemesAreKeptAsWritten() {
    assertThat(rfcBase.resolve("HTTP://Example.COM/a/../b")).isEqualTo("HTTP://Example.COM/a/../b");
    assertThat(rfcBase.resolve("mailto:someone@example.com"))
        .isEqualTo("mailto:someone@example.com");
    assertThat(rfcBase.resolve("javascript:void(0)")).isEqualTo("javascript:void(0)");
  }

  @Test
  void aBaseWithoutPathResolvesFromTheRoot() {
    LinkResolver bare = new LinkResolver("https://example.com:8443");

    assertThat(bare.resolve("docs/a.html")).isEqualTo("https://example.com:8443/docs/a.html");
    assertThat(bare.resolve("?page=2")).isEqualTo("https://example.com:8443/?page=2");
  }

  @Test
  void theBaseFragmentIsNotCarriedOver() {
    assertThat(new LinkResolver("http://h/p.html#old").resolve("#new"))
        .isEqualTo("http://h/p.html#new");
  }

  @Test
  void tabsAndNewlinesInsideAnHrefAreDropped() {
    assertThat(new LinkResolver("http://h/d/").resolve("a\n/b\t.html"))
        .isEqualTo("http://h/d/a/b.html");
  }

  @Test
  void aBaseWithAQueryButNoPathResolvesFromTheRoot() {
    LinkResolver base = new LinkResolver("http://h.example?lang=en");

    assertThat(base.resolve("docs/a.html")).isEqualTo("http://h.example/docs/a.html");
    assertThat(base.resolve("#top")).isEqualTo("http://h.example?lang=en#top");
  }

  @Test
  void aTabOrLineBreakAloneOrFirstInAnHrefIsDroppedToo() {
    LinkResolver base = new LinkResolver("http://h/d/");

    assertThat(base.resolve("a\nb.html")).isEqualTo("http://h/d/ab.html");
    assertThat(base.resolve("a\tb.html")).isEqualTo("http://h/d/ab.html");
    assertThat(base.resolve("a\rb.html")).isEqualTo("http://h/d/ab.html");
    assertThat(base.resolve("\n/x.html")).isEqualTo("http://h/x.html");
    assertThat(base.resolve("\t/x.html")).isEqualTo("http://h/x.html");
    assertThat(base.resolve("\r/x.html")).isEqualTo("http://h/x.html");
  }

  /** RFC 3986 §3.1: a letter, then letters, digits, +, - or ., then a colon. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a:x | a:x",
        "z:x | z:x",
        "A:x | A:x",
        "Z:x | Z:x",
        "svn+ssh://h/r | svn+ssh://h/r",
        "x-app.v09:open | x-app.v09:open",
        "1a:x | http://h/d/1a:x",
        "@a:x | http://h/d/@a:x",
        "[a:x | http://h/d/[a:x",
        "`a:x | http://h/d/`a:x",
        "{a:x | http://h/d/{a:x",
        "a_b:x | http://h/d/a_b:x",
        "a/b:x | http://h/d/a/b:x",
        "a@b:x | http://h/d/a@b:x",
        "a:b/c | a:b/c",
      })
  void onlyAValidSchemeBeforeAColonMakesAnHrefAbsolute(String href, String expected) {
    assertThat(new LinkResolver("http://h/d/").resolve(href)).isEqualTo(expected);
  }

  @Test
  void relativeHrefsCannotBeResolvedAgainstAnUnusableBase() {
    assertThat(new LinkResolver("not a url").resolve("x.html")).isNull();
    assertThat(new LinkResolver("mailto:a@b").resolve("x.html")).isNull();
    assertThat(new LinkResolver(null).resolve("http://ok/")).isEqualTo("http://ok/");
  }
}
