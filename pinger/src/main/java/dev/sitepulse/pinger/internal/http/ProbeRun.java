package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.Attempt;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Hop;
import dev.sitepulse.pinger.Observation;
import dev.sitepulse.pinger.OriginHeaders;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.RedirectChains;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.TlsInfo;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.internal.http.BodyReader.Body;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at a check, run on a probe worker: each hop of the redirect chain is its own call
 * so that each gets its own phases. {@link #expire()} may end it from another thread; whichever
 * of the two completes {@link #result()} first wins.
 */
public final class ProbeRun implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(ProbeRun.class);
  /** Methods OkHttp refuses to send without a request body; a target with none sends an empty one. */
  private static final Set<String> REQUIRE_REQUEST_BODY = Set.of("POST", "PUT", "PATCH");

  private final Function<HttpUrl, OkHttpClient> clients;
  private final Target target;
  private final int number;
  private final ProbeOptions options;
  private final HopPermits hopPermits;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final CompletableFuture<Attempt> result = new CompletableFuture<>();
  private final List<Hop> hops = new ArrayList<>();
  private final boolean needsBody;
  private final Instant startedAt;
  private final Deadline deadline;
  private volatile Call call;
  private volatile PhaseListener listener;
  /** Whether the current hop is already in {@link #hops}; if not, a failure adds it. Guarded by hops. */
  private boolean hopRecorded;
  /** The current hop's status once its response head arrived, else 0: a body that times out keeps it. */
  private volatile int hopStatus;
  /** The current hop's body bytes read so far, which a failure mid-body reports. */
  private final AtomicLong hopBodyBytes = new AtomicLong();
  /** The current hop's Content-Length header once its head arrived (-1 without one): a failure keeps it. */
  private volatile long hopContentLength = -1;
  private volatile HttpUrl url;

  ProbeRun(Function<HttpUrl, OkHttpClient> clients, Target target, int number, ProbeOptions options,
      HopPermits hopPermits, Clock clock) {
    this(clients, target, number, options, hopPermits, clock, System::nanoTime);
  }

  /** @param nanoTime times the hops and the timeout, {@code System::nanoTime} except in tests */
  ProbeRun(Function<HttpUrl, OkHttpClient> clients, Target target, int number, ProbeOptions options,
      HopPermits hopPermits, Clock clock, LongSupplier nanoTime) {
    this.clients = clients;
    this.target = target;
    this.number = number;
    this.options = options;
    this.hopPermits = hopPermits;
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.listener = new PhaseListener(nanoTime);
    this.needsBody = target.needsBody();
    this.startedAt = clock.instant();
    // From now, not from when a worker runs it: the timeout promises when the attempt ends.
    this.deadline = new Deadline(target.timeout(), nanoTime);
  }

  /**
   * The attempt for one that could not be started (its pinger closing under it), at {@code at}:
   * nothing was sent, so it has no hop, and its kind says the host was not asked.
   */
  public static Attempt notStarted(int number, Instant at, RuntimeException e) {
    Failure f = FailureClassifier.notStarted(e);
    return new Attempt(number, at, f.verdict(), f.kind(), f.message(), List.of(), Phases.NONE, 0, false,
        null, null, List.of(), null);
  }

  public CompletableFuture<Attempt> result() {
    return result;
  }

  /** Ends a run that overstayed its timeout, whatever it is blocked in. */
  public void expire() {
    if (result.isDone()) {
      return;
    }
    Call c = call;
    if (c != null) {
      c.cancel();
    }
    // The worker may not have started yet (a timeout of a few ns): the target's URL names the host.
    HttpUrl at = url != null ? url : HttpUrl.parse(target.url());
    result.complete(failed(deadline.timedOut(listener.stage(), hostOf(at))));
  }

  @Override
  public void run() {
    try {
      result.complete(exchange());
    } catch (IOException e) {
      result.complete(failed(classify(e)));
    } catch (RuntimeException e) {
      result.complete(failed(FailureClassifier.unexpected(e, hopStatus != 0)));
    }
  }

  private Attempt exchange() throws IOException {
    url = HttpUrl.parse(target.url());
    HttpUrl first = url;
    if (url == null) {
      return failed(Failure.error(ErrorKind.INVALID_URL, UrlMessages.whyInvalid(target.url())));
    }
    String method = target.method();
    String requestBody = target.body();
    while (true) {
      PhaseListener hopListener = new PhaseListener(nanoTime);
      listener = hopListener;
      synchronized (hops) { // as one: a watchdog's failed() must not see the last hop's figures as this one's
        hopRecorded = false;
        hopStatus = 0;
        hopBodyBytes.set(0);
        hopContentLength = -1;
      }
      Call c = clients.apply(url).newCall(request(url, first, method, requestBody, hopListener));
      long remaining = deadline.remainingNanos();
      if (remaining <= 0) {
        return failed(deadline.timedOut(hopListener.stage(), hostOf(url)));
      }
      c.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
      if (!hops.isEmpty()) { // a redirect: the first request took its permit when the attempt started
        hopPermits.take(url.host().toLowerCase(Locale.ROOT)); // never waits: the host's next check pays
      }
      call = c;
      Response response = c.execute();
      Failure invalid = null;
      try {
        invalid = ResponseHead.invalid(response, url);
        synchronized (hops) { // read as one by a watchdog's failed()
          hopStatus = response.code();
          hopContentLength = invalid == null ? contentLength(response) : -1; // of a head that frames the body
        }
        if (invalid != null) {
          c.cancel(); // a head not to be trusted frames no body: its connection must carry nothing more
          return failed(invalid);
        }
        String location = FetchResult.redirects(response.code()) ? response.header("Location") : null;
        boolean last = location == null || hops.size() >= options.maxRedirects();
        Body body = BodyReader.read(response, options.maxBodyBytes(), last && needsBody, hopBodyBytes);
        long end = nanoTime.getAsLong();
        synchronized (hops) {
          hops.add(new Hop(url.toString(), response.code(), location, hopListener.phases(end)));
          hopRecorded = true;
        }
        if (location == null) {
          return completed(response, body, hopListener);
        }
        if (hops.size() > options.maxRedirects()) {
          return failed(Failure.error(ErrorKind.TOO_MANY_REDIRECTS, tooManyRedirects()));
        }
        HttpUrl next = url.resolve(location);
        if (next == null) {
          return failed(Failure.error(ErrorKind.PROTOCOL, "redirect to an invalid location: " + location));
        }
        // As browsers do: a 303 turns any method into a GET, and so do 300-302 but for HEAD, which
        // stays; 307 and 308 keep the method and its body.
        if (response.code() == 303 || (response.code() <= 302 && !method.equals("HEAD"))) {
          method = method.equals("HEAD") ? "HEAD" : "GET";
          requestBody = null;
        }
        url = next;
      } finally {
        ResponseHead.close(response, invalid != null);
      }
    }
  }

  /** @param first the target's own URL, whose origin alone gets the credentials */
  private Request request(HttpUrl url, HttpUrl first, String method, String body, PhaseListener hopListener) {
    Request.Builder b = new Request.Builder().url(url).tag(PhaseListener.class, hopListener);
    b.header("User-Agent", options.userAgent());
    if (!options.reuseConnections()) {
      b.header("Connection", "close");
    }
    // As curl does, credentials go only to the origin they were given for, not where it redirects.
    boolean sameOrigin = sameOrigin(url, first);
    target.headers().forEach((name, value) -> {
      if (sameOrigin || !OriginHeaders.isCredential(name)) {
        b.header(name, value);
      }
    });
    RequestBody rb = body == null ? null : RequestBody.create(body, null);
    if (rb == null && REQUIRE_REQUEST_BODY.contains(method)) {
      rb = RequestBody.create(new byte[0], null);
    }
    return b.method(method, rb).build();
  }

  private Attempt completed(Response response, Body body, PhaseListener hopListener) {
    Instant now = clock.instant();
    TlsInfo tls = Certificates.describe(response.handshake(), hopListener.peerCertificates());
    Phases phases = summed(snapshotHops());
    Judgement judged = Judgement.of(target.conditions(), observe(response, body, hopListener, phases, tls, now));
    String message = judged.failure() != null ? judged.failure() : response.code() + " " + response.message();
    // The reason phrase and a condition's actual value are the server's words.
    return new Attempt(number, startedAt, judged.verdict(), null, ServerText.reason(message.strip()),
        snapshotHops(), phases, body.bytes(), body.truncated(), tls, hopListener.remoteAddress(),
        judged.results(), retryAfter(response), contentLength(response));
  }

  /**
   * The Content-Length header as blackbox_exporter reports it: -1 when absent, and when a
   * Transfer-Encoding frames the body instead (RFC 9112 6.3: the length is then ignored).
   */
  private static long contentLength(Response response) {
    String header = response.header("Content-Length");
    if (header == null || response.header("Transfer-Encoding") != null) {
      return -1;
    }
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1; // not a length ResponseHead refuses, as OkHttp frames no body by it
    }
  }

  /** What the conditions see of the final response. */
  private static Observation observe(Response response, Body body, PhaseListener hopListener, Phases phases,
      TlsInfo tls, Instant now) {
    return new Observation(
        response.code(),
        phases.totalNanos() / 1_000_000,
        body.text(),
        body.truncated(),
        headerMap(response.headers()),
        tls == null ? null : tls.notAfter(),
        true,
        hopListener.remoteIp(),
        now);
  }

  private Attempt failed(Failure f) {
    List<Hop> chain;
    boolean inFlight;
    long bytes;
    long contentLength;
    int status;
    synchronized (hops) { // expire() may race the hop being recorded, or the next one starting
      chain = new ArrayList<>(hops);
      inFlight = url != null && !hopRecorded;
      status = hopStatus;
      // A body cut short by a timeout or a reset still counts what arrived of it.
      bytes = inFlight ? hopBodyBytes.get() : 0;
      contentLength = inFlight ? hopContentLength : -1;
    }
    PhaseListener current = listener;
    String message = f.message();
    if (inFlight) {
      if (f.verdict() == Verdict.TIMEOUT && !chain.isEmpty()) {
        // "no response" names no host: say it is a URL a redirect led to, not the target's own.
        message += " from " + url + " (reached by " + chain.size()
            + (chain.size() == 1 ? " redirect)" : " redirects)");
      }
      // The hop that failed, with its status if the response head came, and how far it got.
      chain.add(new Hop(url.toString(), status, null, current.phasesNow()));
    }
    return new Attempt(number, startedAt, f.verdict(), f.kind(), message, chain,
        summed(chain), bytes, false, null, current.remoteAddress(), List.of(), null, contentLength);
  }

  private Failure classify(IOException e) {
    LOG.debug("attempt {} at {} failed", number, target.url(), e);
    return deadline.failure(e, call, listener.stage(), hostOf(url));
  }

  /**
   * Phases summed over the hops, the total too: the time of the exchanges with the servers, which
   * the phases add up to. Not in it: the time the attempt waited for its worker to run it (on a
   * busy machine, for a thread or the CPU), and ours between hops, turning a Location into the
   * next request.
   */
  private static Phases summed(List<Hop> chain) {
    return chain.stream().map(Hop::phases).reduce(Phases.NONE, Phases::plus);
  }

  private List<Hop> snapshotHops() {
    synchronized (hops) {
      return List.copyOf(hops);
    }
  }

  private String tooManyRedirects() {
    return RedirectChains.tooMany(snapshotHops().stream().map(Hop::url).toList(), options.maxRedirects());
  }

  private static Map<String, String> headerMap(Headers headers) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : headers.names()) {
      map.put(name, String.join(", ", headers.values(name)));
    }
    return map;
  }

  /** As the server said it: the retry policy decides what of it to wait. */
  private Duration retryAfter(Response response) {
    return RetryAfter.of(response, clock.instant()).orElse(null);
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  private static String hostOf(HttpUrl url) {
    return url == null ? "?" : UrlMessages.hostPort(url);
  }
}
