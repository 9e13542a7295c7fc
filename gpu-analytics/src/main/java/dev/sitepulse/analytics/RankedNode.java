package dev.sitepulse.analytics;

/** One of the top-ranked nodes of a PageRank run. */
public record RankedNode(int node, double rank, int inDegree) {}
