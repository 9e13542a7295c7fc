package dev.sitepulse.crawler.links;

import dev.sitepulse.pinger.Threads;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Starts the requests to each origin as the crawl's frontier does: at most {@code perHost} in
 * flight, each no sooner than the origin's delay after the one before it started, and after it
 * ended. The pinger's rate per host allows one request a period, so two could go a moment apart
 * across a period's end, and a request that took long left no pause after it.
 */
final class HostPacing implements AutoCloseable {

  private final Function<String, Duration> delays;
  private final int perHost;
  private final LongSupplier nanoTime;
  private final Wakeups wakeups;
  private final Map<String, Host> hosts = new HashMap<>();

  /** Where a host that must wait for its turn is woken: a timer thread of the pacing's own, but in a test. */
  interface Wakeups extends AutoCloseable {

    /** Runs {@code wake} once {@code nanos} have passed; nothing once closed. */
    void after(long nanos, Runnable wake);

    @Override
    void close();
  }

  private static final class Host {
    final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    final long delayNanos;
    int inFlight;
    long nextStart;
    boolean woken;

    Host(long now, Duration delay) {
      nextStart = now;
      delayNanos = delay.toNanos();
    }
  }

  /**
   * A request waiting its turn: started in it, or, once {@code unwanted} says so, passed over
   * without taking one.
   */
  private record Waiting(Runnable start, BooleanSupplier unwanted, Runnable passOver) {}

  private static final BooleanSupplier ALWAYS_WANTED = () -> false;

  /**
   * @param delays each origin's delay, asked once, at the origin's first request: by then its
   *     robots.txt has been read
   */
  HostPacing(Function<String, Duration> delays, int perHost) {
    this(delays, perHost, System::nanoTime, ownTimer());
  }

  /**
   * As above, on a clock and a timer a test moves.
   *
   * @param nanoTime the clock, System.nanoTime() but in a test
   * @param wakeups closed with the pacing
   */
  HostPacing(Function<String, Duration> delays, int perHost, LongSupplier nanoTime, Wakeups wakeups) {
    this.delays = delays;
    this.perHost = perHost;
    this.nanoTime = nanoTime;
    this.wakeups = wakeups;
  }

  private static Wakeups ownTimer() {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(Threads.daemon("sitepulse-links-pacing"));
    return new Wakeups() {
      @Override
      public void after(long nanos, Runnable wake) {
        try {
          timer.schedule(wake, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
          // Closed: the checks are over, and no request waits for its turn any more.
        }
      }

      @Override
      public void close() {
        timer.shutdownNow();
      }
    };
  }

  /** Starts {@code request} when {@code origin} may be asked again; its result, as it ends. */
  <T> CompletableFuture<T> submit(String origin, Supplier<CompletableFuture<T>> request) {
    return submit(origin, request, value -> Duration.ZERO);
  }

  /**
   * As {@link #submit(String, Supplier)}, the origin then held back for what {@code holdAfter}
   * says of the result (a 429's Retry-After) if that is longer than its delay: decided before the
   * next request to it may start.
   */
  <T> CompletableFuture<T> submit(String origin, Supplier<CompletableFuture<T>> request,
      Function<? super T, Duration> holdAfter) {
    return submit(origin, request, holdAfter, ALWAYS_WANTED, null);
  }

  /**
   * As {@link #submit(String, Supplier, Function)}, but a request that {@code unwanted} says is no
   * longer wanted when its turn would come (its host given up on) is not started: it ends at once
   * with {@code instead}, taking no turn, so that it costs the host no delay.
   */
  <T> CompletableFuture<T> submit(String origin, Supplier<CompletableFuture<T>> request,
      Function<? super T, Duration> holdAfter, BooleanSupplier unwanted, T instead) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Host host;
    synchronized (this) {
      host = hosts.computeIfAbsent(origin, o -> new Host(nanoTime.getAsLong(), delays.apply(o)));
      host.waiting.add(new Waiting(() -> request.get().whenComplete((value, error) -> {
        ended(host, error != null ? 0 : holdAfter.apply(value).toNanos());
        if (error != null) {
          result.completeExceptionally(error);
        } else {
          result.complete(value);
        }
      }), unwanted, () -> result.complete(instead)));
    }
    pump(host);
    return result;
  }

  private void ended(Host host, long holdNanos) {
    synchronized (this) {
      host.inFlight--;
      long next = nanoTime.getAsLong() + Math.max(host.delayNanos, holdNanos);
      if (next - host.nextStart > 0) { // nanoTime values compare by their difference: either may have wrapped
        host.nextStart = next;
      }
    }
    pump(host);
  }

  /**
   * Starts what may start now, and ends what is no longer wanted, outside the lock; wakes up for
   * the rest when its time comes.
   */
  private void pump(Host host) {
    List<Runnable> starts = new ArrayList<>();
    synchronized (this) {
      long now = nanoTime.getAsLong();
      while (!host.waiting.isEmpty()) {
        if (host.waiting.peek().unwanted().getAsBoolean()) {
          starts.add(host.waiting.poll().passOver());
          continue;
        }
        if (host.inFlight >= perHost) {
          break;
        }
        if (now - host.nextStart < 0) {
          if (!host.woken) {
            host.woken = true;
            wakeups.after(host.nextStart - now, () -> {
              synchronized (this) {
                host.woken = false;
              }
              pump(host);
            });
          }
          break;
        }
        host.inFlight++;
        host.nextStart = now + host.delayNanos;
        starts.add(host.waiting.poll().start());
      }
    }
    starts.forEach(Runnable::run);
  }

  @Override
  public void close() {
    wakeups.close();
  }
}
