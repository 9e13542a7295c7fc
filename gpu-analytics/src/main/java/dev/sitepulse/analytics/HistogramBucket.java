package dev.sitepulse.analytics;

/**
 * One bucket of a log-scale latency histogram: {@code count} values in {@code [fromMs, toMs)}.
 */
public record HistogramBucket(double fromMs, double toMs, long count) {}
