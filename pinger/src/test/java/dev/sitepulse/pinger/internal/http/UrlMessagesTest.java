package dev.sitepulse.pinger.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class UrlMessagesTest {

  @Test
  void anIpv6AddressIsBracketedSoItsPortStandsApart() {
    assertThat(UrlMessages.hostPort(HttpUrl.get("http://[::1]:8080/"))).isEqualTo("[::1]:8080");
    assertThat(UrlMessages.hostPort(HttpUrl.get("https://example.com/"))).isEqualTo("example.com:443");
  }

  @Test
  void whatIsWrongWithAUrlIsNamed() {
    assertThat(UrlMessages.whyInvalid("ftp://h/")).isEqualTo("not an http(s) URL: ftp://h/");
    assertThat(UrlMessages.whyInvalid("http://exa mple.com/"))
        .isEqualTo("host \"exa mple.com\" is not valid: http://exa mple.com/");
    assertThat(UrlMessages.whyInvalid("http://h:0/")).isEqualTo("port 0 is outside 1 to 65535: http://h:0/");
    assertThat(UrlMessages.whyInvalid("http://h:8o/")).isEqualTo("port 8o is not a number: http://h:8o/");
    assertThat(UrlMessages.whyInvalid("http://h/")).isNull();
  }

  @Test
  void aUrlWithoutItsSchemeIsAskedWhetherItMeantHttp() {
    assertThat(UrlMessages.whyInvalid("127.0.0.1:8941/"))
        .isEqualTo("not an http(s) URL: 127.0.0.1:8941/ (did you mean http://127.0.0.1:8941/?)");
    assertThat(UrlMessages.whyInvalid("docs.python.org/3/"))
        .isEqualTo("not an http(s) URL: docs.python.org/3/ (did you mean http://docs.python.org/3/?)");
    assertThat(UrlMessages.whyInvalid("localhost:8080")).endsWith(" (did you mean http://localhost:8080?)");
    assertThat(UrlMessages.whyInvalid("[::1]:8080/x")).endsWith(" (did you mean http://[::1]:8080/x?)");
    assertThat(UrlMessages.whyInvalid("mailto:me@example.com")).isEqualTo("not an http(s) URL: mailto:me@example.com");
    assertThat(UrlMessages.whyInvalid("not a url")).isEqualTo("not an http(s) URL: not a url");
  }
}
