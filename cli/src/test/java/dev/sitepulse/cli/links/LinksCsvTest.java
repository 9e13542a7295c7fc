package dev.sitepulse.cli.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.links.BrokenLink;
import dev.sitepulse.crawler.links.LinkReport;
import dev.sitepulse.crawler.links.Referrer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV a spreadsheet opens: a hostile page's text must not become a formula or an escape. */
class LinksCsvTest {

  @Test
  void anchorTextThatWouldBeAFormulaIsQuotedAndControlCharactersGo() {
    BrokenLink broken = new BrokenLink("http://h/gone", 404, null, "404 Not Found", List.of(), false, List.of(
        new Referrer("http://h/a", "=HYPERLINK(\"http://evil\")", 1), new Referrer("http://h/b", "red\u001b[31m text", 2),
        new Referrer("http://h/c", "-> next", 3)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LinksCsv.write(new LinkReport(3, 3, 0, 1, 0, 0, 0, List.of(broken)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String csv = bytes.toString(StandardCharsets.UTF_8);
    assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",\r\n", ",red [31m text,\r\n", ",'-> next,\r\n")
        .doesNotContain("\u001b");
  }
}
