package dev.sitepulse.crawler.search;

/** A matched span of a snippet: {@code snippet.substring(start, end)}, in chars. */
public record Highlight(int start, int end) {}
