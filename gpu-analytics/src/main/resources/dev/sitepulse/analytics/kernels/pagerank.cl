// Pull-based PageRank over a CSR graph by destination, no atomics: on GPUs a few lanes per node
// (pagerank_step) and, for nodes with many in-edges, a work-group per fixed-size chunk of their
// in-edges (pagerank_heavy_chunks, then pagerank_settle_heavy); on CPU
// devices one work-item per edge-balanced range of nodes (pagerank_step_ranges).
// Compiled with -DUSE_FP64 where the device has cl_khr_fp64 (then within rounding of the Java
// backend: pagerank_step_ranges sums in Java's order, the GPU kernels sum some nodes in a tree of
// lanes or chunks), else in float. Contributions (contrib_t) are float unless -DWIDE_CONTRIB: as in Java,
// the host runs the float build while the L1 change is well above float's noise floor, because
// the contribution gather is the only random access, then the wide build (see ContribPrecision).
#ifdef USE_FP64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
typedef double real;
#else
typedef float real;
#endif
// Edge indices that a loop steps past its row's end are uint: CSR offsets reach 2^31-9
// (CsrGraphBuilder.MAX_EDGES), and one stride more overflows int, which is undefined in OpenCL C.
#ifdef WIDE_CONTRIB
typedef real contrib_t;
#else
typedef float contrib_t;
#endif

// Start: every rank 1/n, and the inverse out-degree and first contribution of every node, from
// the out-degrees alone (so the host sends 4 bytes per node instead of 24).
__kernel void pagerank_init(__global const int* outDegree, __global const int* slot,
                            __global real* rank, __global real* invOut,
                            __global contrib_t* contrib, const int n) {
  const size_t gid = get_global_id(0);
  if (gid < (size_t) n) { // compared before narrowing: an id past 2^31 must not wrap below n
    const int v = (int) gid;
    const real initial = (real) 1 / n;
    const real inv = outDegree[v] == 0 ? 0 : (real) 1 / outDegree[v];
    rank[v] = initial;
    invOut[v] = inv;
    contrib[slot[v]] = (contrib_t) (initial * inv);
  }
}

// The switch to wide contributions: each one again from the node's current rank.
__kernel void pagerank_widen(__global const real* rank, __global const real* invOut,
                             __global const int* slot, __global contrib_t* contrib, const int n) {
  const size_t gid = get_global_id(0);
  if (gid < (size_t) n) {
    const int v = (int) gid;
    contrib[slot[v]] = rank[v] * invOut[v];
  }
}

// Contributions are stored hubs first (slot[v], see HubOrder.java): the ones gathered most share
// cache lines. The edge sources are renumbered to match, once, in place.
__kernel void pagerank_renumber(__global int* sources, __global const int* slot, const int m) {
  const size_t e = get_global_id(0);
  if (e < (size_t) m) {
    sources[e] = slot[sources[e]];
  }
}

// What an iteration does for node v once it has the sum of its in-edges' contributions: its new
// rank, its own contribution for the next iteration, and its share of the L1 change and of the
// rank held by dangling nodes (invOut == 0), added to *change and *dangling.
void pagerank_settle(const int v, const real sum, __global const real* rank,
                     __global const real* invOut, __global const int* slot,
                     __global real* rankNext, __global contrib_t* contribNext,
                     const real base, const real damping, real* change, real* dangling) {
  const real updated = base + damping * sum;
  *change += fabs(updated - rank[v]);
  rankNext[v] = updated;
  const real inv = invOut[v];
  contribNext[slot[v]] = (contrib_t) (updated * inv);
  *dangling += inv == 0 ? updated : 0;
}

// Adds up the work-group's values of a; lane 0 gets the total in scratch[0].
// The local size must be a power of two; scratch holds local size reals.
void pagerank_group_sum(real a, __local real* scratch) {
  const int lid = get_local_id(0);
  scratch[lid] = a;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int stride = get_local_size(0) >> 1; stride > 0; stride >>= 1) {
    if (lid < stride) {
      scratch[lid] += scratch[lid + stride];
    }
    barrier(CLK_LOCAL_MEM_FENCE);
  }
}

// Adds up the work-group's values of a and b; lane 0 gets the totals in scratch[0], scratch[size].
// The local size must be a power of two; scratch holds 2 * local size reals.
void pagerank_group_sums(real a, real b, __local real* scratch) {
  const int lid = get_local_id(0);
  const int size = get_local_size(0);
  scratch[lid] = a;
  scratch[size + lid] = b;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int stride = size >> 1; stride > 0; stride >>= 1) {
    if (lid < stride) {
      scratch[lid] += scratch[lid + stride];
      scratch[size + lid] += scratch[size + lid + stride];
    }
    barrier(CLK_LOCAL_MEM_FENCE);
  }
}

// One iteration on a GPU, for every node with fewer than heavyDegree in-edges: `lanes` adjacent
// work-items (a power of two, at most the local size; NodeLanes.java) share a node, lane l summing
// contrib[u] = rank[u] / outDegree(u) over in-edges l, l + lanes, ... so that a warp's reads of
// sources are contiguous instead of one row per work-item; then the lanes' sums are added, and the
// work-group adds up |change| and the dangling rank into partials[2 * group], [2 * group + 1].
// Nodes with more in-edges are left to pagerank_heavy_chunks: lanes looping over a hub's thousands
// of edges would hold their whole warp, and the launch, for that long.
// The local size must be a power of two; scratch holds 2 * local size reals.
__kernel void pagerank_step(__global const int* offsets, __global const int* sources,
                            __global const contrib_t* contrib, __global const real* rank,
                            __global const real* invOut, __global const int* slot,
                            __global real* rankNext,
                            __global contrib_t* contribNext, __global real* partials,
                            const int n, const int heavyDegree, const int lanes, const real base,
                            const real damping, __local real* scratch) {
  const int lid = get_local_id(0);
  const int lane = lid & (lanes - 1);
  const size_t node = get_group_id(0) * (size_t) (get_local_size(0) / lanes) + lid / lanes;
  const int v = (int) node;
  uint start = 0;
  uint end = 0;
  if (node < (size_t) n) { // compared before narrowing, as in pagerank_init
    start = offsets[v];
    end = offsets[v + 1];
  }
  const int light = end - start < (uint) heavyDegree; // a node past n has no edges: light, idle
  real sum = 0;
  if (light) {
    for (uint e = start + lane; e < end; e += lanes) {
      sum += contrib[sources[e]];
    }
  }
  // The lanes of a node are adjacent: halving strides within them leaves the node's sum in lane 0.
  scratch[lid] = sum;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int stride = lanes >> 1; stride > 0; stride >>= 1) {
    if (lane < stride) {
      scratch[lid] += scratch[lid + stride];
    }
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  real change = 0;
  real dangling = 0;
  if (node < (size_t) n && light && lane == 0) {
    pagerank_settle(v, scratch[lid], rank, invOut, slot, rankNext, contribNext, base, damping,
                    &change, &dangling);
  }
  barrier(CLK_LOCAL_MEM_FENCE); // scratch is the group sums' next
  pagerank_group_sums(change, dangling, scratch);
  if (lid == 0) {
    partials[2 * get_group_id(0)] = scratch[0];
    partials[2 * get_group_id(0) + 1] = scratch[get_local_size(0)];
  }
}

// The same iteration for the nodes with heavyDegree or more in-edges, in two launches. First their
// in-edges, cut on the host into chunks of at most HeavyChunks' size (edges chunks[2c] ..
// chunks[2c + 1], a node's chunks adjacent and in edge order): a work-group sums a chunk lane by
// lane, so that the reads of sources are coalesced, adds up the lanes and writes chunkSums[c]. No
// group holds a hub's tens of thousands of edges while the others wait. Group g takes chunks g,
// g + groups, ... (as many groups as chunks unless a launch that large would not fit an int).
// The local size must be a power of two; scratch holds 2 * local size reals.
__kernel void pagerank_heavy_chunks(__global const int* sources, __global const contrib_t* contrib,
                                    __global const int* chunks, __global real* chunkSums,
                                    const int chunkCount, __local real* scratch) {
  const int lid = get_local_id(0);
  const int size = get_local_size(0);
  // The same trip count for every lane of a group, so every lane meets every barrier.
  for (int c = get_group_id(0); c < chunkCount; c += get_num_groups(0)) {
    real sum = 0;
    const uint end = chunks[2 * c + 1];
    for (uint e = chunks[2 * c] + lid; e < end; e += size) {
      sum += contrib[sources[e]];
    }
    pagerank_group_sum(sum, scratch);
    if (lid == 0) {
      chunkSums[c] = scratch[0];
    }
    barrier(CLK_LOCAL_MEM_FENCE); // scratch is the next chunk's
  }
}

// Then one work-item per heavy node h (heavy[0 .. heavyCount)): adds its chunks' sums,
// chunkSums[first[h] .. first[h + 1]), in order (deterministic, no atomics), settles the node, and
// the work-group adds up |change| and the dangling rank into partials[2 * (partialsFrom + group)],
// after pagerank_step's.
// The local size must be a power of two; scratch holds 2 * local size reals.
__kernel void pagerank_settle_heavy(__global const int* heavy, __global const int* first,
                                    __global const real* chunkSums, __global const real* rank,
                                    __global const real* invOut, __global const int* slot,
                                    __global real* rankNext, __global contrib_t* contribNext,
                                    __global real* partials, const int heavyCount,
                                    const int partialsFrom, const real base, const real damping,
                                    __local real* scratch) {
  const size_t h = get_global_id(0);
  real change = 0;
  real dangling = 0;
  if (h < (size_t) heavyCount) {
    real sum = 0;
    const int last = first[h + 1];
    for (int c = first[h]; c < last; c++) {
      sum += chunkSums[c];
    }
    pagerank_settle(heavy[h], sum, rank, invOut, slot, rankNext, contribNext, base, damping,
                    &change, &dangling);
  }
  pagerank_group_sums(change, dangling, scratch);
  if (get_local_id(0) == 0) {
    partials[2 * (partialsFrom + get_group_id(0))] = scratch[0];
    partials[2 * (partialsFrom + get_group_id(0)) + 1] = scratch[get_local_size(0)];
  }
}

// The iteration's L1 change and dangling rank from its partial sums (pairs of them), so that the
// host reads 2 reals instead of every group's: one work-group, lane l adding pairs l, l + size,
// ... in that order, then the lanes in a tree; fixed orders, so the totals are deterministic.
// Lane 0 writes them to totals[0], totals[1].
// The local size must be a power of two; scratch holds 2 * local size reals.
__kernel void pagerank_sum_partials(__global const real* partials, const int pairs,
                                    __global real* totals, __local real* scratch) {
  const int lid = get_local_id(0);
  real change = 0;
  real dangling = 0;
  for (int p = lid; p < pairs; p += get_local_size(0)) {
    change += partials[2 * p];
    dangling += partials[2 * p + 1];
  }
  pagerank_group_sums(change, dangling, scratch);
  if (lid == 0) {
    totals[0] = scratch[0];
    totals[1] = scratch[get_local_size(0)];
  }
}

// The same iteration for CPU devices: work-item c handles the nodes bounds[c] .. bounds[c + 1]
// (cut so that each range has about as many edges) in a plain loop, as a core would, and writes
// its own partial sums; no barriers, no local memory.
__kernel void pagerank_step_ranges(__global const int* offsets, __global const int* sources,
                                   __global const contrib_t* contrib, __global const real* rank,
                                   __global const real* invOut, __global const int* slot,
                                   __global real* rankNext,
                                   __global contrib_t* contribNext, __global real* partials,
                                   __global const int* bounds, const real base,
                                   const real damping) {
  const size_t c = get_global_id(0);
  real change = 0;
  real dangling = 0;
  const int last = bounds[c + 1];
  for (int v = bounds[c]; v < last; v++) {
    real sum = 0;
    const int end = offsets[v + 1];
    for (int e = offsets[v]; e < end; e++) {
      sum += contrib[sources[e]];
    }
    pagerank_settle(v, sum, rank, invOut, slot, rankNext, contribNext, base, damping, &change,
                    &dangling);
  }
  partials[2 * c] = change;
  partials[2 * c + 1] = dangling;
}
