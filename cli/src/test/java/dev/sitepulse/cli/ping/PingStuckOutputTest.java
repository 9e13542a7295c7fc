package dev.sitepulse.cli.ping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.testing.HeldStream;
import dev.sitepulse.cli.testing.StubServer;
import dev.sitepulse.pinger.format.ResultFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stop while stdout is not read (a paused pager): the output thread is held in a write, with
 * the stream's lock, and the run must still end, giving the output a bounded time.
 */
class PingStuckOutputTest {

  @RegisterExtension static WireMockExtension site = StubServer.empty();

  private final HeldStream held = new HeldStream(); // a stdout whose reader has stopped reading
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream systemOut;

  @BeforeEach
  void stubs() {
    site.stubFor(get("/ok").willReturn(ok("ok")));
    site.stubFor(get("/stuck").willReturn(aResponse().withStatus(200).withFixedDelay(60_000)));
    systemOut = System.out;
  }

  @AfterEach
  void letGo() {
    held.release();
    System.setOut(systemOut);
  }

  @Test
  void aStopWhileStdoutIsNotReadEndsAfterTheGraceSayingTheOutputWasCut() throws Exception {
    PrintStream out = new PrintStream(held, true, StandardCharsets.UTF_8);
    System.setOut(out); // as in the command, where out is System.out and main flushes it at exit
    CompletableFuture<String> stop = new CompletableFuture<>();
    CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> PingCommand.execute(
        run(), ResultFormat.JSONL, out, new PrintStream(err, true, StandardCharsets.UTF_8), stop, Duration.ofMillis(50)));
    assertThat(held.firstWrite.await(30, TimeUnit.SECONDS)).as("/ok's line is being written").isTrue();

    stop.complete("INT");

    assertThat(code.get(30, TimeUnit.SECONDS)).isEqualTo(130);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("sitepulse: stopped by SIGINT before 1 of 2 checks"
        + " finished; those are not reported; stdout was not read, and what was left of the output was cut\n");
    CompletableFuture<Void> flushed = CompletableFuture.runAsync(() -> System.out.flush());
    assertThat(flushed).as("a flush of System.out at exit does not wait for the reader either")
        .succeedsWithin(Duration.ofSeconds(30));
  }

  @Test
  void aStopWhileStdoutIsReadSlowlyStillWritesAllTheOutput() throws Exception {
    PrintStream out = new PrintStream(held, true, StandardCharsets.UTF_8);
    CompletableFuture<String> stop = new CompletableFuture<>();
    CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> PingCommand.execute(
        run(), ResultFormat.JSONL, out, new PrintStream(err, true, StandardCharsets.UTF_8), stop, Duration.ofMinutes(1)));
    assertThat(held.firstWrite.await(30, TimeUnit.SECONDS)).isTrue();

    stop.complete("INT");
    held.release(); // the reader reads again, long within the grace

    assertThat(code.get(30, TimeUnit.SECONDS)).isEqualTo(130);
    assertThat(held.written()).contains(StubServer.url(site, "/ok"));
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("sitepulse: stopped by SIGINT before 1 of 2 checks finished; those are not reported\n");
  }

  @Test
  void aStopWhileALineIsHalfWrittenWaitsForItsEndWithinTheGrace() throws Exception {
    NewlineHeld out = new NewlineHeld();
    CompletableFuture<String> stop = new CompletableFuture<>();
    CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> PingCommand.execute(
        run(), ResultFormat.JSONL, out, new PrintStream(err, true, StandardCharsets.UTF_8), stop, Duration.ofMillis(50)));
    assertThat(out.atNewline.await(30, TimeUnit.SECONDS)).as("/ok's line is written but its end").isTrue();

    stop.complete("INT");

    assertThat(code.get(30, TimeUnit.SECONDS)).isEqualTo(130);
    assertThat(err.toString(StandardCharsets.UTF_8)).as("the line was still under way when the grace ran out")
        .endsWith("; stdout was not read, and what was left of the output was cut\n");
  }

  /**
   * A stdout whose writer stops before the newline that ends a jsonl line, until the test ends: not
   * in a write, so without the stream's lock, as between two writes of one line.
   */
  private final class NewlineHeld extends PrintStream {
    final CountDownLatch atNewline = new CountDownLatch(1);

    NewlineHeld() {
      super(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
      if (b == '\n') {
        atNewline.countDown();
        held.awaitRelease();
      }
      super.write(b);
    }
  }

  private static PingRun run() {
    return PingRun.from(null, new PingRun.Overrides(Duration.ofSeconds(60), null, null, null, null, null, null, null, null, null, null),
        List.of(StubServer.url(site, "/ok"), StubServer.url(site, "/stuck")));
  }
}
