package dev.sitepulse.pinger.history;

import java.time.Duration;

/**
 * A target the history has seen, with the URL and group it had last.
 *
 * @param interval how often a watch checks it, as the last watch to check it recorded; null when
 *     none did (a history of a version before 2026-12-05)
 */
public record TargetInfo(String name, String url, String group, Duration interval) {}
