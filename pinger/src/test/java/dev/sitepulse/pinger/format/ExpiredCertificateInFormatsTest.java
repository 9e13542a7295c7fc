package dev.sitepulse.pinger.format;

import static dev.sitepulse.pinger.format.SampleResults.STARTED;
import static dev.sitepulse.pinger.format.SampleResults.TLS;
import static dev.sitepulse.pinger.format.SampleResults.attempt;
import static dev.sitepulse.pinger.format.SampleResults.ms;
import static dev.sitepulse.pinger.format.SampleResults.output;
import static dev.sitepulse.pinger.format.SampleResults.result;
import static dev.sitepulse.pinger.format.SampleResults.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.Condition;
import dev.sitepulse.pinger.ConditionResult;
import dev.sitepulse.pinger.Observation;
import dev.sitepulse.pinger.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A certificate that expired 2166 days ago reads as that many days gone by in every format that
 * shows a failed condition, as one still valid reads as the time it has left, not as raw ms.
 */
class ExpiredCertificateInFormatsTest {

  private static final String SHOWN = "[CERTIFICATE_EXPIRATION] (-187142490000 = -2166d1m30s) > 1d";

  private static CheckResult expired() {
    Observation seen = new Observation(200, 10, "", false, Map.of(),
        STARTED.minus(Duration.ofDays(2166)).minusSeconds(90), true, "192.0.2.1", STARTED);
    ConditionResult c = Condition.parse("[CERTIFICATE_EXPIRATION] > 1d").evaluate(seen);
    String url = "https://old.example/";
    return result(target("old", "", url),
        attempt(url, Verdict.DEGRADED, null, "condition failed: " + c.description(), 200, ms(10), 0, TLS, c));
  }

  @Test
  void theTableJsonAndNagiosShowTheExpiryAsANegativeDuration() {
    assertThat(output(out -> new TableWriter(out, false), List.of(expired()))).contains(SHOWN);
    assertThat(output(out -> new JsonWriter(out, false), List.of(expired())))
        .contains("\"description\" : \"" + SHOWN.replace("\"", "\\\"") + "\"")
        .contains("\"message\" : \"condition failed: " + SHOWN + "\"");
    assertThat(output(NagiosWriter::new, List.of(expired()))).contains(SHOWN);
  }
}
