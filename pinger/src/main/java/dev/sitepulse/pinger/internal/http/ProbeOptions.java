package dev.sitepulse.pinger.internal.http;

/** The part of the pinger's settings that shapes a single exchange. */
record ProbeOptions(long maxBodyBytes, int maxRedirects, boolean reuseConnections, String userAgent) {}
