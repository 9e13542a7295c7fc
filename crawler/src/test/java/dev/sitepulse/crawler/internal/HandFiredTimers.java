package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One-shot timers a test fires when it has moved the loop's ticker; periodic ones fire only when the
 * test {@link #tick ticks} them. A cancelled timer is still handed out by {@link #nextSet}, and its
 * firing does nothing.
 */
final class HandFiredTimers implements LoopTimers {

  /** A timer the loop set: how long it asked for, and what firing it runs. */
  record Timer(long delayMs, Runnable fired) {}

  private record Periodic(long id, long periodMs, Runnable fired) {}

  private final BlockingQueue<Timer> set = new LinkedBlockingQueue<>();
  private final List<Periodic> periodic = new CopyOnWriteArrayList<>();
  private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
  private final Set<Long> fired = ConcurrentHashMap.newKeySet();
  private final AtomicLong ids = new AtomicLong();

  @Override
  public long set(long delayMs, Runnable fired) {
    long id = ids.getAndIncrement();
    set.add(new Timer(delayMs, () -> {
      if (!cancelled.contains(id) && this.fired.add(id)) {
        fired.run();
      }
    }));
    return id;
  }

  @Override
  public long every(long periodMs, Runnable fired) {
    long id = ids.getAndIncrement();
    periodic.add(new Periodic(id, periodMs, fired));
    return id;
  }

  @Override
  public boolean cancel(long id) {
    return !fired.contains(id) && cancelled.add(id);
  }

  /** Fires once each periodic timer of {@code periodMs} not cancelled (the progress ticks every 1000): on the loop. */
  void tick(long periodMs) {
    for (Periodic p : periodic) {
      if (p.periodMs() == periodMs && !cancelled.contains(p.id())) {
        p.fired().run();
      }
    }
  }

  /** The next one-shot timer the loop sets, once it has set it. */
  Timer nextSet() throws InterruptedException {
    Timer t = set.poll(30, TimeUnit.SECONDS);
    assertThat(t).as("a timer set within 30 s").isNotNull();
    return t;
  }
}
