package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.Condition;
import dev.sitepulse.pinger.ConditionResult;
import dev.sitepulse.pinger.Observation;
import dev.sitepulse.pinger.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * What a target's conditions make of one response: each one's result, and the verdict, which is
 * the worst of their failures (DEGRADED for a condition that degrades, else DOWN), or UP.
 *
 * @param failure "condition failed: ..." for the first of the worst failures; null when all hold
 */
record Judgement(Verdict verdict, List<ConditionResult> results, String failure) {

  static Judgement of(List<Condition> conditions, Observation seen) {
    List<ConditionResult> results = new ArrayList<>(conditions.size());
    Verdict verdict = Verdict.UP;
    String failure = null;
    for (Condition condition : conditions) {
      ConditionResult r = shown(condition.evaluate(seen));
      results.add(r);
      if (!r.success()) {
        Verdict v = r.degrades() ? Verdict.DEGRADED : Verdict.DOWN;
        if (failure == null || v.compareTo(verdict) > 0) {
          failure = "condition failed: " + r.description();
        }
        verdict = verdict.worse(v);
      }
    }
    return new Judgement(verdict, results, failure);
  }

  /**
   * The result with the server's text in its description escaped as in the check's reason: a
   * value may hold escape codes, or half a surrogate pair (a JSON body's escape of U+D800 alone),
   * which written out again makes JSON that some parsers refuse.
   */
  private static ConditionResult shown(ConditionResult r) {
    String description = ServerText.escaped(r.description());
    return description.equals(r.description()) ? r
        : new ConditionResult(r.condition(), r.success(), description, r.degrades());
  }
}
