package dev.sitepulse.crawler;

import java.time.Duration;

/**
 * The wait between a host's fetches (its Crawl-delay, or --delay) that holds the whole crawl at one
 * moment, nothing else being fetched or due sooner: what a run's progress says while it waits, lest
 * a quiet line read as a hang, as {@link HostsHeldBack} does for a 429 or 503.
 *
 * @param origin scheme://host:port of the host whose next fetch the crawl waits for
 * @param crawlDelay whether its robots.txt Crawl-delay set the wait, or else the crawl's --delay
 * @param left how long the wait has to go from the moment taken
 */
public record PolitenessWait(String origin, boolean crawlDelay, Duration left) {}
