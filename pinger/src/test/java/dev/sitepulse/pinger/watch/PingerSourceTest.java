package dev.sitepulse.pinger.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Rate;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.Verdict;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PingerSourceTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @Test
  void newSettingsTakeOverWhileTheCheckUnderWayFinishesOnTheOldPinger() {
    site.stubFor(get("/slow").willReturn(ok("ok").withFixedDelay(300)));
    Target slow = Target.of("http://127.0.0.1:" + site.getPort() + "/slow");
    PingSettings first = PingSettings.DEFAULTS.withRatePerHost(Rate.UNLIMITED);
    try (PingerSource source = new PingerSource(first)) {
      CompletableFuture<CheckResult> underWay = source.check(slow);

      source.update(first.withConcurrency(8));
      CheckResult after = source.check(slow).join();

      assertThat(underWay.join().verdict()).isEqualTo(Verdict.UP);
      assertThat(after.verdict()).isEqualTo(Verdict.UP);
      assertThat(source.settings().concurrency()).isEqualTo(8);
    }
  }

  @Test
  void theSameSettingsKeepThePinger() {
    PingSettings s = PingSettings.DEFAULTS;
    try (PingerSource source = new PingerSource(s)) {
      source.update(s);
      assertThat(source.settings()).isSameAs(s);
    }
  }
}
