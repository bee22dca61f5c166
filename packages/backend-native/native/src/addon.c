/*
 * N-API glue: each export takes typed arrays (zero-copy: the kernels read and write their
 * memory in place) plus sizes, checks every buffer is long enough, and runs one kernel
 * synchronously. Plain C over node_api.h (Node-API version 8).
 */
#define NAPI_VERSION 8
#include <node_api.h>
#include <stdbool.h>
#include <stdio.h>

#include "kernels.h"

#define MAX_ARGS 12
#define CHECK(call)                                                                       \
  if ((call) != napi_ok) {                                                                \
    napi_throw_error(env, NULL, "prefopt_native: N-API call failed: " #call);            \
    return NULL;                                                                          \
  }

typedef struct {
  napi_env env;
  napi_value argv[MAX_ARGS];
  size_t argc;
  bool failed;
} Args;

static bool read_args(napi_env env, napi_callback_info info, Args *a, size_t expected) {
  a->env = env;
  a->argc = MAX_ARGS;
  a->failed = false;
  if (napi_get_cb_info(env, info, &a->argc, a->argv, NULL, NULL) != napi_ok || a->argc < expected) {
    napi_throw_type_error(env, NULL, "prefopt_native: too few arguments");
    return false;
  }
  return true;
}

static int64_t int_arg(Args *a, size_t i) {
  int64_t v = 0;
  if (!a->failed && napi_get_value_int64(a->env, a->argv[i], &v) != napi_ok) {
    napi_throw_type_error(a->env, NULL, "prefopt_native: expected an integer argument");
    a->failed = true;
  }
  return v;
}

static bool bool_arg(Args *a, size_t i) {
  bool v = false;
  if (!a->failed && napi_get_value_bool(a->env, a->argv[i], &v) != napi_ok) {
    napi_throw_type_error(a->env, NULL, "prefopt_native: expected a boolean argument");
    a->failed = true;
  }
  return v;
}

/* Data pointer of a typed array of the given type holding at least `need` elements. */
static void *array_arg(Args *a, size_t i, napi_typedarray_type want, int64_t need) {
  napi_typedarray_type type;
  size_t length = 0;
  void *data = NULL;
  if (a->failed) return NULL;
  if (napi_get_typedarray_info(a->env, a->argv[i], &type, &length, &data, NULL, NULL) != napi_ok ||
      type != want) {
    napi_throw_type_error(a->env, NULL,
                          want == napi_float32_array ? "prefopt_native: expected a Float32Array"
                                                     : "prefopt_native: expected an Int32Array");
    a->failed = true;
    return NULL;
  }
  if (need < 0 || (int64_t)length < need) {
    char msg[160];
    snprintf(msg, sizeof msg, "prefopt_native: argument %zu holds %zu elements, needs %lld", i,
             length, (long long)need);
    napi_throw_range_error(a->env, NULL, msg);
    a->failed = true;
    return NULL;
  }
  return data;
}

/* batchMatMul(transA, transB, batch, m, n, k, a, strideA, b, strideB, c) */
static napi_value batch_matmul(napi_env env, napi_callback_info info) {
  Args a;
  if (!read_args(env, info, &a, 11)) return NULL;
  const bool ta = bool_arg(&a, 0), tb = bool_arg(&a, 1);
  const int64_t batch = int_arg(&a, 2), m = int_arg(&a, 3), n = int_arg(&a, 4), k = int_arg(&a, 5);
  const int64_t sa = int_arg(&a, 7), sb = int_arg(&a, 9);
  const float *pa = array_arg(&a, 6, napi_float32_array, (batch - 1) * sa + m * k);
  const float *pb = array_arg(&a, 8, napi_float32_array, (batch - 1) * sb + k * n);
  float *pc = array_arg(&a, 10, napi_float32_array, batch * m * n);
  if (a.failed) return NULL;
  pf_batch_matmul(ta, tb, batch, m, n, k, pa, sa, pb, sb, pc);
  return NULL;
}

/* softmax(x, y, rows, cols) */
static napi_value softmax(napi_env env, napi_callback_info info) {
  Args a;
  if (!read_args(env, info, &a, 4)) return NULL;
  const int64_t rows = int_arg(&a, 2), cols = int_arg(&a, 3);
  const float *x = array_arg(&a, 0, napi_float32_array, rows * cols);
  float *y = array_arg(&a, 1, napi_float32_array, rows * cols);
  if (a.failed) return NULL;
  pf_softmax(x, y, rows, cols);
  return NULL;
}

/* True when every target id is in [0, vocab); otherwise throws a RangeError into JS. */
static bool targets_in_range(napi_env env, const int32_t *t, int64_t rows, int64_t vocab) {
  for (int64_t r = 0; r < rows; r++) {
    if (t[r] < 0 || t[r] >= vocab) {
      napi_throw_range_error(env, NULL, "prefopt_native: target id outside [0, vocab)");
      return false;
    }
  }
  return true;
}

/* tokenLogProbs(logits, targets, out, rows, vocab) */
static napi_value token_logprobs(napi_env env, napi_callback_info info) {
  Args a;
  if (!read_args(env, info, &a, 5)) return NULL;
  const int64_t rows = int_arg(&a, 3), vocab = int_arg(&a, 4);
  const float *x = array_arg(&a, 0, napi_float32_array, rows * vocab);
  const int32_t *t = array_arg(&a, 1, napi_int32_array, rows);
  float *out = array_arg(&a, 2, napi_float32_array, rows);
  if (a.failed) return NULL;
  if (!targets_in_range(env, t, rows, vocab)) return NULL;
  pf_token_logprobs(x, t, out, rows, vocab);
  return NULL;
}

/* tokenLogProbsGrad(logits, targets, dy, dx, rows, vocab) */
static napi_value token_logprobs_grad(napi_env env, napi_callback_info info) {
  Args a;
  if (!read_args(env, info, &a, 6)) return NULL;
  const int64_t rows = int_arg(&a, 4), vocab = int_arg(&a, 5);
  const float *x = array_arg(&a, 0, napi_float32_array, rows * vocab);
  const int32_t *t = array_arg(&a, 1, napi_int32_array, rows);
  const float *dy = array_arg(&a, 2, napi_float32_array, rows);
  float *dx = array_arg(&a, 3, napi_float32_array, rows * vocab);
  if (a.failed) return NULL;
  if (!targets_in_range(env, t, rows, vocab)) return NULL;
  pf_token_logprobs_grad(x, t, dy, dx, rows, vocab);
  return NULL;
}

static float float_arg(Args *a, size_t i) {
  double v = 0;
  if (!a->failed && napi_get_value_double(a->env, a->argv[i], &v) != napi_ok) {
    napi_throw_type_error(a->env, NULL, "prefopt_native: expected a number argument");
    a->failed = true;
  }
  return (float)v;
}

/* rmsNorm(x, w, eps, y, rows, cols) */
static napi_value rms_norm(napi_env env, napi_callback_info info) {
  Args a;
  if (!read_args(env, info, &a, 6)) return NULL;
  const int64_t rows = int_arg(&a, 4), cols = int_arg(&a, 5);
  const float eps = float_arg(&a, 2);
  const float *x = array_arg(&a, 0, napi_float32_array, rows * cols);
  const float *w = array_arg(&a, 1, napi_float32_array, cols);
  float *y = array_arg(&a, 3, napi_float32_array, rows * cols);
  if (a.failed) return NULL;
  pf_rms_norm(x, w, eps, y, rows, cols);
  return NULL;
}

/* rmsNormGrad(x, w, dy, eps, dx, dw, rows, cols) */
static napi_value rms_norm_grad(napi_env env, napi_callback_info info) {
  Args a;
  if (!read_args(env, info, &a, 8)) return NULL;
  const int64_t rows = int_arg(&a, 6), cols = int_arg(&a, 7);
  const float eps = float_arg(&a, 3);
  const float *x = array_arg(&a, 0, napi_float32_array, rows * cols);
  const float *w = array_arg(&a, 1, napi_float32_array, cols);
  const float *dy = array_arg(&a, 2, napi_float32_array, rows * cols);
  float *dx = array_arg(&a, 4, napi_float32_array, rows * cols);
  float *dw = array_arg(&a, 5, napi_float32_array, cols);
  if (a.failed) return NULL;
  pf_rms_norm_grad(x, w, dy, eps, dx, dw, rows, cols);
  return NULL;
}

/* scaledMaskedSoftmax(x, mask, scale, y, rows, tq, tk) */
static napi_value scaled_masked_softmax(napi_env env, napi_callback_info info) {
  Args a;
  if (!read_args(env, info, &a, 7)) return NULL;
  const int64_t rows = int_arg(&a, 4), tq = int_arg(&a, 5), tk = int_arg(&a, 6);
  const float scale = float_arg(&a, 2);
  if (!a.failed && (tq <= 0 || rows % tq != 0)) {
    napi_throw_range_error(env, NULL, "prefopt_native: rows must be a multiple of the mask's rows");
    return NULL;
  }
  const float *x = array_arg(&a, 0, napi_float32_array, rows * tk);
  const float *mask = array_arg(&a, 1, napi_float32_array, tq * tk);
  float *y = array_arg(&a, 3, napi_float32_array, rows * tk);
  if (a.failed) return NULL;
  pf_scaled_masked_softmax(x, mask, scale, y, rows, tq, tk);
  return NULL;
}

/* scaledMaskedSoftmaxGrad(y, dy, scale, dx, rows, tk) */
static napi_value scaled_masked_softmax_grad(napi_env env, napi_callback_info info) {
  Args a;
  if (!read_args(env, info, &a, 6)) return NULL;
  const int64_t rows = int_arg(&a, 4), tk = int_arg(&a, 5);
  const float scale = float_arg(&a, 2);
  const float *y = array_arg(&a, 0, napi_float32_array, rows * tk);
  const float *dy = array_arg(&a, 1, napi_float32_array, rows * tk);
  float *dx = array_arg(&a, 3, napi_float32_array, rows * tk);
  if (a.failed) return NULL;
  pf_scaled_masked_softmax_grad(y, dy, scale, dx, rows, tk);
  return NULL;
}

/* setThreads(n) → threads in effect */
static napi_value set_threads(napi_env env, napi_callback_info info) {
  Args a;
  if (!read_args(env, info, &a, 1)) return NULL;
  const int64_t n = int_arg(&a, 0);
  if (a.failed) return NULL;
  napi_value out;
  CHECK(napi_create_int32(env, pf_set_threads((int)n), &out));
  return out;
}

/* blasConfig() → OpenBLAS build string */
static napi_value blas_config(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value out;
  CHECK(napi_create_string_utf8(env, pf_blas_config(), NAPI_AUTO_LENGTH, &out));
  return out;
}

static napi_value init(napi_env env, napi_value exports) {
  const napi_property_descriptor props[] = {
      {"batchMatMul", NULL, batch_matmul, NULL, NULL, NULL, napi_enumerable, NULL},
      {"softmax", NULL, softmax, NULL, NULL, NULL, napi_enumerable, NULL},
      {"tokenLogProbs", NULL, token_logprobs, NULL, NULL, NULL, napi_enumerable, NULL},
      {"tokenLogProbsGrad", NULL, token_logprobs_grad, NULL, NULL, NULL, napi_enumerable, NULL},
      {"rmsNorm", NULL, rms_norm, NULL, NULL, NULL, napi_enumerable, NULL},
      {"rmsNormGrad", NULL, rms_norm_grad, NULL, NULL, NULL, napi_enumerable, NULL},
      {"scaledMaskedSoftmax", NULL, scaled_masked_softmax, NULL, NULL, NULL, napi_enumerable, NULL},
      {"scaledMaskedSoftmaxGrad", NULL, scaled_masked_softmax_grad, NULL, NULL, NULL, napi_enumerable,
       NULL},
      {"setThreads", NULL, set_threads, NULL, NULL, NULL, napi_enumerable, NULL},
      {"blasConfig", NULL, blas_config, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  CHECK(napi_define_properties(env, exports, sizeof props / sizeof props[0], props));
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
