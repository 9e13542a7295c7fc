package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A seed written without http:// is still a usage error, which says what was probably meant. */
class SeedWithoutSchemeTest {

  @TempDir Path data;

  @Test
  void aCrawlSeedWithoutItsSchemeAsksWhetherHttpWasMeant() {
    CommandLineRun run = CommandLineRun.of("crawl", "--data", data.toString(), "127.0.0.1:8941/");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo(
        "sitepulse: seed is not an http(s) URL: 127.0.0.1:8941/ (did you mean http://127.0.0.1:8941/?)\n");
  }

  @Test
  void aLinkCheckSeedWithoutItsSchemeAsksTheSame() {
    CommandLineRun run = CommandLineRun.of("links", "docs.python.org/3/");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo(
        "sitepulse: seed is not an http(s) URL: docs.python.org/3/ (did you mean http://docs.python.org/3/?)\n");
  }

  @Test
  void aSeedOfAnotherSchemeIsNotGivenOne() {
    CommandLineRun run = CommandLineRun.of("crawl", "--data", data.toString(), "ftp://x/");

    assertThat(run.err()).isEqualTo("sitepulse: seed is not an http(s) URL: ftp://x/\n");
  }
}
