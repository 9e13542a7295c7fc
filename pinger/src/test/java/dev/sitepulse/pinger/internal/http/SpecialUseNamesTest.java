package dev.sitepulse.pinger.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecialUseNamesTest {

  private final List<String> asked = new ArrayList<>();
  private final SpecialUseNames names = new SpecialUseNames(host -> {
    asked.add(host);
    return List.of(InetAddress.getLoopbackAddress());
  });

  @Test
  void aDotInvalidNameFailsAtOnceWithoutAskingTheResolver() {
    for (String host : List.of("no-such-host.invalid", "A.B.INVALID", "x.invalid.", "invalid")) {
      assertThatThrownBy(() -> names.lookup(host)).as(host)
          .isInstanceOf(UnknownHostException.class).hasMessageContaining("never resolves");
    }
    assertThat(asked).isEmpty();
  }

  @Test
  void everyOtherNameIsAskedOfTheResolver() throws Exception {
    assertThat(names.lookup("invalid.example")).containsExactly(InetAddress.getLoopbackAddress());
    assertThat(names.lookup("notinvalid")).hasSize(1);
    assertThat(asked).containsExactly("invalid.example", "notinvalid");
  }
}
