package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Pinger;
import dev.sitepulse.pinger.Target;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks through one long-lived {@link Pinger}, so watch shares ping's per-host rate limits and
 * global concurrency limit across every target. When a reload changes those settings, a new Pinger
 * takes over and the old one is closed once its last check is done.
 */
public final class PingerSource implements CheckSource, AutoCloseable {

  private record Current(Pinger pinger, PingSettings settings, AtomicInteger inFlight) {}

  private volatile Current current;
  private volatile boolean closed;
  /** Pingers a reload replaced while they still had checks under way. */
  private final Set<Pinger> retiring = ConcurrentHashMap.newKeySet();
  private volatile boolean sendingStopped;

  public PingerSource(PingSettings settings) {
    this.current = new Current(Pinger.create(settings), settings, new AtomicInteger());
  }

  /** The settings checks are sent with now: a reload's once it changed them. */
  PingSettings settings() {
    return current.settings;
  }

  @Override
  public CompletableFuture<CheckResult> check(Target target) {
    Current c;
    synchronized (this) { // so update() cannot close this pinger between the two lines
      c = current;
      c.inFlight.incrementAndGet();
    }
    return c.pinger.check(target).whenComplete((r, e) -> {
      if (c.inFlight.decrementAndGet() == 0 && c != current) {
        retiring.remove(c.pinger);
        c.pinger.close();
      }
    });
  }

  @Override
  public Map<String, Boolean> circuitsHeldBack() {
    return current.pinger.circuitsHeldBack(); // a reload's new pinger starts with every circuit closed
  }

  @Override
  public synchronized void stopSending() {
    sendingStopped = true;
    current.pinger.stopSending();
    retiring.forEach(Pinger::stopSending);
  }

  /** Switches to new settings; a no-op when they are the same. */
  @Override
  public synchronized void update(PingSettings settings) {
    Current old = current;
    if (old.settings.equals(settings) || closed) {
      return;
    }
    current = new Current(Pinger.create(settings), settings, new AtomicInteger());
    if (sendingStopped) {
      current.pinger.stopSending();
    }
    if (old.inFlight.get() == 0) {
      old.pinger.close(); // a check finishing now closes it too; closing twice is harmless
    } else {
      retiring.add(old.pinger);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    current.pinger.close();
  }
}
