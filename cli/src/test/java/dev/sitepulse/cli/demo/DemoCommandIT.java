package dev.sitepulse.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.cli.JarProcess;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sitepulse demo} from the real jar, run from a directory with no stubs or config in it. */
class DemoCommandIT {

  @Test
  void theDemoShowsEveryVerdictAndTheMainErrorKindsAndExitsZero(@TempDir Path emptyDir) throws Exception {
    JarProcess.Result run = JarProcess.java(Duration.ofSeconds(60), emptyDir, "demo");

    assertThat(run.exitCode()).as("%s", run).isZero();
    for (Verdict v : Verdict.values()) {
      assertThat(run.out()).as("%s", run).containsPattern("\\b" + v.name() + "\\b");
    }
    for (String kind : new String[] {"RESET", "PROTOCOL", "TLS", "TOO_MANY_REDIRECTS", "CONNECT_REFUSED", "DNS"}) {
      assertThat(run.out()).as("%s", run).contains(ErrorKind.valueOf(kind).name() + ": ");
    }
    assertThat(run.out()).containsPattern("20 checks: \\d+ up, \\d+ degraded, \\d+ down, \\d+ timeout, \\d+ error");
  }
}
