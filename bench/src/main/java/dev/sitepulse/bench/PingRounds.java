package dev.sitepulse.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Pinger;
import dev.sitepulse.pinger.Rate;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.Verdict;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the same checks several times in one JVM and prints wall and CPU time per round. The
 * first round is what a cold {@code sitepulse ping} pays; later rounds are the marginal cost per
 * check, which is what a long-running prober such as blackbox_exporter is measured at.
 *
 * <p>Usage: {@code PingRounds URLFILE ROUNDS [CONCURRENCY]}
 */
public final class PingRounds {

  private PingRounds() {}

  public static void main(String[] args) throws Exception {
    List<Target> targets = Files.readAllLines(Path.of(args[0])).stream()
        .filter(line -> !line.isBlank())
        .map(Target::of)
        .toList();
    int rounds = Integer.parseInt(args[1]);
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    PingSettings settings = PingSettings.DEFAULTS.withRatePerHost(Rate.UNLIMITED).withConcurrency(concurrency);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int round = 1; round <= rounds; round++) {
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      List<CheckResult> results;
      try (Pinger pinger = Pinger.create(settings)) {
        results = pinger.checkAll(targets, r -> {});
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      long up = results.stream().filter(r -> r.verdict() == Verdict.UP).count();
      System.out.printf("round=%d checks=%d up=%d wall_s=%.3f cpu_s=%.3f cpu_ms_per_check=%.3f%n",
          round, results.size(), up, wall, cpu, cpu * 1000 / results.size());
    }
  }
}
