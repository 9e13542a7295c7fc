package dev.sitepulse.crawler.internal;

import java.util.HexFormat;

/**
 * Which page holds each body's bytes, by SHA-256: the exact-duplicate check's memory. Open
 * addressing keyed by the hash's first 64 bits, with its other 192 bits beside the key to confirm
 * a hit: about 70 bytes a page and the URL, where a map from the 64-character hex string took
 * some 240 (a million pages: 240 MB). Two bodies whose hashes share their first 64 bits but not
 * the rest (never seen: one in 2^64) are not duplicates; the second simply holds nothing.
 *
 * <p>Thread-safe: parse workers claim, the loop settles; each call is short, one lock.
 */
final class BodyHashOwners {

  private long[] keys = new long[1024]; // 0: an empty slot
  private long[] rest = new long[3 * 1024];
  private String[] owners = new String[1024]; // null in a used slot: its owner gave it up
  private int used;

  /**
   * {@code url} claims these bytes unless another page holds them; returns that page, or null
   * when {@code url} holds them now (or already did, or a different body shares the key).
   */
  synchronized String claim(String hash, String url) {
    int i = slot(hash, true);
    if (i < 0) {
      return null; // another body under the same 64 bits
    }
    if (owners[i] == null) {
      owners[i] = url;
      return null;
    }
    return owners[i].equals(url) ? null : owners[i];
  }

  /** The page holding these bytes, or null. */
  synchronized String owner(String hash) {
    int i = slot(hash, false);
    return i < 0 ? null : owners[i];
  }

  /** Hands the bytes from {@code from} to {@code to}, if {@code from} holds them. */
  synchronized boolean replace(String hash, String from, String to) {
    int i = slot(hash, false);
    if (i < 0 || !from.equals(owners[i])) {
      return false;
    }
    owners[i] = to;
    return true;
  }

  /** {@code url} gives the bytes up, if it holds them. */
  synchronized void remove(String hash, String url) {
    int i = slot(hash, false);
    if (i >= 0 && url.equals(owners[i])) {
      owners[i] = null; // the slot stays, for the probe sequence through it; a claim reuses it
    }
  }

  /**
   * The slot of this hash, or -1: absent (and {@code add} false), or a different hash under the
   * same first 64 bits. With {@code add}, an absent hash gets an empty slot, without an owner.
   */
  private int slot(String hash, boolean add) {
    if (hash.length() != 64) {
      return -1; // no SHA-256 in hex (a crawl.db edited by hand): no page's bytes
    }
    long key = HexFormat.fromHexDigitsToLong(hash, 0, 16);
    long k = key == 0 ? 1 : key;
    long r0 = HexFormat.fromHexDigitsToLong(hash, 16, 32);
    long r1 = HexFormat.fromHexDigitsToLong(hash, 32, 48);
    long r2 = HexFormat.fromHexDigitsToLong(hash, 48, 64);
    if (add && (used + 1) * 3 >= keys.length * 2) {
      grow();
    }
    int mask = keys.length - 1;
    for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
      if (keys[i] == k) {
        boolean same = rest[3 * i] == r0 && rest[3 * i + 1] == r1 && rest[3 * i + 2] == r2;
        return same ? i : -1;
      }
      if (keys[i] == 0) {
        if (!add) {
          return -1;
        }
        keys[i] = k;
        rest[3 * i] = r0;
        rest[3 * i + 1] = r1;
        rest[3 * i + 2] = r2;
        used++;
        return i;
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldRest = rest;
    String[] oldOwners = owners;
    keys = new long[oldKeys.length * 2];
    rest = new long[oldRest.length * 2];
    owners = new String[oldOwners.length * 2];
    used = 0;
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] == 0 || oldOwners[j] == null) {
        continue; // a slot given up goes
      }
      int i = mix(oldKeys[j]) & mask;
      while (keys[i] != 0) {
        i = (i + 1) & mask;
      }
      keys[i] = oldKeys[j];
      System.arraycopy(oldRest, 3 * j, rest, 3 * i, 3);
      owners[i] = oldOwners[j];
      used++;
    }
  }

  private static int mix(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
