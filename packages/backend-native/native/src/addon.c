/*
 * N-API glue: each export takes typed arrays (zero-copy: the kernels read and write their
 * memory in place) plus sizes, and runs one kernel synchronously. Before touching memory it
 * checks every argument (args.h): the count, the types, sizes that are integers ≥ 0 whose
 * products do not overflow, arrays of exactly the length the sizes give, outputs that share
 * no bytes with another array, target ids in range. A violation throws a TypeError or
 * RangeError naming the export and the argument. Zero sizes give an empty result (or, for
 * a reduction over an empty axis, zeros). Plain C over node_api.h (Node-API version 8).
 */
#include <stdbool.h>

#include "args.h"
#include "kernels.h"

/* Largest JS integer a double holds exactly: the bound on every size argument. */
#define MAX_SIZE ((int64_t)9007199254740991LL)
/* sgemm takes 32-bit sizes and leading dimensions (OpenBLAS without INTERFACE64). */
#define MAX_BLAS_DIM ((int64_t)2147483647)
#define MAX_THREADS 1024

#define CHECK(call)                                                                       \
  if ((call) != napi_ok) {                                                                \
    napi_throw_error(env, NULL, "prefopt_native: N-API call failed: " #call);            \
    return NULL;                                                                          \
  }

#define F32 napi_float32_array
#define I32 napi_int32_array

/* Elements of `batch` [m, k] matrices `stride` apart (stride 0: one matrix shared by all). */
static int64_t strided_length(PfArgs *a, const char *what, int64_t batch, int64_t stride,
                              int64_t mk) {
  if (batch == 0) return stride == 0 ? mk : 0;
  return pf_add(a, what, pf_mul(a, what, batch - 1, stride), mk);
}

/* batchMatMul(transA, transB, batch, m, n, k, a, strideA, b, strideB, c) */
static napi_value batch_matmul(napi_env env, napi_callback_info info) {
  PfArgs a;
  if (!pf_read_args(env, info, &a, "batchMatMul", 11,
                    "transA, transB, batch, m, n, k, a, strideA, b, strideB, c"))
    return NULL;
  const bool ta = pf_bool_arg(&a, 0, "transA"), tb = pf_bool_arg(&a, 1, "transB");
  const int64_t batch = pf_size_arg(&a, 2, "batch", MAX_SIZE);
  const int64_t m = pf_size_arg(&a, 3, "m", MAX_BLAS_DIM);
  const int64_t n = pf_size_arg(&a, 4, "n", MAX_BLAS_DIM);
  const int64_t k = pf_size_arg(&a, 5, "k", MAX_BLAS_DIM);
  const int64_t sa = pf_size_arg(&a, 7, "strideA", MAX_SIZE);
  const int64_t sb = pf_size_arg(&a, 9, "strideB", MAX_SIZE);
  const int64_t mk = pf_mul(&a, "m × k", m, k), kn = pf_mul(&a, "k × n", k, n);
  const int64_t mn = pf_mul(&a, "m × n", m, n);
  const int64_t len_a = strided_length(&a, "a's length (batch − 1) × strideA + m × k", batch, sa, mk);
  const int64_t len_b = strided_length(&a, "b's length (batch − 1) × strideB + k × n", batch, sb, kn);
  const int64_t len_c = pf_mul(&a, "c's length batch × m × n", batch, mn);
  const float *pa = pf_array_arg(&a, 6, "a", F32, len_a, false);
  const float *pb = pf_array_arg(&a, 8, "b", F32, len_b, false);
  float *pc = pf_array_arg(&a, 10, "c", F32, len_c, true);
  pf_check_aliasing(&a);
  if (a.failed) return NULL;
  if (len_c == 0) return NULL;
  pf_batch_matmul(ta, tb, batch, m, n, k, pa, sa, pb, sb, pc);
  return NULL;
}

/* softmax(x, y, rows, cols) */
static napi_value softmax(napi_env env, napi_callback_info info) {
  PfArgs a;
  if (!pf_read_args(env, info, &a, "softmax", 4, "x, y, rows, cols")) return NULL;
  const int64_t rows = pf_size_arg(&a, 2, "rows", MAX_SIZE);
  const int64_t cols = pf_size_arg(&a, 3, "cols", MAX_SIZE);
  const int64_t size = pf_mul(&a, "rows × cols", rows, cols);
  const float *x = pf_array_arg(&a, 0, "x", F32, size, false);
  float *y = pf_array_arg(&a, 1, "y", F32, size, true);
  pf_check_aliasing(&a);
  if (a.failed || size == 0) return NULL;
  pf_softmax(x, y, rows, cols);
  return NULL;
}

/* Fails unless every target id is in [0, vocab). */
static void check_targets(PfArgs *a, const int32_t *t, int64_t rows, int64_t vocab) {
  if (a->failed) return;
  for (int64_t r = 0; r < rows; r++) {
    if (t[r] < 0 || t[r] >= vocab) {
      pf_fail(a, false, "targets[%lld] = %d is outside [0, vocab = %lld)", (long long)r, t[r],
              (long long)vocab);
      return;
    }
  }
}

/* tokenLogProbs(logits, targets, out, rows, vocab) */
static napi_value token_logprobs(napi_env env, napi_callback_info info) {
  PfArgs a;
  if (!pf_read_args(env, info, &a, "tokenLogProbs", 5, "logits, targets, out, rows, vocab"))
    return NULL;
  const int64_t rows = pf_size_arg(&a, 3, "rows", MAX_SIZE);
  const int64_t vocab = pf_size_arg(&a, 4, "vocab", MAX_SIZE);
  const int64_t size = pf_mul(&a, "rows × vocab", rows, vocab);
  const float *x = pf_array_arg(&a, 0, "logits", F32, size, false);
  const int32_t *t = pf_array_arg(&a, 1, "targets", I32, rows, false);
  float *out = pf_array_arg(&a, 2, "out", F32, rows, true);
  pf_check_aliasing(&a);
  check_targets(&a, t, rows, vocab); /* also rejects rows > 0 with vocab = 0 */
  if (a.failed || rows == 0) return NULL;
  pf_token_logprobs(x, t, out, rows, vocab);
  return NULL;
}

/* tokenLogProbsGrad(logits, targets, dy, dx, rows, vocab) */
static napi_value token_logprobs_grad(napi_env env, napi_callback_info info) {
  PfArgs a;
  if (!pf_read_args(env, info, &a, "tokenLogProbsGrad", 6,
                    "logits, targets, dy, dx, rows, vocab"))
    return NULL;
  const int64_t rows = pf_size_arg(&a, 4, "rows", MAX_SIZE);
  const int64_t vocab = pf_size_arg(&a, 5, "vocab", MAX_SIZE);
  const int64_t size = pf_mul(&a, "rows × vocab", rows, vocab);
  const float *x = pf_array_arg(&a, 0, "logits", F32, size, false);
  const int32_t *t = pf_array_arg(&a, 1, "targets", I32, rows, false);
  const float *dy = pf_array_arg(&a, 2, "dy", F32, rows, false);
  float *dx = pf_array_arg(&a, 3, "dx", F32, size, true);
  pf_check_aliasing(&a);
  check_targets(&a, t, rows, vocab);
  if (a.failed || rows == 0) return NULL;
  pf_token_logprobs_grad(x, t, dy, dx, rows, vocab);
  return NULL;
}

/* rmsNorm(x, w, eps, y, rows, cols) */
static napi_value rms_norm(napi_env env, napi_callback_info info) {
  PfArgs a;
  if (!pf_read_args(env, info, &a, "rmsNorm", 6, "x, w, eps, y, rows, cols")) return NULL;
  const double eps = pf_number_arg(&a, 2, "eps");
  const int64_t rows = pf_size_arg(&a, 4, "rows", MAX_SIZE);
  const int64_t cols = pf_size_arg(&a, 5, "cols", MAX_SIZE);
  const int64_t size = pf_mul(&a, "rows × cols", rows, cols);
  if (eps < 0) pf_fail(&a, false, "eps must be ≥ 0, got %g", eps);
  const float *x = pf_array_arg(&a, 0, "x", F32, size, false);
  const float *w = pf_array_arg(&a, 1, "w", F32, cols, false);
  float *y = pf_array_arg(&a, 3, "y", F32, size, true);
  pf_check_aliasing(&a);
  if (a.failed || size == 0) return NULL;
  pf_rms_norm(x, w, (float)eps, y, rows, cols);
  return NULL;
}

/* rmsNormGrad(x, w, dy, eps, dx, dw, rows, cols) */
static napi_value rms_norm_grad(napi_env env, napi_callback_info info) {
  PfArgs a;
  if (!pf_read_args(env, info, &a, "rmsNormGrad", 8, "x, w, dy, eps, dx, dw, rows, cols"))
    return NULL;
  const double eps = pf_number_arg(&a, 3, "eps");
  const int64_t rows = pf_size_arg(&a, 6, "rows", MAX_SIZE);
  const int64_t cols = pf_size_arg(&a, 7, "cols", MAX_SIZE);
  const int64_t size = pf_mul(&a, "rows × cols", rows, cols);
  if (eps < 0) pf_fail(&a, false, "eps must be ≥ 0, got %g", eps);
  const float *x = pf_array_arg(&a, 0, "x", F32, size, false);
  const float *w = pf_array_arg(&a, 1, "w", F32, cols, false);
  const float *dy = pf_array_arg(&a, 2, "dy", F32, size, false);
  float *dx = pf_array_arg(&a, 4, "dx", F32, size, true);
  float *dw = pf_array_arg(&a, 5, "dw", F32, cols, true);
  pf_check_aliasing(&a);
  if (a.failed || cols == 0) return NULL;
  pf_rms_norm_grad(x, w, dy, (float)eps, dx, dw, rows, cols); /* rows = 0: dw = 0 */
  return NULL;
}

/* scaledMaskedSoftmax(x, mask, scale, y, rows, tq, tk) */
static napi_value scaled_masked_softmax(napi_env env, napi_callback_info info) {
  PfArgs a;
  if (!pf_read_args(env, info, &a, "scaledMaskedSoftmax", 7, "x, mask, scale, y, rows, tq, tk"))
    return NULL;
  const double scale = pf_number_arg(&a, 2, "scale");
  const int64_t rows = pf_size_arg(&a, 4, "rows", MAX_SIZE);
  const int64_t tq = pf_size_arg(&a, 5, "tq", MAX_SIZE);
  const int64_t tk = pf_size_arg(&a, 6, "tk", MAX_SIZE);
  if (!a.failed && (tq == 0 ? rows != 0 : rows % tq != 0))
    pf_fail(&a, false, "rows (%lld) must be a multiple of tq (%lld), the mask's rows",
            (long long)rows, (long long)tq);
  const int64_t size = pf_mul(&a, "rows × tk", rows, tk);
  const int64_t mask_size = pf_mul(&a, "tq × tk", tq, tk);
  const float *x = pf_array_arg(&a, 0, "x", F32, size, false);
  const float *mask = pf_array_arg(&a, 1, "mask", F32, mask_size, false);
  float *y = pf_array_arg(&a, 3, "y", F32, size, true);
  pf_check_aliasing(&a);
  if (a.failed || size == 0) return NULL;
  pf_scaled_masked_softmax(x, mask, (float)scale, y, rows, tq, tk);
  return NULL;
}

/* scaledMaskedSoftmaxGrad(y, dy, scale, dx, rows, tk) */
static napi_value scaled_masked_softmax_grad(napi_env env, napi_callback_info info) {
  PfArgs a;
  if (!pf_read_args(env, info, &a, "scaledMaskedSoftmaxGrad", 6, "y, dy, scale, dx, rows, tk"))
    return NULL;
  const double scale = pf_number_arg(&a, 2, "scale");
  const int64_t rows = pf_size_arg(&a, 4, "rows", MAX_SIZE);
  const int64_t tk = pf_size_arg(&a, 5, "tk", MAX_SIZE);
  const int64_t size = pf_mul(&a, "rows × tk", rows, tk);
  const float *y = pf_array_arg(&a, 0, "y", F32, size, false);
  const float *dy = pf_array_arg(&a, 1, "dy", F32, size, false);
  float *dx = pf_array_arg(&a, 3, "dx", F32, size, true);
  pf_check_aliasing(&a);
  if (a.failed || size == 0) return NULL;
  pf_scaled_masked_softmax_grad(y, dy, (float)scale, dx, rows, tk);
  return NULL;
}

/* setThreads(n) → threads in effect; n = 0 only asks */
static napi_value set_threads(napi_env env, napi_callback_info info) {
  PfArgs a;
  if (!pf_read_args(env, info, &a, "setThreads", 1, "n")) return NULL;
  const int64_t n = pf_size_arg(&a, 0, "n", MAX_THREADS);
  if (a.failed) return NULL;
  napi_value out;
  CHECK(napi_create_int32(env, pf_set_threads((int)n), &out));
  return out;
}

/* blasConfig() → OpenBLAS build string */
static napi_value blas_config(napi_env env, napi_callback_info info) {
  PfArgs a;
  if (!pf_read_args(env, info, &a, "blasConfig", 0, "none")) return NULL;
  napi_value out;
  CHECK(napi_create_string_utf8(env, pf_blas_config(), NAPI_AUTO_LENGTH, &out));
  return out;
}

#define EXPORT(name, fn) {name, NULL, fn, NULL, NULL, NULL, napi_enumerable, NULL}

static napi_value init(napi_env env, napi_value exports) {
  const napi_property_descriptor props[] = {
      EXPORT("batchMatMul", batch_matmul),
      EXPORT("softmax", softmax),
      EXPORT("tokenLogProbs", token_logprobs),
      EXPORT("tokenLogProbsGrad", token_logprobs_grad),
      EXPORT("rmsNorm", rms_norm),
      EXPORT("rmsNormGrad", rms_norm_grad),
      EXPORT("scaledMaskedSoftmax", scaled_masked_softmax),
      EXPORT("scaledMaskedSoftmaxGrad", scaled_masked_softmax_grad),
      EXPORT("setThreads", set_threads),
      EXPORT("blasConfig", blas_config),
  };
  CHECK(napi_define_properties(env, exports, sizeof props / sizeof props[0], props));
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
