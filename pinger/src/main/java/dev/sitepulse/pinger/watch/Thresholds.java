package dev.sitepulse.pinger.watch;

/**
 * How many consecutive results it takes to change a target's state: {@code failures} worse ones
 * (UP to DEGRADED or DOWN), {@code successes} better ones (DOWN back to UP). One odd result never
 * raises an alarm, which is the whole point against flapping.
 */
public record Thresholds(int failures, int successes) {

  public static final Thresholds DEFAULT = new Thresholds(3, 2);

  public Thresholds {
    if (failures < 1 || successes < 1) {
      throw new IllegalArgumentException(
          "thresholds must be at least 1, got failures " + failures + " and successes " + successes);
    }
  }
}
