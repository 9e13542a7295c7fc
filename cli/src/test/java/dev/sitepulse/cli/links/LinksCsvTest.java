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

  @Test
  void aBrokenSeedThatNoPageLinksToStillHasItsRowWithAnEmptyPage() {
    // `links http://127.0.0.1:1/` exits 2; its CSV held the header alone.
    BrokenLink seed = new BrokenLink("http://127.0.0.1:1/", 0, "CONNECT_REFUSED",
        "CONNECT_REFUSED: connection refused by 127.0.0.1:1", List.of(), false, List.of());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LinksCsv.write(new LinkReport(1, 0, 0, 1, 0, 0, 0, List.of(seed)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8).split("\r\n")).containsExactly(
        "target,status,error_kind,problem,external,redirect_chain,page,line,anchor_text,embedded_as",
        "http://127.0.0.1:1/,0,CONNECT_REFUSED,CONNECT_REFUSED: connection refused by 127.0.0.1:1,false,,,,,");
  }

  @Test
  void aLinkThatIsNoUrlLosesItsControlCharactersAsAnchorTextDoes() {
    BrokenLink bad = new BrokenLink("http://exa mple.com/\u001b]52;c;ZXZpbA==\u0007", 0, "INVALID_URL",
        "INVALID_URL: the URL is not a valid URL", List.of(), false, List.of(new Referrer("http://h/a", "bad", 8)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LinksCsv.write(new LinkReport(1, 1, 0, 1, 0, 0, 0, List.of(bad)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\r\nhttp://exa mple.com/ ]52;c;ZXZpbA== ,0,INVALID_URL,")
        .doesNotContain("\u001b", "\u0007");
  }
}
