package dev.sitepulse.pinger.history;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch in which a target was not checked though it was before and after: a watch stopped and
 * started again, or the machine slept.
 *
 * @param last its last check before the stretch
 * @param next its first check after it
 * @param interval how often it was checked before the stretch (after it, when nothing came before)
 */
public record CheckGap(Instant last, Instant next, Duration interval) {}
