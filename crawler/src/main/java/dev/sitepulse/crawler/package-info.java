/**
 * The crawler: a Vert.x event-loop frontier, polite per host, feeding a Lucene index. Built on the
 * pinger's HTTP engine; see docs/architecture.md.
 */
package dev.sitepulse.crawler;
