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

/** The table a person reads: one block per broken target, whatever the pages put in their links. */
class LinksTableTest {

  private static String table(Referrer... referrers) {
    BrokenLink broken = new BrokenLink("http://h/gone", 404, null, "404 Not Found", List.of(), false, List.of(referrers));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LinksTable.write(new LinkReport(1, referrers.length, 0, 1, 0, 0, 0, List.of(broken)),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anAnchorTextOfAHundredKilobytesIsCutToALineWithAnEllipsis() {
    // A link around a whole article made one "from" line of 100 KB; json and csv keep it whole.
    String table = table(new Referrer("http://h/a", "A".repeat(100_000), 6));

    String from = table.lines().filter(l -> l.startsWith("        from ")).findFirst().orElseThrow();
    assertThat(from).startsWith("        from http://h/a:6  \"AAAA").endsWith("A…\"");
    assertThat(from.length()).isLessThanOrEqualTo("        from http://h/a:6  \"\"".length() + 120);
  }

  @Test
  void anAnchorTextThatFitsIsShownWholeOnOneLine() {
    assertThat(table(new Referrer("http://h/a", "old\ncredits  page", 28)))
        .contains("        from http://h/a:28  \"old credits page\"\n");
  }

  @Test
  void aLinkThatIsNoUrlKeepsItsEscapeCodesOffTheTerminal() {
    // The crawl keeps such a link as written (http://exa mple.com/ is no URL), control characters
    // and all: ESC [2J cleared the screen, backspaces rubbed out the URL before them.
    BrokenLink bad = new BrokenLink("http://exa mple.com/\u001b[2J\b\b", 0, "INVALID_URL",
        "INVALID_URL: the URL is not a valid URL", List.of(), false, List.of(new Referrer("http://h/a", "bad", 8)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LinksTable.write(new LinkReport(1, 1, 0, 1, 0, 0, 0, List.of(bad)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("BROKEN  http://exa mple.com/ [2J\n")
        .doesNotContain("\u001b", "\b");
  }

  @Test
  void aUrlOf100000CharsIsShownCutInItsMiddleAsThePageThatLinksIt() {
    String target = "http://h/x/" + "a".repeat(100_000) + "/end";
    String page = "http://h/p/" + "b".repeat(5_000) + ".html";
    BrokenLink bad = new BrokenLink(target, 404, null, "404 Not Found", List.of(), false,
        List.of(new Referrer(page, "long", 3)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LinksTable.write(new LinkReport(1, 1, 0, 1, 0, 0, 0, List.of(bad)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines[0]).startsWith("BROKEN  http://h/x/aaa").endsWith("aaa/end").contains("…").hasSize(8 + 200);
    assertThat(lines[2]).startsWith("        from http://h/p/bbb").endsWith("bbb.html:3  \"long\"").hasSizeLessThan(250);
  }
}
