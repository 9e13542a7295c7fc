package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.cli.StopRequests.Request;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StopRequestsTest {

  private final AtomicLong now = new AtomicLong(7_000_000_000L);
  private final StopRequests requests = new StopRequests(now::get);

  @Test
  void theFirstSignalAsksForAGracefulStop() {
    assertThat(requests.next()).isEqualTo(Request.STOP);
  }

  @Test
  void aSignalDeliveredTwiceAtOnceAsTimeoutSendsItIsOneStopNotAQuit() {
    requests.next();
    now.addAndGet(40_000); // timeout(1) signals the command, then its process group

    assertThat(requests.next()).isEqualTo(Request.REPEAT);
  }

  @Test
  void aSecondSignalAQuarterSecondAfterTheFirstQuitsAtOnce() {
    requests.next();
    now.addAndGet(StopRequests.SAME_DELIVERY.toNanos());

    assertThat(requests.next()).isEqualTo(Request.QUIT);
    assertThat(requests.next()).as("and so does any after it").isEqualTo(Request.QUIT);
  }

  @Test
  void aSignalAfterTheStopWasAnnouncedQuitsAtOnceHoweverSoon() {
    requests.next();
    requests.announced(); // "stopping …; a second signal exits at once"
    now.addAndGet(5_000_000);

    assertThat(requests.next()).isEqualTo(Request.QUIT);
  }

  @Test
  void theLineAfterAStopNamesCtrlCOnlyWhereCtrlCCanStillQuit() {
    assertThat(requests.whatQuitsAtOnce("INT")).isEqualTo("Ctrl-C again quits at once");
    assertThat(requests.whatQuitsAtOnce("TERM")).isEqualTo("a second SIGTERM, or Ctrl-C, quits at once");

    requests.ignoredAtStart("INT"); // a script's job run with &

    assertThat(requests.whatQuitsAtOnce("TERM")).isEqualTo("a second SIGTERM quits at once");
  }
}
