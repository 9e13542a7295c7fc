package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.CacheValidators;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.internal.http.BodyReader.Body;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * One GET for a crawler, run on a fetch worker: no redirects followed, the body kept up to a
 * limit. {@link #expire()} may end it from another thread; the first completion wins. A caller
 * that cancels {@link #result()} (a crawl abandoning a read) ends the exchange too, and its thread
 * and connection with it, rather than leaving it to run to its timeout.
 */
public final class FetchRun implements Runnable {

  private static final byte[] NONE = new byte[0];
  private static final long SHORT_BODY_BYTES = 64 * 1024;
  /** How long a body of unknown length may take to show it is short. */
  private static final long SHORT_BODY_WAIT_MILLIS = 100;

  private final Function<HttpUrl, OkHttpClient> clients;
  private final String url;
  private final Map<String, String> headers;
  private final Deadline deadline;
  private final long maxBodyBytes;
  private final String userAgent;
  private final Clock clock;
  private final CompletableFuture<FetchResult> result = new CompletableFuture<>();
  private final PhaseListener listener;
  private volatile Call call;
  private volatile boolean answered;

  FetchRun(Function<HttpUrl, OkHttpClient> clients, String url, Map<String, String> headers,
      Duration timeout, long maxBodyBytes, String userAgent, Clock clock) {
    this(clients, url, headers, timeout, maxBodyBytes, userAgent, clock, System::nanoTime);
  }

  /** @param nanoTime times the exchange and the timeout, {@code System::nanoTime} except in tests */
  FetchRun(Function<HttpUrl, OkHttpClient> clients, String url, Map<String, String> headers,
      Duration timeout, long maxBodyBytes, String userAgent, Clock clock, LongSupplier nanoTime) {
    this.clients = clients;
    this.url = url;
    this.headers = headers;
    this.listener = new PhaseListener(nanoTime);
    // From now, not from when a worker runs it, as a ProbeRun's: the timeout promises when it ends.
    this.deadline = new Deadline(timeout, nanoTime);
    this.maxBodyBytes = maxBodyBytes;
    this.userAgent = userAgent;
    this.clock = clock;
    result.whenComplete((r, e) -> {
      Call c = call;
      if (result.isCancelled() && c != null) {
        c.cancel();
      }
    });
  }

  public CompletableFuture<FetchResult> result() {
    return result;
  }

  /** Ends a fetch that overstayed its timeout, whatever it is blocked in. */
  public void expire() {
    if (!result.isDone()) {
      Call c = call;
      if (c != null) {
        c.cancel();
      }
      result.complete(failed(deadline.timedOut(listener.stage(), hostOf())));
    }
  }

  @Override
  public void run() {
    try {
      result.complete(fetch());
    } catch (IOException e) {
      result.complete(failed(deadline.failure(e, call, listener.stage(), hostOf())));
    } catch (RuntimeException e) {
      // The result must complete all the same, or the crawl waits on it for ever.
      result.complete(failed(FailureClassifier.unexpected(e, answered)));
    }
  }

  private FetchResult fetch() throws IOException {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      return failed(Failure.error(ErrorKind.INVALID_URL, UrlMessages.whyInvalid(url)));
    }
    Request.Builder request = new Request.Builder().url(parsed).tag(PhaseListener.class, listener);
    request.header("User-Agent", userAgent);
    headers.forEach(request::header);
    Call c = clients.apply(parsed).newCall(request.build());
    long remaining = deadline.remainingNanos();
    if (remaining <= 0) { // its worker ran it only after its whole timeout
      return failed(deadline.timedOut(listener.stage(), hostOf()));
    }
    c.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
    call = c;
    if (result.isCancelled()) { // before the call was there to cancel
      c.cancel();
    }
    Response response = c.execute();
    Failure invalid = null;
    try {
      answered = true;
      invalid = ResponseHead.invalid(response, parsed);
      if (invalid != null) {
        c.cancel(); // a head not to be trusted frames no body: its connection must carry nothing more
        return failed(invalid);
      }
      Body body = maxBodyBytes == 0 ? Body.EMPTY : BodyReader.read(response, maxBodyBytes, true);
      if (maxBodyBytes == 0 && !isShort(response)) {
        // Closing would have OkHttp read on for up to 100 ms to keep the connection: a short body
        // is worth it, megabytes of a photo are not: a new connection costs less. The response is
        // in hand; closing a cancelled one throws nothing.
        c.cancel();
      }
      Phases phases = listener.phasesNow();
      Duration retryAfter = RetryAfter.of(response, clock.instant()).orElse(null);
      return new FetchResult(url, response.code(), response.header("Content-Type"),
          FetchResult.redirects(response.code()) ? response.header("Location") : null,
          body.content() == null ? NONE : body.content(),
          body.truncated(), retryAfter,
          new CacheValidators(response.header("ETag"), response.header("Last-Modified")), phases, null, false,
          ServerText.reason(response.code() + " " + response.message()), response.headers("X-Robots-Tag"));
    } finally {
      ResponseHead.close(response, invalid != null);
    }
  }

  /**
   * Whether the body is short enough to read to its end on close, keeping the connection for the
   * next fetch: by its Content-Length, or, sent without one (chunked), by whether it ends within
   * 64 KiB and {@link #SHORT_BODY_WAIT_MILLIS}, as long as OkHttp would read on at a close. An
   * unbounded wait would turn the status in hand into a timeout for a body that never ends (a
   * radio stream, server-sent events, a stalled download), and hold its slot until then.
   */
  private static boolean isShort(Response response) {
    ResponseBody body = response.body();
    if (body == null) {
      return true;
    }
    long length = body.contentLength();
    if (length >= 0) {
      return length <= SHORT_BODY_BYTES;
    }
    BufferedSource source = body.source();
    source.timeout().deadline(SHORT_BODY_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    try {
      return !source.request(SHORT_BODY_BYTES + 1);
    } catch (IOException notInTime) { // or cut off: either way the status is the answer, the connection goes
      return false;
    } finally {
      source.timeout().clearDeadline();
    }
  }

  private FetchResult failed(Failure f) {
    boolean timedOut = f.verdict() == dev.sitepulse.pinger.Verdict.TIMEOUT;
    return new FetchResult(url, 0, null, null, NONE, false, null, null, listener.phasesNow(),
        f.kind(), timedOut, f.message());
  }

  private String hostOf() {
    HttpUrl parsed = HttpUrl.parse(url);
    return parsed == null ? "?" : UrlMessages.hostPort(parsed);
  }
}
