package dev.sitepulse.pinger.history;

import java.time.Duration;
import java.time.Instant;

/**
 * When a check began and how long it took (its last attempt's total time), which together say when
 * a watch could check the target next: a check that outlasts the interval delays the next.
 */
public record CheckTime(Instant at, Duration took) {}
