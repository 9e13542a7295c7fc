package dev.sitepulse.crawler;

/** Which URLs a crawl may follow, relative to its seeds. */
public enum Scope {
  /** The exact host and port of a seed (the default). */
  HOST,
  /** The registered domain of a seed, subdomains included (docs.example.com → *.example.com). */
  DOMAIN,
  /** URLs under a seed's directory: https://example.com/docs/index.html → https://example.com/docs/. */
  PREFIX,
  /** URLs matching --scope-regex. */
  REGEX
}
