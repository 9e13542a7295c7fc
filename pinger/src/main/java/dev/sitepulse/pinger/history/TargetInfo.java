package dev.sitepulse.pinger.history;

/** A target the history has seen, with the URL and group it had last. */
public record TargetInfo(String name, String url, String group) {}
