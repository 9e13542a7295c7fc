package dev.sitepulse.cli.watch;

import dev.sitepulse.cli.LoggingSetup;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.pinger.config.Durations;
import dev.sitepulse.pinger.watch.ListenAddress;
import dev.sitepulse.pinger.watch.Watch;
import dev.sitepulse.pinger.watch.WatchMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch's HTTP server: {@code /metrics} (Prometheus text), {@code /status} (JSON),
 * {@code /healthz} and {@code /} (the live report). Handlers run on the event loop and only read
 * snapshots; the page, which queries the history, is rendered on a worker.
 */
final class WatchServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WatchServer.class);
  /**
   * Connections left open and silent are closed after this: a watch runs for months, and clients
   * that never hang up (or never finish a request) would otherwise hold its file descriptors until
   * its own checks cannot open sockets. Longer than Prometheus's default scrape interval (1 min).
   */
  static final Duration IDLE = Duration.ofSeconds(90);
  /** The longest a stop waits for the server to close, as for Vert.x itself. */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
  private static final String CSP = dev.sitepulse.cli.report.HtmlReport.CSP;

  private final Vertx vertx;
  private final Instant startedAt;
  private HttpServer server;
  /** What is served; both null from the bind until {@link #serve}. */
  private volatile Watch watch;
  private volatile LivePage page;
  private volatile boolean stopping;

  private WatchServer(Vertx vertx, Instant startedAt) {
    this.vertx = vertx;
    this.startedAt = startedAt;
  }

  /**
   * Binds without serving yet ({@code 503 starting} until {@link #serve}), so that a port that
   * cannot be bound ends the run before any check or alert has gone out: a usage error naming it.
   */
  static WatchServer bind(Vertx vertx, ListenAddress at, Instant startedAt) {
    return bind(vertx, at, startedAt, IDLE);
  }

  /** @param idle how long a silent connection is kept; {@link #IDLE} but in tests */
  static WatchServer bind(Vertx vertx, ListenAddress at, Instant startedAt, Duration idle) {
    WatchServer s = new WatchServer(vertx, startedAt);
    HttpServerOptions options = new HttpServerOptions().setHost(at.host()).setPort(at.port())
        .setIdleTimeout((int) idle.toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    try {
      s.server = vertx.createHttpServer(options)
          .requestHandler(s::handle).listen().toCompletionStage().toCompletableFuture().join();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new UsageException("cannot listen on " + at + ": " + String.valueOf(cause.getMessage()).strip());
    }
    return s;
  }

  /** From now on the endpoints show this watch. */
  void serve(Watch watch, LivePage page) {
    this.page = page;
    this.watch = watch;
  }

  int port() {
    return server.actualPort();
  }

  /** From now on /healthz says so, for load balancers. */
  void stopping() {
    stopping = true;
  }

  private void handle(HttpServerRequest req) {
    HttpServerResponse res = req.response();
    if (req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
      res.setStatusCode(405).putHeader("Allow", "GET, HEAD").end("method not allowed\n");
      return;
    }
    res.putHeader("Cache-Control", "no-store").putHeader("X-Content-Type-Options", "nosniff");
    Watch watch = this.watch;
    LivePage page = this.page;
    if (watch == null) {
      res.setStatusCode(503).putHeader("Content-Type", "text/plain").end("starting\n");
      return;
    }
    switch (req.path()) {
      case "/metrics" -> res.putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
          .end(WatchMetrics.render(watch));
      case "/status" -> res.putHeader("Content-Type", "application/json").end(StatusJson.render(watch, startedAt));
      case "/healthz" -> res.setStatusCode(stopping ? 503 : 200).putHeader("Content-Type", "text/plain")
          .end(stopping ? "stopping\n" : "ok\n");
      case "/" -> vertx.executeBlocking(page::render, false).onComplete(html -> {
        if (html.succeeded()) {
          res.putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Content-Security-Policy", CSP)
              .end(html.result());
        } else if (html.cause() instanceof LivePage.Unavailable why) { // a stop, a stalled disk: no fault of the page
          res.setStatusCode(503).putHeader("Content-Type", "text/plain").end(why.getMessage() + "\n");
        } else {
          log.error("the status page failed: {}", html.cause().toString());
          res.setStatusCode(500).putHeader("Content-Type", "text/plain").end("the status page failed\n");
        }
      });
      default -> res.setStatusCode(404).putHeader("Content-Type", "text/plain").end("not found\n");
    }
  }

  /**
   * Closes the server, waiting at most {@link #CLOSE_GRACE}: closing runs on the event loop, and
   * one held there must not keep a stop from its line. The process's exit then closes the socket.
   */
  @Override
  public void close() throws InterruptedException {
    if (server != null) {
      LoggingSetup.serverClosing();
      try {
        server.close().toCompletionStage().toCompletableFuture().get(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        log.warn("stopping: the HTTP server did not close within {}: the watch's event loop is held",
            Durations.format(CLOSE_GRACE));
      } catch (ExecutionException e) {
        log.warn("stopping: the HTTP server did not close: {}", e.getCause().toString());
      }
    }
  }
}
