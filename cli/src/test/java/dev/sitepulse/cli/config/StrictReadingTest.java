package dev.sitepulse.cli.config;

import static dev.sitepulse.cli.config.ConfigErrors.FILE;
import static dev.sitepulse.cli.config.ConfigErrors.assertConfigError;

import org.junit.jupiter.api.Test;

/** What YAML lets through but a config must not: keys given twice, numbers out of range. */
class StrictReadingTest {

  @Test
  void aKeyGivenTwiceInATargetIsRejectedAtItsSecondLine() {
    assertConfigError("""
        targets:
          - name: a
            url: http://127.0.0.1/
            name: b
        """).isEqualTo(FILE + ":4:5: targets[0].name (target \"b\"): given twice (first on line 2)");
  }

  @Test
  void aHeaderGivenTwiceIsRejected() {
    assertConfigError("""
        defaults:
          headers:
            Accept: text/html
            Accept: "*/*"
        """).isEqualTo(FILE + ":4:5: defaults.headers.Accept: given twice (first on line 3)");
  }

  @Test
  void aSectionGivenTwiceIsRejected() {
    assertConfigError("""
        defaults:
          timeout: 1s
        defaults:
          retries: 1
        """).isEqualTo(FILE + ":3:1: defaults: given twice (first on line 1)");
  }

  @Test
  void aNumberTooLargeForItsKeyNamesTheKeyAndTheNumber() {
    assertConfigError("""
        defaults:
          concurrency: 99999999999
        """).isEqualTo(FILE + ":2:16: defaults.concurrency: 99999999999 is too large");
  }

  @Test
  void aNumberTooLargeAnywhereIsRejectedTheSameWay() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
            retries: -99999999999
        """).isEqualTo(FILE + ":3:14: targets[0].retries: -99999999999 is too small");
    assertConfigError("""
        crawl:
          max-pages: 1000000000000000000000
        """).isEqualTo(FILE + ":2:14: crawl.max-pages: 1000000000000000000000 is too large");
  }
}
