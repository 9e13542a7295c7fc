package dev.sitepulse.pinger.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.internal.http.SpecialUseNames;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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

  /**
   * How long a test waits for what comes by itself (an answer, a delivery, an end): a bound for a
   * machine as loaded as it gets, never a speed goal.
   */
  private static final Duration ENDS = Duration.ofMinutes(1);

  @RegisterExtension
  static WireMockExtension receiver =
      WireMockExtension.newInstance().options(options().dynamicPort().dynamicHttpsPort()).build();

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

  @Test
  void theWebhooksTimeoutIsTheOnlyLimitNotTheClientsPerReadOne() {
    // OkHttp's own read timeout is 10 s: a webhook given 30 s was cut short at 10. A shared client
    // with a short one stands for it here, so the test need not wait 10 s.
    receiver.stubFor(post("/slow").willReturn(ok().withFixedDelay(600)));
    Webhook hook = new Webhook("http://127.0.0.1:" + receiver.getPort() + "/slow", Webhook.Format.JSON,
        ENDS, 0, Map.of());
    OkHttpClient base = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(200)).build();
    ExecutorService workers = Executors.newSingleThreadExecutor();
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    try {
      WebhookSink sink = new WebhookSink(hook, base, workers, timer, Duration.ofSeconds(1));
      Instant now = Instant.now();
      Delivery delivery = sink.send(new Alert(Alert.Kind.CHANGE, "shop", "http://shop.example/", "", State.UP,
          State.DOWN, now, now, null, Verdict.DOWN, 500, "condition failed")).join();

      assertThat(delivery.ok()).as(delivery.error()).isTrue();
    } finally {
      workers.shutdownNow();
      timer.shutdownNow();
    }
  }

  @Test
  void aPostCutShortWhileItConnectsFailsItsDeliveryRatherThanEscapingFromItsThread() throws Exception {
    Delivery d = cutShortWhileConnecting(0, new ScheduledThreadPoolExecutor(1));

    assertThat(d.ok()).isFalse();
    assertThat(d.error()).isEqualTo("interrupted");
  }

  @Test
  void aPostCutShortAtCloseIsNotRetriedThoughRetriesAreLeft() throws Exception {
    NotingTimer timer = new NotingTimer();

    Delivery d = cutShortWhileConnecting(3, timer);

    assertThat(d.ok()).isFalse();
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.error()).isEqualTo("interrupted");
    assertThat(timer.waits).as("retries scheduled").isEmpty();
  }

  @Test
  void aWebhookNobodyListensOnFailsInThePingersWordsNotJavas() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }

    Delivery d = postOnce("http://127.0.0.1:" + port + "/hook");

    assertThat(d.error()).isEqualTo("connection refused by 127.0.0.1:" + port);
  }

  @Test
  void aWebhookWhoseHostDoesNotResolveFailsInThePingersWords() {
    Delivery d = postOnce("http://no-such-host.invalid/hook");

    assertThat(d.error()).isEqualTo("cannot resolve host no-such-host.invalid");
  }

  @Test
  void aWebhookWithAnUntrustedCertificateFailsInThePingersWords() {
    Delivery d = postOnce("https://127.0.0.1:" + receiver.getHttpsPort() + "/hook");

    assertThat(d.error()).isEqualTo("TLS handshake with 127.0.0.1:" + receiver.getHttpsPort()
        + " failed: the certificate is not signed by an authority this machine trusts (self-signed, or a private CA)");
  }

  @Test
  void aWebhookFailureNamesItsHostWithoutTheSecretInItsUrl() {
    Delivery d = postOnce("http://hooks:s3cret@no-such-host.invalid/services/T0/B0/tokentoken");

    assertThat(d.error()).isEqualTo("cannot resolve host no-such-host.invalid").doesNotContain("s3cret", "tokentoken");
  }

  @Test
  void aWebhookThatTookTheAlertButAnswersPastItsTimeoutMayHaveIt() {
    receiver.stubFor(post("/slow").willReturn(ok()));
    // The call's timeout strikes once the whole POST is out, as OkHttp's does ("timeout"), however
    // long sending it took: a timeout of real time could strike before, on a loaded machine.
    OkHttpClient timingOutOnceSent = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      chain.proceed(chain.request()).close();
      throw new InterruptedIOException("timeout");
    }).build();

    Delivery d = postOnce("http://127.0.0.1:" + receiver.getPort() + "/slow", ENDS, timingOutOnceSent);

    assertThat(d.error()).isEqualTo("no answer within 1m after it was sent (the webhook may have it)");
  }

  @Test
  void aWebhookThatResetsTheConnectionAfterTakingTheAlertMayHaveIt() {
    receiver.stubFor(post("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    Delivery d = postOnce("http://127.0.0.1:" + receiver.getPort() + "/reset");

    assertThat(d.error()).isEqualTo("connection reset by 127.0.0.1:" + receiver.getPort()
        + " after it was sent (the webhook may have it)");
  }

  @Test
  void aWebhookThatNeverFinishesItsHandshakeIsNotSaidToHaveTheAlert() throws Exception {
    // Connected by the kernel, never accepted: the TLS handshake gets no answer, the alert is never sent.
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Delivery d = postOnce("https://127.0.0.1:" + silent.getLocalPort() + "/hook", Duration.ofMillis(300));

      assertThat(d.error()).isEqualTo("no answer within 300ms");
    }
  }

  /** One try, no retry, of an alert to the URL, which fails by itself before its timeout. */
  private static Delivery postOnce(String url) {
    return postOnce(url, ENDS);
  }

  private static Delivery postOnce(String url, Duration timeout) {
    // As the Alerter's: a .invalid name fails without a lookup, so no test asks a resolver.
    return postOnce(url, timeout, new OkHttpClient.Builder().dns(SpecialUseNames.SYSTEM).build());
  }

  private static Delivery postOnce(String url, Duration timeout, OkHttpClient http) {
    Webhook hook = new Webhook(url, Webhook.Format.JSON, timeout, 0, Map.of());
    ExecutorService workers = Executors.newSingleThreadExecutor();
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    try {
      WebhookSink sink = new WebhookSink(hook, http, workers, timer, Duration.ofSeconds(1));
      Instant now = Instant.now();
      Delivery d = sink.send(new Alert(Alert.Kind.CHANGE, "shop", "http://shop.example/", "", State.UP,
          State.DOWN, now, now, null, Verdict.DOWN, 500, "condition failed")).join();
      assertThat(d.ok()).isFalse();
      return d;
    } finally {
      workers.shutdownNow();
      timer.shutdownNow();
    }
  }

  /**
   * Posts to a host that never answers the handshake, as one behind a dropping firewall (a
   * listener whose backlog is full, so the kernel drops every further SYN), and shuts the workers
   * down while the post waits for its connection, as closing the alerter at the end of a stop does.
   */
  private static Delivery cutShortWhileConnecting(int retries, ScheduledThreadPoolExecutor timer) throws Exception {
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<SocketChannel> backlog = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        SocketChannel c = SocketChannel.open();
        c.configureBlocking(false);
        c.connect(full.getLocalSocketAddress());
        backlog.add(c);
      }
      Webhook hook = new Webhook("http://127.0.0.1:" + full.getLocalPort() + "/hook", Webhook.Format.JSON,
          Duration.ofSeconds(60), retries, Map.of());
      List<Throwable> escaped = new CopyOnWriteArrayList<>();
      List<Thread> threads = new CopyOnWriteArrayList<>();
      ExecutorService workers = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r);
        t.setUncaughtExceptionHandler((thread, e) -> escaped.add(e));
        threads.add(t);
        return t;
      });
      try {
        WebhookSink sink = new WebhookSink(hook, new OkHttpClient(), workers, timer, Duration.ofSeconds(1));
        Instant now = Instant.now();
        CompletableFuture<Delivery> delivery = sink.send(new Alert(Alert.Kind.CHANGE, "shop", "http://shop.example/",
            "", State.UP, State.DOWN, now, now, null, Verdict.DOWN, 500, "condition failed"));
        Eventually.await(ENDS, "the post to wait for its connection",
            () -> !threads.isEmpty() && threads.get(0).getState() == Thread.State.TIMED_WAITING);

        workers.shutdownNow();

        Delivery d = delivery.get(ENDS.toSeconds(), TimeUnit.SECONDS);
        assertThat(workers.awaitTermination(ENDS.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(escaped).as("exceptions that escaped the worker, printed as stack traces").isEmpty();
        return d;
      } finally {
        workers.shutdownNow();
        timer.shutdownNow();
        for (SocketChannel c : backlog) {
          c.close();
        }
      }
    }
  }
}
