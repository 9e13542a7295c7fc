package dev.sitepulse.pinger.config;

import java.util.Collection;
import java.util.Locale;

/** The known name a mistyped one most likely meant: a config key, a command. */
public final class NearestName {

  /** More edits than this and the typed name is taken to mean none of the known ones. */
  private static final int MAX_EDITS = 2;

  private NearestName() {}

  /**
   * The known name fewest edits away from {@code typed}, case aside (URL finds url), or null when
   * none is within two edits.
   */
  public static String of(String typed, Collection<?> known) {
    String lower = typed.toLowerCase(Locale.ROOT);
    Object nearest = null;
    int best = MAX_EDITS + 1;
    for (Object k : known) {
      int d = distance(lower, k.toString().toLowerCase(Locale.ROOT));
      if (d < best) {
        best = d;
        nearest = k;
      }
    }
    return nearest == null ? null : nearest.toString();
  }

  /** Levenshtein distance, two rows at a time. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
