package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WakeTimerTest {

  private static final long NOW = 5_000_000_000L;
  private static final long MS = 1_000_000;

  private final RecordingTimers timers = new RecordingTimers();
  private int wakes;
  private final WakeTimer wakeTimer = new WakeTimer(timers, () -> wakes++);

  @Test
  void noTimerIsSetWhenNoHostWaitsOnTime() {
    wakeTimer.schedule(OptionalLong.empty(), NOW);

    assertThat(timers.events).isEmpty();
  }

  @Test
  void theTimerIsSetForTheDueTimeRoundedUpToAWholeMillisecondAndAtLeastOne() {
    schedule(NOW + 1_500_000, NOW);
    timers.fire(0);
    schedule(NOW, NOW);
    timers.fire(1);
    schedule(NOW - 10 * MS, NOW);

    assertThat(timers.events).containsExactly("set 0 in 2 ms", "set 1 in 1 ms", "set 2 in 1 ms");
  }

  @Test
  void aLaterOrEqualDueTimeKeepsTheTimerAlreadySet() {
    schedule(NOW + 100 * MS, NOW);
    schedule(NOW + 100 * MS, NOW + 10 * MS);
    schedule(NOW + 60_000 * MS, NOW + 20 * MS);

    assertThat(timers.events).containsExactly("set 0 in 100 ms");
  }

  @Test
  void aSoonerDueTimeReplacesTheLaterTimer() {
    schedule(NOW + 60_000 * MS, NOW);
    schedule(NOW + 30 * MS, NOW + 10 * MS);

    assertThat(timers.events).containsExactly("set 0 in 60000 ms", "cancel 0", "set 1 in 20 ms");
  }

  @Test
  void theTimerThatFiresWakesTheLoopAndTheNextDueTimeSetsANewOne() {
    schedule(NOW + 100 * MS, NOW);
    timers.fire(0);
    schedule(NOW + 500 * MS, NOW + 100 * MS);

    assertThat(wakes).isEqualTo(1);
    assertThat(timers.events).containsExactly("set 0 in 100 ms", "set 1 in 400 ms");
  }

  @Test
  void aDueTimeBelowZeroIsATimeLikeAnyOther() {
    long now = -5_000_000_000L; // System.nanoTime() may be negative

    schedule(now + 100 * MS, now);

    assertThat(timers.events).containsExactly("set 0 in 100 ms");
  }

  @Test
  void aDueTimePastLongMaxValueIsLaterThanOneBeforeIt() {
    long now = Long.MAX_VALUE - 50 * MS;
    schedule(now + 30 * MS, now);

    schedule(now + 100 * MS, now); // wraps below zero, and is still the later

    assertThat(timers.events).containsExactly("set 0 in 30 ms");
  }

  private void schedule(long due, long now) {
    wakeTimer.schedule(OptionalLong.of(due), now);
  }

  /** Ids from 0, as Vert.x gives them; fires only when told to. */
  private static final class RecordingTimers implements WakeTimer.Timers {
    final List<String> events = new ArrayList<>();
    final Map<Long, Runnable> pending = new LinkedHashMap<>();
    long nextId;

    @Override
    public long set(long delayMs, Runnable fired) {
      long id = nextId++;
      events.add("set " + id + " in " + delayMs + " ms");
      pending.put(id, fired);
      return id;
    }

    @Override
    public boolean cancel(long id) {
      events.add("cancel " + id);
      return pending.remove(id) != null;
    }

    void fire(long id) {
      pending.remove(id).run();
    }
  }
}
