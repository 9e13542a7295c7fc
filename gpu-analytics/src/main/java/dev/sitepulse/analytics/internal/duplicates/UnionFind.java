package dev.sitepulse.analytics.internal.duplicates;

import dev.sitepulse.analytics.Clusters;

/** Disjoint sets over 0..n-1 with union by size and path halving, read out as {@link Clusters}. */
final class UnionFind {

  private final int[] parent;
  private final int[] size;

  UnionFind(int n) {
    parent = new int[n];
    size = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      size[i] = 1;
    }
  }

  int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return;
    }
    if (size[ra] < size[rb]) {
      int t = ra;
      ra = rb;
      rb = t;
    }
    parent[rb] = ra;
    size[ra] += size[rb];
  }

  /** Sets of two or more, ordered by smallest member, members ascending. */
  Clusters clusters() {
    int n = parent.length;
    int[] clusterOfRoot = new int[n];
    java.util.Arrays.fill(clusterOfRoot, -1);
    int clusters = 0;
    int members = 0;
    for (int v = 0; v < n; v++) {
      int root = find(v);
      if (size[root] > 1) {
        members++;
        if (clusterOfRoot[root] < 0) {
          clusterOfRoot[root] = clusters++;
        }
      }
    }
    int[] offsets = new int[clusters + 1];
    for (int v = 0; v < n; v++) {
      int root = find(v);
      if (size[root] > 1 && v == root) {
        offsets[clusterOfRoot[root] + 1] = size[root];
      }
    }
    for (int c = 0; c < clusters; c++) {
      offsets[c + 1] += offsets[c];
    }
    int[] next = java.util.Arrays.copyOf(offsets, clusters);
    int[] flat = new int[members];
    for (int v = 0; v < n; v++) {
      int root = find(v);
      if (size[root] > 1) {
        flat[next[clusterOfRoot[root]]++] = v;
      }
    }
    return new Clusters(offsets, flat);
  }
}
