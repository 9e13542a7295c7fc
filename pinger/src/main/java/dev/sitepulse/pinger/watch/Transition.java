package dev.sitepulse.pinger.watch;

import java.time.Instant;

/**
 * A change of state that a run of results completed.
 *
 * @param at when the deciding result was taken
 * @param since when the run of results that made the change began: the real start of an outage
 * @param previousSince when the state that ended began, null when it was never decided
 */
public record Transition(State from, State to, Instant at, Instant since, Instant previousSince) {}
