package dev.sitepulse.crawler.parse;

/**
 * Charikar's 64-bit SimHash, for spotting near-duplicate pages by Hamming distance.
 *
 * <p>Features are 3-word shingles of lowercased letter-or-digit tokens. Single words would let
 * every page of one site look alike (they share "the", "widget", "configuration"), pulling
 * unrelated pages well under 32 bits apart; shingles keep word order, so unrelated texts land near
 * 32 while a one-word edit touches only 3 of N features. Each distinct shingle votes once, as in
 * Broder's shingle sets: counted per occurrence, a phrase a page repeats outvoted the rest of it
 * (javadoc's "the node being visited p a parameter value" after each of 60 methods put two unrelated
 * visitor interfaces 2 bits apart). Hashing allocates nothing per word: FNV-1a
 * over the characters, finished with murmur3's fmix64 for avalanche.
 */
public final class SimHash {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long GOLDEN = 0x9e3779b97f4a7c15L;

  private SimHash() {}

  /** The SimHash of {@code text}; 0 for text without any word. */
  public static long of(CharSequence text) {
    char[] chars = text.toString().toCharArray();
    return of(chars, chars.length);
  }

  /** The SimHash of the first {@code n} chars of {@code text}, which the crawl hashes in place. */
  static long of(char[] text, int n) {
    BitVotes votes = new BitVotes();
    FirstSightings seen = new FirstSightings(n);
    long twoBack = 0;
    long oneBack = 0;
    int tokens = 0;
    int i = 0;
    while (i < n) {
      char c = text[i];
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      long h = FNV_OFFSET;
      do {
        h = (h ^ lowerCase(c)) * FNV_PRIME;
      } while (++i < n && isWordChar(c = text[i]));
      long token = fmix64(h);
      if (++tokens >= 3) {
        long shingle = shingle(twoBack, oneBack, token);
        if (seen.first(shingle)) {
          votes.add(shingle);
        }
      }
      twoBack = oneBack;
      oneBack = token;
    }
    if (tokens == 0) {
      return 0;
    }
    if (tokens < 3) {
      votes.add(shingle(0, twoBack, oneBack));
    }
    return votes.majority();
  }

  /** Number of differing bits: 0 for identical texts, about 32 for unrelated ones. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  // Per char rather than per code point: a surrogate pair stays inside its word either way, and
  // the ASCII fast path matters for the megabytes of text a crawl hashes.
  private static boolean isWordChar(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return Character.isLetterOrDigit(c) || Character.isSurrogate(c);
  }

  private static char lowerCase(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return Character.toLowerCase(c);
  }

  private static long shingle(long first, long second, long third) {
    return fmix64((first * GOLDEN + second) * GOLDEN + third);
  }

  /** MurmurHash3's 64-bit finalizer: every input bit flips each output bit with ~1/2 chance. */
  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
