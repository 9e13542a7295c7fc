package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.config.Durations;
import dev.sitepulse.pinger.internal.RetryPolicy;
import dev.sitepulse.pinger.internal.http.ExchangeFailures;
import dev.sitepulse.pinger.watch.WebhookLanes.Pending;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs alerts to one webhook on the alerter's own daemon threads, never a check's: each attempt
 * bounded by the webhook's timeout, failed ones retried with exponential backoff (at most
 * {@link RetryPolicy#MAX_BACKOFF} apart, as checks are). A 2xx answer is a delivery; anything
 * else, or no answer, is a failure that is retried and then recorded.
 */
final class WebhookSink {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final Webhook hook;
  private final OkHttpClient client;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final Duration backoff;
  private final WebhookLanes lanes;

  WebhookSink(Webhook hook, OkHttpClient base, ExecutorService workers, ScheduledExecutorService timer,
      Duration backoff) {
    this(hook, base, workers, timer, backoff, new WebhookLanes());
  }

  /** @param lanes those of the sink of the same URL a reload replaces, so that each target's alerts keep their order */
  WebhookSink(Webhook hook, OkHttpClient base, ExecutorService workers, ScheduledExecutorService timer,
      Duration backoff, WebhookLanes lanes) {
    this.hook = hook;
    // The webhook's timeout is its one limit, as a check's is: OkHttp's own 10 s per connect and
    // read cut a webhook given 30 s short at 10.
    this.client = base.newBuilder().callTimeout(hook.timeout())
        .connectTimeout(Duration.ZERO).readTimeout(Duration.ZERO).writeTimeout(Duration.ZERO)
        .eventListenerFactory(WebhookSink::notingSent).build();
    this.workers = workers;
    this.timer = timer;
    this.backoff = backoff;
    this.lanes = lanes;
  }

  Webhook hook() {
    return hook;
  }

  WebhookLanes lanes() {
    return lanes;
  }

  /** Names the webhook in deliveries, logs and the history: its URL, the secret part hidden. */
  String name() {
    return hook.shownUrl();
  }

  /** Where it posts, secret and all: what its workers are kept by. */
  String url() {
    return hook.url();
  }

  /** Completes once every delivery sent so far has ended, its retries too (those of the sinks it took the lanes of). */
  CompletableFuture<Void> idle() {
    return lanes.idle();
  }

  /** How many alerts were replaced while they waited since the last call, which counts them anew. */
  long takeReplaced() {
    return lanes.takeReplaced();
  }

  /**
   * A target's alerts reach the webhook one after another, so a chat never shows a recovery before
   * the outage it ends; different targets' go in parallel. Behind a target's delivery under way
   * one alert waits, the latest: a newer one replaces it, which then ends as
   * {@link Delivery#replacedWhileWaiting}. So a webhook that hangs while states flap holds at most
   * two alerts per target, and when it answers again it hears each target's latest state, not a
   * backlog.
   * Returns at once; the future completes, never exceptionally, when the alert is delivered,
   * given up on or replaced.
   */
  CompletableFuture<Delivery> send(Alert alert) {
    return send(alert, new AtomicInteger());
  }

  /** As {@link #send(Alert)}, counting in {@code attempts} the tries started, for a stop that gives it up. */
  CompletableFuture<Delivery> send(Alert alert, AtomicInteger attempts) {
    return lanes.send(alert.target(),
        new Pending(this, WebhookPayload.of(hook.format(), alert), new CompletableFuture<>(), attempts));
  }

  /** Try {@code n} of {@code p}, on this sink's workers; the lanes start the first. */
  void attempt(Pending p, int n) {
    CompletableFuture<Delivery> done = p.done();
    try {
      workers.execute(() -> {
        p.attempts().set(n);
        String error = post(p.body());
        if (error == null) {
          done.complete(Delivery.ok(name(), n));
        } else if (n > hook.retries() || Thread.currentThread().isInterrupted()) { // closing: no retry
          done.complete(Delivery.failed(name(), n, error));
        } else {
          long wait = Math.min(backoff.toMillis() << (n - 1), RetryPolicy.MAX_BACKOFF.toMillis());
          schedule(() -> attempt(p, n + 1), wait, done, n, error);
        }
      });
    } catch (RejectedExecutionException e) {
      done.complete(Delivery.failed(name(), n - 1, "not sent: the alert queue is full or closed"));
    }
  }

  private void schedule(Runnable retry, long millis, CompletableFuture<Delivery> done, int n, String error) {
    try {
      timer.schedule(retry, millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      done.complete(Delivery.failed(name(), n, error + "; no retry, the alerter is closed"));
    }
  }

  /**
   * Notes, in the request's tag, that its body was written: a webhook that takes the POST and
   * answers past its timeout has the alert all the same, and has it again with each retry.
   */
  private static EventListener notingSent(Call call) {
    AtomicBoolean sent = call.request().tag(AtomicBoolean.class);
    return sent == null ? EventListener.NONE : new EventListener() {
      @Override
      public void requestBodyEnd(Call c, long byteCount) {
        sent.set(true);
      }
    };
  }

  /** One POST; null when the webhook took it, else why not. */
  private String post(byte[] body) {
    AtomicBoolean sent = new AtomicBoolean();
    try {
      Request.Builder request = new Request.Builder().url(hook.url()).tag(AtomicBoolean.class, sent)
          .post(RequestBody.create(body, JSON)).header("User-Agent", "sitepulse");
      hook.headers().forEach(request::header);
      try (Response response = client.newCall(request.build()).execute()) {
        return response.isSuccessful() ? null : "HTTP " + response.code();
      }
    } catch (IOException e) {
      // OkHttp's call timeout and a cancelled call say only "timeout" and "Canceled". Whatever cut
      // the exchange short after the POST went out (a reset, a close), the webhook may have acted on it.
      String why = "timeout".equals(e.getMessage()) || "Canceled".equals(e.getMessage())
          ? "no answer within " + Durations.format(hook.timeout())
          : withoutSecret(ExchangeFailures.reason(e, HttpUrl.get(hook.url())));
      return sent.get() ? why + " after it was sent (the webhook may have it)" : why;
    } catch (RuntimeException e) {
      return withoutSecret(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (Exception e) {
      // OkHttp (Kotlin) throws an InterruptedException it does not declare when closing the
      // alerter interrupts a connect: left to escape, it killed the worker with a stack trace on
      // stderr and never ended the delivery.
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
      return withoutSecret(e.toString());
    }
  }

  /** OkHttp may quote the URL, secret and all, as written or in its own normal form. */
  private String withoutSecret(String why) {
    HttpUrl normal = HttpUrl.parse(hook.url());
    String shown = why.replace(hook.url(), hook.shownUrl());
    return normal == null ? shown : shown.replace(normal.toString(), hook.shownUrl());
  }
}
