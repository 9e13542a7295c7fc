package dev.sitepulse.crawler.links;

/** A page that links to a target: where, and with what anchor text. */
public record Referrer(String page, String anchorText, int line) {}
