package dev.sitepulse.cli.report;

import java.time.Instant;

/**
 * A stretch of the report's window a target spent in one state (UP, DEGRADED, DOWN or UNKNOWN),
 * clipped to the window: what the incident timeline draws.
 */
public record StatePeriod(String state, Instant start, Instant end) {}
