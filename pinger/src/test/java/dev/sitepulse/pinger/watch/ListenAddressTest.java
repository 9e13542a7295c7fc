package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListenAddressTest {

  @Test
  void acceptsAHostOrAnIpv6AddressInBracketsBeforeThePort() {
    assertThat(ListenAddress.parse("127.0.0.1:9321")).isEqualTo(new ListenAddress("127.0.0.1", 9321));
    assertThat(ListenAddress.parse("[::1]:0")).isEqualTo(new ListenAddress("::1", 0));
    assertThat(ListenAddress.parse("localhost:80").toString()).isEqualTo("localhost:80");
    assertThat(ListenAddress.parse("[::1]:9321").toString()).isEqualTo("[::1]:9321");
  }

  @Test
  void anUnclosedBracketOrABareIpv6AddressSaysHowToWriteIt() {
    for (String bad : new String[] {"[::1", "[::1:9321", "::1:9321", "[]:80", "a]:80"}) {
      assertThatThrownBy(() -> ListenAddress.parse(bad)).as(bad)
          .hasMessage("\"" + bad + "\" is not host:port (an IPv6 address goes in brackets: [::1]:9321)");
    }
  }
}
