package dev.sitepulse.crawler.search;

/** Where a matched term sits in a snippet: characters [start, end). */
public record Highlight(int start, int end) {}
