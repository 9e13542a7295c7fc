package dev.sitepulse.pinger.format;

import dev.sitepulse.pinger.Attempt;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.ConditionResult;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Hop;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.RunSummary;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.TlsInfo;
import dev.sitepulse.pinger.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Hand-built results covering every verdict, TLS, redirects, retries and awkward text. */
final class SampleResults {

  static final Instant STARTED = Instant.parse("2025-03-01T12:00:00Z");
  static final Instant NOT_AFTER = Instant.parse("2025-06-30T23:59:59Z");
  static final TlsInfo TLS =
      new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256", "CN=api.example.com", "CN=Example CA", NOT_AFTER);

  static final String SHOP_NAME = "shop, \"main\"";
  static final String DOWN_MESSAGE = "[STATUS] (503) == 200 failed\nbody: \"maintenance\", back soon";

  /** dns 1.234567 ms, connect 2, tls 10.5, processing 8, transfer 0.3, total 25. */
  static final Phases API_PHASES = new Phases(1_234_567, 2_000_000, 10_500_000, 8_000_000, 300_000, 25_000_000);

  static final CheckResult API =
      result(target("api", "core", "https://api.example.com/health"),
          attempt("https://api.example.com/health", Verdict.UP, null, "all 1 conditions held", 200, API_PHASES, 659, TLS,
              new ConditionResult("[STATUS] == 200", true, "[STATUS] (200) == 200", false)));

  static final CheckResult SHOP =
      result(target(SHOP_NAME, "web", "https://shop.example.com/"),
          attempt("https://shop.example.com/", Verdict.DEGRADED, null, "response time 250 ms, over 100 ms", 200, ms(250), 1024, null,
              new ConditionResult("[RESPONSE_TIME] < 100", false, "[RESPONSE_TIME] (250) < 100", true)));

  static final CheckResult STATUS_PAGE =
      result(target("status page", "web", "http://status.example.com/"),
          attempt("http://status.example.com/", Verdict.DOWN, null, DOWN_MESSAGE, 503, ms(40), 12, null,
              new ConditionResult("[STATUS] == 200", false, "[STATUS] (503) == 200", false)));

  /** Named by its URL, so it has no name of its own to show. */
  static final CheckResult SLOW =
      result(target(null, "", "http://slow.example.com/"),
          attempt(null, Verdict.TIMEOUT, null, "no response within 10 s", 0, ms(10_000), 0, null));

  static final CheckResult REFUSED =
      result(target("db-admin", "", "http://127.0.0.1:9/"),
          attempt(null, Verdict.ERROR, ErrorKind.CONNECT_REFUSED, "connection refused by 127.0.0.1:9", 0, ms(1), 0, null));

  /** Timed out once, then followed a redirect from http to https. */
  static final CheckResult DOCS =
      new CheckResult(
          target("it's docs", "", "http://docs.example.com/"),
          List.of(
              attempt(null, Verdict.TIMEOUT, null, "no response within 10 s", 0, ms(10_000), 0, null),
              new Attempt(2, STARTED.plusSeconds(11), Verdict.UP, null, "all 1 conditions held",
                  List.of(
                      new Hop("http://docs.example.com/", 301, "https://docs.example.com/", ms(30)),
                      new Hop("https://docs.example.com/", 200, null, ms(70))),
                  ms(100), 2048, true, null, "203.0.113.7:443", List.of(), null, 1024)));

  static final List<CheckResult> ALL = List.of(API, SHOP, STATUS_PAGE, SLOW, REFUSED, DOCS);

  private SampleResults() {}

  static Target target(String name, String group, String url) {
    return new Target(name, group, url, null, null, null, null, 0, List.of(new StubCondition("[STATUS] == 200")));
  }

  static CheckResult result(Target target, Attempt attempt) {
    return new CheckResult(target, List.of(attempt));
  }

  /** A first attempt of one hop to the URL, or of none when status is 0. */
  static Attempt attempt(String url, Verdict verdict, ErrorKind kind, String message, int status,
      Phases phases, long bytes, TlsInfo tls, ConditionResult... conditions) {
    List<Hop> hops = status == 0 ? List.of() : List.of(new Hop(url, status, null, phases));
    return new Attempt(1, STARTED, verdict, kind, message, hops, phases, bytes, false, tls,
        status == 0 ? null : "192.0.2.1:443", List.of(conditions), null);
  }

  /** A total in milliseconds with nothing attributed to a phase. */
  static Phases ms(long millis) {
    return new Phases(0, 0, 0, 0, 0, millis * 1_000_000);
  }

  /** What a format prints for all the samples, fed to it as a run would. */
  static String output(Function<PrintStream, ResultWriter> format) {
    return output(format, ALL);
  }

  static String output(Function<PrintStream, ResultWriter> format, List<CheckResult> results) {
    return output(format, results, 0);
  }

  /** As a run that a stop ended with {@code unfinished} checks still under way. */
  static String output(Function<PrintStream, ResultWriter> format, List<CheckResult> results, int unfinished) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResultWriter writer = format.apply(new PrintStream(bytes, false, StandardCharsets.UTF_8));
    results.forEach(writer::onResult);
    writer.finish(results, RunSummary.of(results, Duration.ofMillis(2310), unfinished, unfinished > 0 ? "SIGTERM" : null));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
