package dev.sitepulse.bench;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStart;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.Crawler;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Crawls a site several times in one JVM, each time afresh into its own directory, and prints
 * pages/s, process CPU seconds and JIT compiler seconds per round: round 1 pays for JIT warm-up,
 * later rounds show the crawler's own speed. {@code last_page_s} is when the last page was done,
 * counted from the crawl loop's start; the rest of {@code seconds} is opening the stores before
 * and the final commit after.
 * Usage: {@code CrawlTwice SEED [ROUNDS]}.
 */
public final class CrawlTwice {

  private CrawlTwice() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var jit = ManagementFactory.getCompilationMXBean();
    for (int round = 1; round <= rounds; round++) {
      Path data = Files.createTempDirectory("sitepulse-crawl-bench-");
      CrawlConfig config = CrawlConfig.builder(List.of(args[0]), data).perHost(16).delay(Duration.ZERO)
          .start(CrawlStart.FRESH).build();
      long start = System.nanoTime();
      long cpuStart = os.getProcessCpuTime();
      long jitStart = jit.getTotalCompilationTime();
      CrawlStats stats = Crawler.run(config, CrawlListener.NONE);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
      double jitSeconds = (jit.getTotalCompilationTime() - jitStart) / 1e3;
      System.out.printf(
          "round=%d pages=%d indexed=%d seconds=%.2f pages_per_s=%.1f cpu_s=%.2f jit_s=%.2f"
              + " last_page_s=%.2f%n",
          round, stats.pages(), stats.indexed(), seconds, stats.pages() / seconds, cpu, jitSeconds,
          stats.elapsed().toNanos() / 1e9);
    }
  }
}
