package dev.sitepulse.cli.report;

import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.TargetHistory;
import java.util.Map;

/**
 * How many of a target's checks reached it (UP or DEGRADED). Kept as counts rather than a share,
 * so that 57 of 100 checks print as 57%: {@code Math.floor(0.57 * 10000)} is 5699.
 *
 * @param checks every check, those its host's open circuit held back among them: a circuit opens
 *     once its host and port could not be reached by its last checks, so a check it holds back is
 *     taken to fail as they did, for availability as for the target's state
 * @param heldBack of the checks, those its host's open circuit held back (CIRCUIT_OPEN), never sent
 * @param notStarted checks sitepulse could not start (NOT_STARTED), not among {@code checks}: they
 *     stand for nothing the target did ({@link ErrorKind#counts})
 */
public record Availability(long reached, long checks, long heldBack, long notStarted) {

  static final Availability NO_CHECKS = new Availability(0, 0);

  public Availability {
    if (reached < 0 || reached > checks || heldBack < 0 || heldBack > checks || notStarted < 0) {
      throw new IllegalArgumentException(reached + " of " + checks + " checks, " + heldBack + " held back, "
          + notStarted + " not started");
    }
  }

  /** Of checks that were all sent. */
  public Availability(long reached, long checks) {
    this(reached, checks, 0, 0);
  }

  /**
   * Of the checks of a target in a window: held-back ones counted among them and apart, those not
   * started apart. Held back are ERRORs too, as watch writes them, so no more than the ERRORs left
   * once those not started are taken off: a history edited by hand may give another verdict that
   * kind, and a check that says UP is not also one held back, taken to fail.
   */
  static Availability of(TargetHistory h) {
    long notStarted = notCounted(h);
    long heldBack = Math.min(h.errorKinds().getOrDefault(ErrorKind.CIRCUIT_OPEN, 0L),
        h.count(Verdict.ERROR) - notStarted);
    return new Availability(h.count(Verdict.UP) + h.count(Verdict.DEGRADED), h.checks() - notStarted, heldBack,
        notStarted);
  }

  /**
   * How many of a target's checks count for nothing ({@link ErrorKind#counts}): all of them ERRORs,
   * so no more than those; a history edited by hand may give another verdict such a kind.
   */
  static long notCounted(TargetHistory h) {
    long kinds = h.errorKinds().entrySet().stream().filter(e -> !e.getKey().counts()).mapToLong(Map.Entry::getValue).sum();
    return Math.min(kinds, h.count(Verdict.ERROR));
  }

  public boolean known() {
    return checks > 0;
  }

  /** 0..1; only for a known availability. */
  public double share() {
    return (double) reached / checks;
  }

  /** The double nearest the exact percentage: one rounding, in the division. */
  public double percent() {
    return reached * 100.0 / checks;
  }

  /** Whole hundredths of a percent, rounded down, so 99.999% never shows as 100%. */
  long hundredthsOfAPercentDown() {
    return reached * 10_000 / checks;
  }

  Availability plus(Availability other) {
    return new Availability(reached + other.reached, checks + other.checks, heldBack + other.heldBack,
        notStarted + other.notStarted);
  }
}
