// Latency histograms in HdrHistogram's layout (3 significant digits, unit 1 us, values up to
// 2^31 - 1 us): see HistogramLayout on the Java side, which does the same steps. Each variant
// leaves one slice of LENGTH counters per work-item or work-group in partial[]; hist_merge adds
// the slices up, so only LENGTH counters travel back to the host.

// No fused multiply-add: ms * 1000 + 0.5 must round exactly as Java rounds it.
#pragma OPENCL FP_CONTRACT OFF

#define LENGTH 22528

// The counter of a latency in ms: HdrHistogram's index of the value rounded to whole microseconds
// (NaN and negatives count as 0, 2^31 us and more as 2^31 - 1). From 2048 us on, the bucket and
// sub-bucket are the exponent and top mantissa bits of the float itself (see
// HistogramLayout.indexOfMillis); below, the index is the value.
inline int index_of_millis(float millis) {
  const float y = millis * 1000.0f + 0.5f;
  const int large = min((as_int(y) >> 13) - ((127 + 9) << 10), LENGTH - 1);
  return y >= 2048.0f ? large : (y >= 1.0f ? (int) y : 0);
}

inline int4 index_of_millis4(float4 millis) {
  const float4 y = millis * 1000.0f + 0.5f;
  const int4 large = min((as_int4(y) >> 13) - ((127 + 9) << 10), (int4) (LENGTH - 1));
  const int4 small = select((int4) 0, convert_int4_rtz(y), y >= 1.0f);
  return select(small, large, y >= 2048.0f);
}

// CPU devices: a work-item owns `copies` slices (1 or 4, chosen on the host) and a contiguous run
// of values; plain increments. With 4, each of four values in a row goes into its own slice, so
// that no counter's load waits behind the increment before it (one slice: 0.75G values/s on the
// Intel host's PoCL, four: 1.2G; see JavaLatency.count). The indices are computed four at a time,
// in one vector register.
__kernel void hist_owned(__global const float* values, const int length, const int perItem,
                         const int copies, __global uint* partial) {
  const size_t item = get_global_id(0);
  const size_t step = copies == 4 ? LENGTH : 0;
  __global uint* c0 = partial + item * copies * LENGTH;
  __global uint* c1 = c0 + step;
  __global uint* c2 = c1 + step;
  __global uint* c3 = c2 + step;
  const int from = (int) min(item * perItem, (size_t) length); // the product in size_t: no wrap
  const int to = from + min(perItem, length - from); // sums that stay <= length: no wrap
  int i = from;
  for (; i < from + (to - from) / 4 * 4; i += 4) {
    const int4 k = index_of_millis4(vload4(0, values + i));
    c0[k.x]++;
    c1[k.y]++;
    c2[k.z]++;
    c3[k.w]++;
  }
  for (; i < to; i++) {
    c0[index_of_millis(values[i])]++;
  }
}

// GPUs with room for LENGTH 16-bit counters in local memory (44 KiB: NVIDIA gives 48, AMD and
// Intel 64; 32-bit counters, 88 KiB, fit none of them). OpenCL 1.2 has no 16-bit atomics, so two
// counters share a 32-bit word: counter k is the low half of word k / 2 when k is even, the high
// half when odd, and atomic_add of 1 or 1 << 16 on the word counts it. The group takes a
// contiguous run of values in passes of at most PASS values, so no counter can pass 65,535 (the
// low half cannot carry into the high one, nor the high one wrap); after each pass the group adds
// its counters to its own slice (no atomics: no other group writes there; the host zeroes it) and
// clears them. Within a pass neighbouring work-items read neighbouring values.
#define PASS 65535
#define WORDS (LENGTH / 2)

__kernel void hist_local(__global const float* values, const int length, const int perGroup,
                         __global uint* partial, __local uint* words) {
  const int lid = get_local_id(0);
  const int size = get_local_size(0);
  for (int w = lid; w < WORDS; w += size) {
    words[w] = 0;
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  __global uint* slice = partial + (size_t) get_group_id(0) * LENGTH;
  const int from = (int) min((size_t) get_group_id(0) * perGroup, (size_t) length);
  const int to = from + min(perGroup, length - from); // sums that stay <= length: no wrap
  for (int pass = from; pass < to;) { // the same passes for every work-item
    const int end = pass + min(PASS, to - pass);
    for (size_t i = (size_t) pass + lid; i < (size_t) end; i += size) {
      const int k = index_of_millis(values[i]);
      atomic_add(&words[k >> 1], 1u << ((k & 1) << 4));
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int w = lid; w < WORDS; w += size) {
      const uint both = words[w];
      if (both != 0) { // most words stay 0 in a pass: leave their global counters untouched
        slice[2 * w] += both & 0xFFFF;
        slice[2 * w + 1] += both >> 16;
        words[w] = 0;
      }
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    pass = end;
  }
}

// Devices with too little local memory: the same with global atomics on the group's own slice,
// which the host zeroes first.
__kernel void hist_global(__global const float* values, const int length,
                          __global uint* partial) {
  __global uint* slice = partial + (size_t) get_group_id(0) * LENGTH;
  for (size_t i = get_global_id(0); i < (size_t) length; i += get_global_size(0)) {
    atomic_inc(&slice[index_of_millis(values[i])]);
  }
}

// counts[i] = the sum of counter i over all slices.
__kernel void hist_merge(__global const uint* partial, const int slices, __global ulong* counts) {
  const size_t gid = get_global_id(0);
  if (gid >= LENGTH) {
    return;
  }
  const int i = (int) gid;
  ulong total = 0;
  for (int s = 0; s < slices; s++) {
    total += partial[(size_t) s * LENGTH + i];
  }
  counts[i] = total;
}
