package dev.sitepulse.pinger;

import java.time.Instant;
import java.util.Map;

/**
 * What a condition can see of one check: the final response after redirects.
 *
 * @param status the final HTTP status, 0 when no response arrived
 * @param responseTimeMillis the whole check, redirects and body included
 * @param body the body as text, at most max-body bytes of it; null when it was not read
 * @param bodyTruncated whether the body went on past max-body, so that {@code body} is its start
 * @param headers the final response headers, looked up without regard to case
 * @param certificateNotAfter expiry of the leaf certificate, null for plain HTTP
 * @param connected whether a connection to the server was established
 * @param ip the address connected to, null when none
 * @param now the time the observation was made, for certificate expiry
 */
public record Observation(
    int status,
    long responseTimeMillis,
    String body,
    boolean bodyTruncated,
    Map<String, String> headers,
    Instant certificateNotAfter,
    boolean connected,
    String ip,
    Instant now) {}
