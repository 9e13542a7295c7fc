package dev.sitepulse.cli.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.testing.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `sitepulse links` (in-process) on a few pages stubbed for each case. */
class LinksCommandTest {

  @RegisterExtension static WireMockExtension site = StubServer.empty();

  private static void page(String path, String body) {
    site.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>\n" + body + "\n</body></html>")));
  }

  private static CommandLineRun links(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "links";
    all[1] = "--delay";
    all[2] = "0";
    System.arraycopy(args, 0, all, 3, args.length);
    return CommandLineRun.of(all);
  }

  @Test
  void aFragmentThatIsAStrayPercentIsReportedAsAMissingAnchorNotAFailedCheck() {
    page("/pct.html", "<p id=\"here\">x</p>\n<a href=\"#%\">bad escape</a>\n<a href=\"#here\">fine</a>");

    CommandLineRun run = links("--check-anchors", StubServer.url(site, "/pct.html"));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).as(run.toString())
        .contains("BROKEN  " + StubServer.url(site, "/pct.html#%") + "\n        missing anchor #%\n")
        .contains("1 broken");
    assertThat(run.err()).isEmpty();
  }
}
