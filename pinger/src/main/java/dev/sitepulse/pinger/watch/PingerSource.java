package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Pinger;
import dev.sitepulse.pinger.Target;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Checks through one long-lived {@link Pinger}, so watch shares ping's per-host rate limits and
 * global concurrency limit across every target. When a reload changes those settings, a new Pinger
 * takes over and the old one is closed once its last check is done.
 *
 * <p>{@link #check} runs on the watch's event loop, so the lock it takes is only ever held to read
 * or replace {@code current}: a new Pinger (thread pools, an HTTP client) is built before it is
 * taken, and pingers are stopped and closed after it is released. One exception: a reload after
 * {@link #stopSending} stops its new Pinger inside the lock, as it becomes {@code current}, so no
 * check can send through it first; that is quick, since nothing was sent through it yet.
 */
public final class PingerSource implements CheckSource, AutoCloseable {

  private record Current(Pinger pinger, PingSettings settings, AtomicInteger inFlight) {}

  private final Function<PingSettings, Pinger> pingers;
  private volatile Current current;
  private volatile boolean closed;
  /** Pingers a reload replaced while they still had checks under way. */
  private final Set<Pinger> retiring = ConcurrentHashMap.newKeySet();
  private volatile boolean sendingStopped;

  public PingerSource(PingSettings settings) {
    this(settings, Pinger::create);
  }

  /** For tests: {@code pingers} builds each Pinger, the first and a reload's. */
  PingerSource(PingSettings settings, Function<PingSettings, Pinger> pingers) {
    this.pingers = pingers;
    this.current = new Current(pingers.apply(settings), settings, new AtomicInteger());
  }

  /** The settings checks are sent with now: a reload's once it changed them. */
  PingSettings settings() {
    return current.settings;
  }

  @Override
  public CompletableFuture<CheckResult> check(Target target) {
    Current c;
    synchronized (this) { // so update() cannot retire this pinger between the two lines, and close it
      c = current;
      c.inFlight.incrementAndGet();
    }
    CompletableFuture<CheckResult> result;
    try {
      result = c.pinger.check(target);
    } catch (RuntimeException e) { // counted all the same, or a pinger a reload retires is never closed
      ended(c);
      throw e;
    }
    return result.whenComplete((r, e) -> ended(c));
  }

  /** A check of {@code c}'s pinger is over: the last one of a pinger a reload retired closes it. */
  private void ended(Current c) {
    if (c.inFlight.decrementAndGet() == 0 && c != current) {
      retiring.remove(c.pinger);
      c.pinger.close();
    }
  }

  @Override
  public Map<String, Boolean> circuitsHeldBack() {
    return current.pinger.circuitsHeldBack(); // a reload's new pinger starts with every circuit closed
  }

  @Override
  public void stopSending() {
    List<Pinger> sending;
    synchronized (this) { // a reload after this stops its new pinger; one before left it here
      sendingStopped = true;
      sending = Stream.concat(Stream.of(current.pinger), retiring.stream()).toList();
    }
    sending.forEach(Pinger::stopSending); // may end checks, whose callbacks may close retired pingers
  }

  /** Switches to new settings; a no-op when they are the same. */
  @Override
  public void update(PingSettings settings) {
    if (current.settings.equals(settings) || closed) {
      return;
    }
    Pinger fresh = pingers.apply(settings);
    Current old;
    synchronized (this) {
      old = current;
      if (old.settings.equals(settings) || closed) { // another update or a close came first
        old = null;
      } else {
        current = new Current(fresh, settings, new AtomicInteger());
        if (sendingStopped) {
          fresh.stopSending(); // quick: nothing was sent through it yet, so there is no check to end
        }
        // Listed before its checks are counted below, so that whichever ends last, a check or this
        // update, takes it off the list: a pinger closed by its last check is not kept here.
        retiring.add(old.pinger);
      }
    }
    if (old == null) {
      fresh.close();
    } else if (old.inFlight.get() == 0) { // no check can take it up any more
      retiring.remove(old.pinger);
      old.pinger.close(); // a check finishing now closes it too; closing twice is harmless
    }
  }

  @Override
  public void close() {
    Pinger last;
    synchronized (this) {
      closed = true;
      last = current.pinger;
    }
    last.close();
  }
}
