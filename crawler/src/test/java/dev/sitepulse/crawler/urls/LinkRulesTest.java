package dev.sitepulse.crawler.urls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkRulesTest {

  @Test
  void aUrlIsNormalizedWithoutItsFragmentAndDefaultPort() {
    assertThat(LinkRules.PLAIN.normalize(" HTTP://Example.COM:80/a/../b.html#top ")).isEqualTo("http://example.com/b.html");
    assertThat(LinkRules.whyNot("http://example.com/b.html")).isNull();
  }

  @Test
  void anIpv6AddressIsAHostLikeAnyOtherAndIsNormalizedLowerCase() {
    assertThat(LinkRules.PLAIN.normalize("HTTP://[::1]:8080/a/../b.html#top")).isEqualTo("http://[::1]:8080/b.html");
    assertThat(LinkRules.PLAIN.normalize("https://user@[2001:DB8::1]:443/")).isEqualTo("https://[2001:db8::1]/");
    assertThat(LinkRules.PLAIN.resolveRedirect("http://[::1]:8080/a/b", "../c")).isEqualTo("http://[::1]:8080/c");
    assertThat(LinkRules.whyNot("http://[::1]/")).isNull();
  }

  @Test
  void anUnclosedOrMalformedIpv6AddressIsStillNoUrl() {
    assertThat(List.of("http://[::1/", "http://[::1]x/", "http://[:::::]/", "http://[12345::1]/"))
        .allMatch(u -> LinkRules.PLAIN.normalize(u) == null);
  }

  @Test
  void aHostNameTheFrontierCannotReadIsRefusedAndNamedInTheReason() {
    // java.net.URL and the normalizer take it; java.net.URI, which the frontier reads hosts with, finds no host.
    assertThat(LinkRules.PLAIN.normalize("http://dev_box.example.com/page")).isNull();
    assertThat(LinkRules.whyNot("http://dev_box.example.com/page")).isEqualTo("host name dev_box.example.com is not valid");
  }

  @Test
  void aHostNameTheHttpClientRefusesIsRefusedAndNamedInTheReason() {
    // java.net.URI and the normalizer take a 64-character label; DNS, and so OkHttp, do not.
    String url = "http://" + "a".repeat(64) + ".example/page";

    assertThat(LinkRules.PLAIN.normalize(url)).isNull();
    assertThat(LinkRules.whyNot(url)).isEqualTo("host name " + "a".repeat(64) + ".example is not valid");
  }

  @Test
  void aUrlThatPercentEncodingTakesPast8KbIsRefusedAsTooLong() {
    String url = "http://example.com/" + "é".repeat(3000); // 3,019 characters, 18,019 once encoded

    assertThat(LinkRules.PLAIN.normalize(url)).isNull();
    assertThat(LinkRules.whyNot(url)).isEqualTo("longer than 8 KB");
  }

  @Test
  void portsOutsideTheRangeAndOtherSchemesAreRefusedWithTheirReason() {
    assertThat(LinkRules.whyNot("http://example.com:0/")).isEqualTo("on port 0, outside 1 to 65535");
    assertThat(LinkRules.whyNot("ftp://example.com/")).isEqualTo("not an http(s) URL");
  }

  @Test
  void aPasswordWithAnAtSignRunsToTheLastAtBeforeTheHostAsBrowsersAndOkHttpReadIt() {
    assertThat(LinkRules.PLAIN.normalize("http://ops:p@ss@127.0.0.1:8092/x")).isEqualTo("http://127.0.0.1:8092/x");
    assertThat(LinkRules.PLAIN.normalize("https://a@b@[::1]:8443/x@y")).isEqualTo("https://[::1]:8443/x@y");
    assertThat(LinkRules.whyNot("http://ops:p@ss@127.0.0.1:8092/x")).isNull();
    assertThat(LinkRules.whyNot("http://ops:p@ss@127.0.0.1:99999/")).isEqualTo("on port 99999, outside 1 to 65535");
  }

  @Test
  void onlyASchemeOtherThanHttpOrHttpsCountsAsNonHttp() {
    assertThat(List.of("mailto:a@b.c", "javascript:void(0)", "TEL:+1", "ftp://x/", "git+ssh://x", "httpx://x"))
        .allMatch(LinkRules::isNonHttpScheme);
    assertThat(List.of("http://x/", "HTTPS://x/", "Http://x", "page.html", "/a:b", "a/b:c", ":x", "?q=a:b", "#a:b"))
        .noneMatch(LinkRules::isNonHttpScheme);
  }

  @Test
  void aUrlThatDoesNotParseIsRefusedWithWhereAndWhy() {
    assertThat(LinkRules.whyNot("http://[bad"))
        .isEqualTo("not a valid URL: expected closing bracket for IPv6 address at character 12");
    assertThat(LinkRules.whyNot("http://exa mple.com/"))
        .isEqualTo("not a valid URL: illegal character in authority at character 8");
  }
}
