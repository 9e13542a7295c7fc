package dev.sitepulse.pinger;

/**
 * One request and response of a check. A check that follows redirects has one hop per URL in
 * the chain; {@code status} is 0 where no response arrived.
 */
public record Hop(String url, int status, String location, Phases phases) {}
