package dev.sitepulse.analytics.internal.pagerank;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.PageRankResult;
import dev.sitepulse.analytics.RankedNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The N best nodes by rank (ties: the lower node first), with a bounded heap over node numbers.
 * Ranks are compared {@linkplain PageRankResult#rounded rounded}: pages of equal rank come out an
 * ulp or two apart, either way round, on one backend and equal on another, and their order would
 * be the device's rounding.
 */
public final class TopRanks {

  private TopRanks() {}

  public static List<RankedNode> select(double[] ranks, CsrGraph graph, int n) {
    int size = Math.min(n, ranks.length);
    int[] heap = new int[size];
    int filled = 0;
    for (int v = 0; v < ranks.length; v++) {
      if (filled < size) {
        heap[filled] = v;
        siftUp(heap, filled++, ranks);
      } else if (size > 0 && worse(heap[0], v, ranks)) {
        heap[0] = v;
        siftDown(heap, size, ranks);
      }
    }
    int[] best = new int[size];
    for (int end = size - 1; end >= 0; end--) {
      best[end] = heap[0];
      heap[0] = heap[end];
      siftDown(heap, end, ranks);
    }
    List<RankedNode> top = new ArrayList<>(size);
    for (int v : best) {
      top.add(new RankedNode(v, ranks[v], graph.inDegree(v)));
    }
    return top;
  }

  /** Whether node a ranks below node b. */
  private static boolean worse(int a, int b, double[] ranks) {
    double rankA = PageRankResult.rounded(ranks[a]);
    double rankB = PageRankResult.rounded(ranks[b]);
    return rankA < rankB || (rankA == rankB && a > b);
  }

  private static void siftUp(int[] heap, int i, double[] ranks) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(heap[i], heap[parent], ranks)) {
        return;
      }
      swap(heap, i, parent);
      i = parent;
    }
  }

  private static void siftDown(int[] heap, int size, double[] ranks) {
    int i = 0;
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int worst = left + 1 < size && worse(heap[left + 1], heap[left], ranks) ? left + 1 : left;
      if (!worse(heap[worst], heap[i], ranks)) {
        return;
      }
      swap(heap, i, worst);
      i = worst;
    }
  }

  private static void swap(int[] heap, int a, int b) {
    int t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
  }
}
