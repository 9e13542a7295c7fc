package dev.sitepulse.pinger;

import dev.sitepulse.pinger.internal.http.FetchRun;
import dev.sitepulse.pinger.internal.http.HttpProber;
import dev.sitepulse.pinger.internal.http.Watchdog;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.HttpUrl;

/**
 * Single HTTP exchanges for a crawler: the pinger's OkHttp engine with connections kept alive,
 * the body kept up to a limit, and no politeness of its own (the caller schedules). Like
 * {@link Pinger}, it runs on daemon threads and every future completes by its deadline.
 */
public final class Fetcher implements AutoCloseable {

  private final HttpProber prober;
  private final Duration timeout;
  private final long maxBodyBytes;
  private final OriginHeaders headers;
  private final ExecutorService workers = Executors.newCachedThreadPool(Threads.daemon("sitepulse-fetch"));
  private final ScheduledExecutorService watchdogs =
      Executors.newSingleThreadScheduledExecutor(Threads.daemon("sitepulse-fetch-watchdog"));

  private Fetcher(int maxConnections, Duration timeout, long maxBodyBytes, String userAgent,
      OriginHeaders headers, Clock clock) {
    // Connections stay alive: a crawler asks one host for many pages.
    PingSettings settings =
        new PingSettings(maxConnections, Rate.UNLIMITED, maxBodyBytes, 0, false, true, userAgent,
            CircuitBreakerSettings.OFF);
    this.prober = new HttpProber(settings, clock);
    this.timeout = timeout;
    this.maxBodyBytes = maxBodyBytes;
    this.headers = headers;
  }

  /**
   * A fetcher that sends {@code headers} with every request, as {@link OriginHeaders#everywhere}
   * does: credentials among them go nowhere.
   *
   * @param maxConnections how many connections to keep alive, over all hosts
   * @param timeout per exchange, body included
   */
  public static Fetcher create(int maxConnections, Duration timeout, long maxBodyBytes,
      String userAgent, Map<String, String> headers) {
    return create(maxConnections, timeout, maxBodyBytes, userAgent, OriginHeaders.everywhere(headers));
  }

  /** As {@link #create(int, Duration, long, String, Map)}, with credentials among the headers sent only to their origins. */
  public static Fetcher create(int maxConnections, Duration timeout, long maxBodyBytes,
      String userAgent, OriginHeaders headers) {
    return create(maxConnections, timeout, maxBodyBytes, userAgent, headers, Clock.systemUTC());
  }

  /**
   * As {@link #create(int, Duration, long, String, OriginHeaders)}, telling the time by {@code
   * clock}: the wait a Retry-After date asks for is counted from it. For a test.
   */
  static Fetcher create(int maxConnections, Duration timeout, long maxBodyBytes,
      String userAgent, OriginHeaders headers, Clock clock) {
    return new Fetcher(maxConnections, timeout, maxBodyBytes, userAgent, headers, clock);
  }

  /**
   * Whether {@link #fetch} can make a request for {@code url} at all: an http(s) URL whose host
   * OkHttp accepts. A host label over 63 characters, for one, is taken by java.net.URI but not here.
   */
  public static boolean canFetch(String url) {
    return HttpUrl.parse(url) != null;
  }

  /**
   * Fetches one URL. A failed exchange is a {@linkplain FetchResult#failed() failed result}: the
   * future completes exceptionally only when a caller cancels it. Once the fetcher is closed, this
   * throws {@link java.util.concurrent.RejectedExecutionException}.
   */
  public CompletableFuture<FetchResult> fetch(String url) {
    return fetch(url, CacheValidators.NONE);
  }

  /**
   * Fetches one URL on condition that it changed since the response that gave {@code validators}:
   * if it did not, the result is a {@link FetchResult#notModified() 304} without a body.
   */
  public CompletableFuture<FetchResult> fetch(String url, CacheValidators validators) {
    return fetch(url, validators, maxBodyBytes);
  }

  /**
   * As {@link #fetch(String, CacheValidators)}, keeping at most {@code maxBodyBytes} of the body. With
   * 0 none is kept or counted: to know that an image loads, a link check needs its status, not
   * megabytes of it. A body of up to 64 KiB is still read to its end, so that the connection
   * serves the next fetch; a longer one is cut off with its connection.
   */
  public CompletableFuture<FetchResult> fetch(String url, CacheValidators validators, long maxBodyBytes) {
    FetchRun run = prober.prepareFetch(url, withConditions(headers.forUrl(url), validators),
        timeout, maxBodyBytes);
    Watchdog.watch(watchdogs, timeout, run::expire, run.result());
    workers.execute(run);
    return run.result(); // not watch's future: a caller's cancel must reach the run
  }

  private static Map<String, String> withConditions(Map<String, String> headers, CacheValidators validators) {
    if (!validators.any()) {
      return headers;
    }
    Map<String, String> conditional = new HashMap<>(headers);
    if (validators.etag() != null) {
      conditional.put("If-None-Match", validators.etag());
    }
    if (validators.lastModified() != null) {
      conditional.put("If-Modified-Since", validators.lastModified());
    }
    return conditional;
  }

  @Override
  public void close() {
    workers.shutdownNow();
    watchdogs.shutdownNow();
    prober.close();
  }
}
