/**
 * Batch analytics over primitive arrays (CSR graphs, fingerprints, latencies), with an OpenCL
 * backend and an exact pure-Java one. Knows nothing of HTTP or storage; see docs/architecture.md.
 */
package dev.sitepulse.analytics;
