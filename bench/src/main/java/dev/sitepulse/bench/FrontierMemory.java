package dev.sitepulse.bench;

import dev.sitepulse.crawler.frontier.Frontier;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap per queued URL in the crawl frontier: queues N synthetic URLs over a thousand hosts and
 * compares the live heap after a full GC with the heap before. Usage: {@code FrontierMemory [N]}.
 */
public final class FrontierMemory {

  private FrontierMemory() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = liveHeap(memory);
    Frontier frontier = new Frontier(32, 2, 0);
    for (int i = 0; i < n; i++) {
      // Paths like a docs site's: a few directory levels and a file name, 40-60 characters.
      String url = "https://docs" + (i % 1000) + ".example.org/library/section-" + (i % 97)
          + "/topic-" + i + ".html";
      frontier.offer(url, i % 8);
    }
    long after = liveHeap(memory);
    System.out.printf("urls=%d queued=%d heap_bytes=%d bytes_per_url=%.1f%n",
        n, frontier.queued(), after - before, (after - before) / (double) n);
    if (frontier.queued() != n) {
      throw new IllegalStateException("lost URLs");
    }
  }

  private static long liveHeap(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
