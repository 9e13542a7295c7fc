// For OpenClFailureTest: a kernel no OpenCL compiler accepts.
__kernel void broken(__global float* out) {
  out[get_global_id(0)] = undeclared_name;
}
