package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A check source that records every check it is asked for; answers UP at once, or holds the
 * answer until the test releases it.
 */
final class FakeChecks implements CheckSource {

  record Started(String target, CompletableFuture<CheckResult> result) {}

  final List<Started> started = new CopyOnWriteArrayList<>();
  private final Map<String, Boolean> held = new ConcurrentHashMap<>();
  volatile Verdict verdict = Verdict.UP;
  /** When set, what every check gives instead of a result of {@link #verdict}. */
  volatile BiFunction<Target, Instant, CheckResult> answer;

  /** From now on, checks of this target wait for {@link #release}. */
  void hold(String target) {
    held.put(target, true);
  }

  void release(String target) {
    held.remove(target);
    for (Started s : started) {
      if (s.target.equals(target) && !s.result.isDone()) {
        s.result.complete(result(s.target));
      }
    }
  }

  long count(String target) {
    return started.stream().filter(s -> s.target.equals(target)).count();
  }

  private CheckResult result(String name) {
    Target t = new Target(name, null, "http://127.0.0.1:9/" + name, null, null, null, null, 0, null);
    return Results.of(t, verdict, verdict == Verdict.UP ? 200 : 500, Instant.now(), 3);
  }

  @Override
  public CompletableFuture<CheckResult> check(Target target) {
    CompletableFuture<CheckResult> f = new CompletableFuture<>();
    started.add(new Started(target.name(), f));
    if (!held.containsKey(target.name())) {
      BiFunction<Target, Instant, CheckResult> a = answer;
      f.complete(a != null ? a.apply(target, Instant.now())
          : Results.of(target, verdict, verdict == Verdict.UP ? 200 : 500, Instant.now(), 3));
    }
    return f;
  }
}
