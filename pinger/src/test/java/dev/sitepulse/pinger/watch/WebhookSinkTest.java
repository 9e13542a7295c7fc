package dev.sitepulse.pinger.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.pinger.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhookSinkTest {

  @RegisterExtension
  static WireMockExtension receiver = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  /** Notes the wait each retry asks for, and retries at once: the test waits for none of them. */
  private static final class NotingTimer extends ScheduledThreadPoolExecutor {
    final List<Long> waits = new CopyOnWriteArrayList<>();

    NotingTimer() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      waits.add(unit.toMillis(delay));
      return super.schedule(command, 0, unit);
    }
  }

  @Test
  void retriesWaitTwiceAsLongEachTimeButNeverLongerThanAChecksBackoff() {
    receiver.stubFor(post("/hook").willReturn(serverError()));
    Webhook hook = new Webhook("http://127.0.0.1:" + receiver.getPort() + "/hook", Webhook.Format.JSON,
        Duration.ofSeconds(2), 10, Map.of());
    NotingTimer timer = new NotingTimer();
    ExecutorService workers = Executors.newSingleThreadExecutor();
    try {
      WebhookSink sink = new WebhookSink(hook, new OkHttpClient(), workers, timer, Duration.ofSeconds(1));
      Instant now = Instant.now();
      Delivery delivery = sink.send(new Alert(Alert.Kind.CHANGE, "shop", "http://shop.example/", "", State.UP,
          State.DOWN, now, now, null, Verdict.DOWN, 500, "condition failed")).join();

      assertThat(delivery.attempts()).isEqualTo(11);
      assertThat(timer.waits).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L,
          30_000L, 30_000L, 30_000L);
    } finally {
      workers.shutdownNow();
      timer.shutdownNow();
    }
  }
}
