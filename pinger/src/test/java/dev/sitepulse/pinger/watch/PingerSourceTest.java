package dev.sitepulse.pinger.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Pinger;
import dev.sitepulse.pinger.Rate;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.Verdict;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PingerSourceTest {
  /**
   * A bound for what must not wait on the reload at all; reached only when it does, so it is
   * generous for a machine as loaded as it gets, never a speed goal.
   */
  private static final long LIMIT_SECONDS = 60;
  private static final PingSettings FIRST = PingSettings.DEFAULTS.withRatePerHost(Rate.UNLIMITED);
  private static final PingSettings RELOADED = FIRST.withConcurrency(8);

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

  @Test
  void aCheckIsSentWhileAReloadIsStillBuildingItsPinger() throws Exception {
    Target up = up();
    try (BlockedReload reload = BlockedReload.started()) {
      // On another thread, so that a check waiting for the reload fails this test instead of hanging it.
      CheckResult during = CompletableFuture.supplyAsync(() -> reload.source.check(up))
          .get(LIMIT_SECONDS, TimeUnit.SECONDS).get(LIMIT_SECONDS, TimeUnit.SECONDS);
      reload.finish();

      assertThat(during.verdict()).isEqualTo(Verdict.UP);
      assertThat(reload.source.settings()).isEqualTo(RELOADED);
    }
  }

  @Test
  void aStopWhileAReloadBuildsItsPingerHoldsBackTheNewPingersChecks() throws Exception {
    Target up = up();
    try (BlockedReload reload = BlockedReload.started()) {
      CompletableFuture.runAsync(reload.source::stopSending).get(LIMIT_SECONDS, TimeUnit.SECONDS);
      reload.finish();

      CompletableFuture<CheckResult> after = reload.source.check(up);
      assertThatThrownBy(() -> after.get(LIMIT_SECONDS, TimeUnit.SECONDS)) // cancelled unsent, as the watch expects
          .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CancellationException.class);
      assertThat(reload.source.settings()).isEqualTo(RELOADED);
    }
  }

  @Test
  void aPingerAReloadRetiresIsClosedThoughACheckThroughItThrew() {
    List<Pinger> built = new CopyOnWriteArrayList<>();
    Target up = up();
    try (PingerSource source = new PingerSource(FIRST, settings -> {
      Pinger p = Pinger.create(settings);
      built.add(p);
      return p;
    })) {
      assertThatThrownBy(() -> source.check(null)).as("a check that throws, as a bug would make it")
          .isInstanceOf(NullPointerException.class);

      source.update(RELOADED);

      assertThatThrownBy(() -> built.get(0).check(up)).as("the retired pinger, closed: it takes no more work")
          .isInstanceOf(IllegalStateException.class);
    }
  }

  private static Target up() {
    site.stubFor(get("/up").willReturn(ok("ok")));
    return Target.of("http://127.0.0.1:" + site.getPort() + "/up");
  }

  /** A source on FIRST, being reloaded to RELOADED on another thread, whose new Pinger is built once the test says. */
  private static final class BlockedReload implements AutoCloseable {
    private final CountDownLatch building = new CountDownLatch(1);
    private final CountDownLatch build = new CountDownLatch(1);
    private final ExecutorService configThread = Executors.newSingleThreadExecutor();
    final PingerSource source = new PingerSource(FIRST, waitingFor(RELOADED));
    private final Future<?> update = configThread.submit(() -> source.update(RELOADED));

    /** Once the reload is building its Pinger. */
    static BlockedReload started() throws InterruptedException {
      BlockedReload r = new BlockedReload();
      assertThat(r.building.await(LIMIT_SECONDS, TimeUnit.SECONDS)).as("the reload building its Pinger").isTrue();
      return r;
    }

    private Function<PingSettings, Pinger> waitingFor(PingSettings blocked) {
      return settings -> {
        if (settings.equals(blocked)) {
          building.countDown();
          try {
            build.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return Pinger.create(settings);
      };
    }

    void finish() throws Exception {
      build.countDown();
      update.get(LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      build.countDown();
      configThread.shutdownNow();
      source.close();
    }
  }
}
