package dev.sitepulse.crawler;

import java.time.Duration;
import java.time.Instant;

/**
 * The hosts a 429 or 503 holds back at one moment, by the one held the longest: what a run's
 * progress says while it waits on a host, lest a quiet line read as a hang.
 *
 * @param origin scheme://host:port of the host held back the longest
 * @param status the answer that holds it back, 429 or 503
 * @param retryAfter whether its server said how long (Retry-After), or else the crawl chose (2 s, 4 s …)
 * @param until when the host may be asked again
 * @param left how long that was from the moment taken
 * @param hosts how many hosts are held back so, this one among them
 */
public record HostsHeldBack(String origin, int status, boolean retryAfter, Instant until, Duration left, int hosts) {}
