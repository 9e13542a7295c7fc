package dev.sitepulse.cli.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.crawler.links.LinkReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A link check whose crawl (warc: true) could not archive every response ends as crawl does: exit 2, saying why. */
class LinksWarcLossTest {

  private static final String FULL = "/x/warc/crawl-2030-01-02T12-00-00Z.warc.gz: No space left on device";

  @Test
  void aCheckWithNoBrokenLinkWhoseWarcLacksResponsesSaysSoAndExits2() {
    LinkReport report = new LinkReport(3, 2, 0, 3, 0, 0, 0, List.of()).notArchiving(2, FULL);
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = LinksCommand.exitCode(report, null, new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(ExitCode.CRITICAL);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("sitepulse: warc: 2 responses not archived: " + FULL + "\n");
  }

  @Test
  void aCheckWhoseWarcHoldsEveryResponsePassesWithoutAWord() {
    LinkReport report = new LinkReport(3, 2, 0, 3, 0, 0, 0, List.of()).notArchiving(0, null);
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = LinksCommand.exitCode(report, null, new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(ExitCode.OK);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
