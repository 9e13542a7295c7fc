package dev.sitepulse.analytics;

import java.util.Arrays;

/**
 * Groups of documents linked by near-duplicate pairs (connected components of the pair graph),
 * stored like a CSR: the members of cluster {@code c} are {@code members[offsets[c] ..
 * offsets[c + 1])}, ascending. Only groups of two or more documents are listed, ordered by their
 * smallest member.
 */
public record Clusters(int[] offsets, int[] members) {

  public static final Clusters NONE = new Clusters(new int[] {0}, new int[0]);

  public Clusters {
    if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != members.length) {
      throw new IllegalArgumentException("offsets must run from 0 to members.length ("
          + members.length + ")");
    }
  }

  public int count() {
    return offsets.length - 1;
  }

  public int size(int cluster) {
    return offsets[cluster + 1] - offsets[cluster];
  }

  /** A copy of the members of one cluster, ascending. */
  public int[] members(int cluster) {
    return Arrays.copyOfRange(members, offsets[cluster], offsets[cluster + 1]);
  }
}
