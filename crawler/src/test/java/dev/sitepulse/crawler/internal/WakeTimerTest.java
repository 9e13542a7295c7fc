package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WakeTimerTest {

  private static final long NOW = 5_000_000_000L;
  private static final long MS = 1_000_000;

  private final RecordingTimers timers = new RecordingTimers();
  private int wakes;
  private final WakeTimer wakeTimer = new WakeTimer(timers, () -> wakes++);

  @Test
  void noTimerIsSetWhenNoHostWaitsOnTime() {
    wakeTimer.schedule(-1, NOW);

    assertThat(timers.events).isEmpty();
  }

  @Test
  void theTimerIsSetForTheDueTimeRoundedUpToAWholeMillisecondAndAtLeastOne() {
    wakeTimer.schedule(NOW + 1_500_000, NOW);
    timers.fire(0);
    wakeTimer.schedule(NOW, NOW);
    timers.fire(1);
    wakeTimer.schedule(NOW - 10 * MS, NOW);

    assertThat(timers.events).containsExactly("set 0 in 2 ms", "set 1 in 1 ms", "set 2 in 1 ms");
  }

  @Test
  void aLaterOrEqualDueTimeKeepsTheTimerAlreadySet() {
    wakeTimer.schedule(NOW + 100 * MS, NOW);
    wakeTimer.schedule(NOW + 100 * MS, NOW + 10 * MS);
    wakeTimer.schedule(NOW + 60_000 * MS, NOW + 20 * MS);

    assertThat(timers.events).containsExactly("set 0 in 100 ms");
  }

  @Test
  void aSoonerDueTimeReplacesTheLaterTimer() {
    wakeTimer.schedule(NOW + 60_000 * MS, NOW);
    wakeTimer.schedule(NOW + 30 * MS, NOW + 10 * MS);

    assertThat(timers.events).containsExactly("set 0 in 60000 ms", "cancel 0", "set 1 in 20 ms");
  }

  @Test
  void theTimerThatFiresWakesTheLoopAndTheNextDueTimeSetsANewOne() {
    wakeTimer.schedule(NOW + 100 * MS, NOW);
    timers.fire(0);
    wakeTimer.schedule(NOW + 500 * MS, NOW + 100 * MS);

    assertThat(wakes).isEqualTo(1);
    assertThat(timers.events).containsExactly("set 0 in 100 ms", "set 1 in 400 ms");
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
    public void cancel(long id) {
      events.add("cancel " + id);
      pending.remove(id);
    }

    void fire(long id) {
      pending.remove(id).run();
    }
  }
}
