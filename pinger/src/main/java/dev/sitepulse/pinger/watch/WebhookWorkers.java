package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.Threads;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Each webhook's own workers, by URL: one that hangs holds up only its own deliveries, not every
 * other webhook's behind it in a shared queue. A reload that changes a webhook's timeout, retries
 * or headers (a rotated token) keeps its pool; one that drops it has the pool shut down once its
 * deliveries end, so that reloads do not pile up pools until the watch stops.
 */
final class WebhookWorkers implements AutoCloseable {

  private static final int QUEUE = 1000;
  /** Posts under way at once to one webhook. */
  private static final int WORKERS = 4;

  /** Guarded by this. */
  private final Map<String, ThreadPoolExecutor> pools = new HashMap<>();
  /** Guarded by this: the URLs of the webhooks in use. */
  private Set<String> inUse = Set.of();
  private final Set<ThreadPoolExecutor> retiring = ConcurrentHashMap.newKeySet();

  /** The workers of a webhook in use, made on first use. */
  synchronized ExecutorService of(String url) {
    return pools.computeIfAbsent(url, u -> newPool());
  }

  /** The URLs of the webhooks now in use: those whose pools {@link #retire} keeps. */
  synchronized void use(Set<String> urls) {
    inUse = Set.copyOf(urls);
  }

  synchronized boolean inUse(String url) {
    return inUse.contains(url);
  }

  /**
   * Shuts the pool of a webhook no longer in use down once {@code idle} completes (its deliveries,
   * retries included, have ended); at once when it has none. A URL taken back into use since keeps
   * its pool.
   */
  synchronized CompletableFuture<Void> retire(String url, CompletableFuture<?> idle) {
    ThreadPoolExecutor pool = inUse.contains(url) ? null : pools.remove(url);
    if (pool == null) {
      return CompletableFuture.completedFuture(null);
    }
    retiring.add(pool);
    return idle.handle((v, e) -> {
      pool.shutdown();
      retiring.remove(pool);
      return null;
    });
  }

  /** Pools not yet shut down, in use or retiring. */
  synchronized int size() {
    return pools.size() + retiring.size();
  }

  private static ThreadPoolExecutor newPool() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE), Threads.daemon("sitepulse-alert"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  @Override
  public synchronized void close() {
    pools.values().forEach(ThreadPoolExecutor::shutdownNow);
    retiring.forEach(ThreadPoolExecutor::shutdownNow);
  }
}
