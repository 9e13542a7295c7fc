package dev.sitepulse.pinger.history;

import java.time.Instant;

/**
 * A target's state changed, e.g. from UP to DOWN. States are kept by name, so the store needs to
 * know nothing of how they are decided.
 *
 * @param at when the result that decided the change was taken
 * @param since when the run of results that made it began: where an outage really starts
 */
public record StateChangeRecord(String target, String from, String to, Instant at, Instant since)
    implements HistoryRecord {}
