package dev.sitepulse.analytics.internal.duplicates;

/**
 * Documents grouped by identical fingerprint, groups numbered in the order of their first member.
 * The pair scans compare one fingerprint per group: k copies of one page are k(k-1)/2 pairs at
 * distance 0, which are counted here rather than found one by one.
 */
final class FingerprintGroups {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final long[] distinct;
  private final int[] offsets;
  private final int[] members;

  private FingerprintGroups(long[] distinct, int[] offsets, int[] members) {
    this.distinct = distinct;
    this.offsets = offsets;
    this.members = members;
  }

  static FingerprintGroups of(long[] fingerprints) {
    int n = fingerprints.length;
    int bits = Math.max(4, 33 - Integer.numberOfLeadingZeros(Math.max(n, 1))); // load <= 1/2
    int mask = (1 << bits) - 1;
    long[] keys = new long[1 << bits];
    int[] slots = new int[1 << bits]; // group + 1; 0: empty
    int[] groupOf = new int[n];
    long[] distinct = new long[n];
    int groups = 0;
    for (int i = 0; i < n; i++) {
      long fp = fingerprints[i];
      int at = (int) ((fp * GOLDEN) >>> (64 - bits));
      while (slots[at] != 0 && keys[at] != fp) {
        at = (at + 1) & mask;
      }
      if (slots[at] == 0) {
        keys[at] = fp;
        distinct[groups] = fp;
        slots[at] = ++groups;
      }
      groupOf[i] = slots[at] - 1;
    }
    int[] offsets = new int[groups + 1];
    for (int g : groupOf) {
      offsets[g + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      offsets[g + 1] += offsets[g];
    }
    int[] next = java.util.Arrays.copyOf(offsets, groups);
    int[] members = new int[n];
    for (int i = 0; i < n; i++) {
      members[next[groupOf[i]]++] = i;
    }
    return new FingerprintGroups(java.util.Arrays.copyOf(distinct, groups), offsets, members);
  }

  /** One fingerprint per group, by group number. */
  long[] distinct() {
    return distinct;
  }

  int count() {
    return distinct.length;
  }

  int size(int group) {
    return offsets[group + 1] - offsets[group];
  }

  /** The group's smallest document number. */
  int first(int group) {
    return members[offsets[group]];
  }

  /** The {@code i}-th smallest document of a group. */
  int member(int group, int i) {
    return members[offsets[group] + i];
  }
}
