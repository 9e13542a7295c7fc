package dev.sitepulse.pinger;

import static dev.sitepulse.pinger.Checks.check;
import static dev.sitepulse.pinger.Checks.withConditions;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A condition's description quotes what the server sent, as the check's reason does. */
class ConditionDescriptionsTest {

  @Test
  void aValueWithEscapeCodesALoneSurrogateOrANulIsEscapedInTheDescriptionAsInTheReason() throws Exception {
    // JSON's \ud800 reads as half a character: written out again, it is JSON some parsers refuse
    // (serde_json), and a description with ESC [2J cleared the terminal of whoever printed it.
    String body = "{\"status\": \"\\u001b[2J \\ud800 \\u0000\"}";
    try (RawServer server = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length() + "\r\n\r\n" + body)) {
      CheckResult r = check(withConditions(server.url("/"), "[BODY].status == UP"));

      String described = "[BODY].status (\\x1b[2J \\ud800 \\x00) == UP";
      assertThat(r.message()).isEqualTo("condition failed: " + described);
      assertThat(r.last().conditions()).singleElement()
          .satisfies(c -> assertThat(c.description()).isEqualTo(described));
    }
  }
}
