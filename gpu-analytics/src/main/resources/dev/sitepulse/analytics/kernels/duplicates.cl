// Near-duplicate SimHash pairs within buckets (see BlockPlan and Buckets on the Java side).
// Work-item (p, b) of the 2-D range (positions across, blocks down) takes document order[b * n + p]
// and compares it with the documents after it in the same bucket of block b. A pair is reported by
// the first block in which the two fingerprints agree, so no pair comes twice. A launch covers a
// rectangle given by its global offset and size, positions up to endPosition (the size is rounded
// up to whole work-groups); its pairs go to out[] through an atomic counter, and when the counter
// ends above capacity the host runs the same work-items again in smaller launches (ScanRows).
// Two ids rather than one id divided by n: a 64-bit division is a long emulated sequence on GPUs.

#define GOLDEN 0x9E3779B97F4A7C15UL

// Whether no block before `block` agrees on x = a ^ b: then `block` is the first that does.
inline int no_earlier_block_agrees(ulong x, int block, __constant const int* shifts,
                                   __constant const ulong* masks) {
  for (int b = 0; b < block; b++) {
    if (((x >> shifts[b]) & masks[b]) == 0) {
      return 0;
    }
  }
  return 1;
}

__kernel void scan_buckets(__global const ulong* fingerprints, __global const int* order,
                           __global const int* starts, __constant const int* shifts,
                           __constant const ulong* masks, const int n,
                           const int bucketCount, const int hashed, const int bucketBits,
                           const int maxDistance, __global ulong* out,
                           __global volatile int* counter, const int capacity,
                           const int endPosition) {
  if (get_global_id(0) >= (size_t) endPosition) {
    return;
  }
  const int p = (int) get_global_id(0);
  const int b = (int) get_global_id(1);
  const size_t base = (size_t) b * n;
  const int a = order[base + p];
  const ulong fa = fingerprints[a];
  const ulong value = (fa >> shifts[b]) & masks[b];
  const int key = hashed ? (int) ((value * GOLDEN) >> (64 - bucketBits)) : (int) value;
  const int end = starts[(size_t) b * (bucketCount + 1) + key + 1];
  for (int q = p + 1; q < end; q++) {
    const int c = order[base + q];
    const ulong x = fa ^ fingerprints[c];
    if (popcount(x) <= maxDistance && ((x >> shifts[b]) & masks[b]) == 0
        && no_earlier_block_agrees(x, b, shifts, masks)) {
      // Past 2^31 pairs the counter turns negative: nothing more is counted (a full wrap would
      // read as a small count) or written (a negative slot is before out[]); the host refuses.
      if (*counter < 0) {
        return;
      }
      const int slot = atomic_inc(counter);
      if (slot >= 0 && slot < capacity) {
        out[slot] = ((ulong) a << 32) | (uint) c;
      }
    }
  }
}
