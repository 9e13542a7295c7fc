package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import java.util.List;

/** What handling one HTML page on a worker means for the frontier and the counters. */
record PageOutcome(List<QueuedUrl> followable, boolean indexed, boolean duplicate, int skippedLinks) {}
