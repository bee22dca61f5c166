/* Argument checking for the N-API exports (see args.h). */
#include "args.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

void pf_fail(PfArgs *a, bool type_error, const char *fmt, ...) {
  if (a->failed) return;
  a->failed = true;
  char msg[320];
  int n = snprintf(msg, sizeof msg, "prefopt_native.%s: ", a->fn);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
  va_end(ap);
  if (type_error)
    napi_throw_type_error(a->env, "ERR_PREFOPT_NATIVE_ARG", msg);
  else
    napi_throw_range_error(a->env, "ERR_PREFOPT_NATIVE_ARG", msg);
}

bool pf_read_args(napi_env env, napi_callback_info info, PfArgs *a, const char *fn,
                  size_t expected, const char *signature) {
  a->env = env;
  a->fn = fn;
  a->argc = PF_MAX_ARGS;
  a->failed = false;
  a->nranges = 0;
  if (napi_get_cb_info(env, info, &a->argc, a->argv, NULL, NULL) != napi_ok) {
    pf_fail(a, true, "cannot read its arguments");
    return false;
  }
  if (a->argc != expected) {
    pf_fail(a, true, "takes %zu argument%s (%s), got %zu", expected, expected == 1 ? "" : "s",
            signature, a->argc);
    return false;
  }
  return true;
}

static const char *js_type_name(napi_env env, napi_value v) {
  napi_valuetype t;
  if (napi_typeof(env, v, &t) != napi_ok) return "an unknown value";
  switch (t) {
    case napi_undefined: return "undefined";
    case napi_null: return "null";
    case napi_boolean: return "a boolean";
    case napi_number: return "a number";
    case napi_string: return "a string";
    case napi_symbol: return "a symbol";
    case napi_object: return "an object";
    case napi_function: return "a function";
    case napi_external: return "an external";
    case napi_bigint: return "a bigint";
  }
  return "an unknown value";
}

/* The number at argument i, or fails with a TypeError when it is not a JS number. */
static double number_value(PfArgs *a, size_t i, const char *name) {
  napi_valuetype t;
  double v = 0;
  if (a->failed) return 0;
  if (napi_typeof(a->env, a->argv[i], &t) != napi_ok || t != napi_number ||
      napi_get_value_double(a->env, a->argv[i], &v) != napi_ok) {
    pf_fail(a, true, "%s must be a number, got %s", name, js_type_name(a->env, a->argv[i]));
    return 0;
  }
  return v;
}

int64_t pf_size_arg(PfArgs *a, size_t i, const char *name, int64_t max) {
  const double v = number_value(a, i, name);
  if (a->failed) return 0;
  if (!isfinite(v) || v != floor(v) || v < 0 || v > (double)max) {
    pf_fail(a, false, "%s must be an integer in [0, %lld], got %g", name, (long long)max, v);
    return 0;
  }
  return (int64_t)v;
}

double pf_number_arg(PfArgs *a, size_t i, const char *name) {
  const double v = number_value(a, i, name);
  if (!a->failed && !isfinite(v)) pf_fail(a, false, "%s must be a finite number, got %g", name, v);
  return a->failed ? 0 : v;
}

bool pf_bool_arg(PfArgs *a, size_t i, const char *name) {
  bool v = false;
  if (a->failed) return false;
  if (napi_get_value_bool(a->env, a->argv[i], &v) != napi_ok) {
    pf_fail(a, true, "%s must be a boolean, got %s", name, js_type_name(a->env, a->argv[i]));
  }
  return v;
}

int64_t pf_mul(PfArgs *a, const char *what, int64_t x, int64_t y) {
  int64_t r = 0;
  if (a->failed) return 0;
  if (__builtin_mul_overflow(x, y, &r)) {
    pf_fail(a, false, "%s = %lld × %lld overflows", what, (long long)x, (long long)y);
    return 0;
  }
  return r;
}

int64_t pf_add(PfArgs *a, const char *what, int64_t x, int64_t y) {
  int64_t r = 0;
  if (a->failed) return 0;
  if (__builtin_add_overflow(x, y, &r)) {
    pf_fail(a, false, "%s = %lld + %lld overflows", what, (long long)x, (long long)y);
    return 0;
  }
  return r;
}

static const char *array_type_name(napi_typedarray_type t) {
  switch (t) {
    case napi_int8_array: return "Int8Array";
    case napi_uint8_array: return "Uint8Array";
    case napi_uint8_clamped_array: return "Uint8ClampedArray";
    case napi_int16_array: return "Int16Array";
    case napi_uint16_array: return "Uint16Array";
    case napi_int32_array: return "Int32Array";
    case napi_uint32_array: return "Uint32Array";
    case napi_float32_array: return "Float32Array";
    case napi_float64_array: return "Float64Array";
    case napi_bigint64_array: return "BigInt64Array";
    case napi_biguint64_array: return "BigUint64Array";
  }
  return "a typed array";
}

void *pf_array_arg(PfArgs *a, size_t i, const char *name, napi_typedarray_type want,
                   int64_t length, bool output) {
  if (a->failed) return NULL;
  bool is_typed = false;
  napi_typedarray_type type = napi_int8_array;
  size_t have = 0;
  void *data = NULL;
  if (napi_is_typedarray(a->env, a->argv[i], &is_typed) != napi_ok || !is_typed) {
    pf_fail(a, true, "%s must be a %s, got %s", name, array_type_name(want),
            js_type_name(a->env, a->argv[i]));
    return NULL;
  }
  if (napi_get_typedarray_info(a->env, a->argv[i], &type, &have, &data, NULL, NULL) != napi_ok ||
      type != want) {
    pf_fail(a, true, "%s must be a %s, got a %s", name, array_type_name(want),
            array_type_name(type));
    return NULL;
  }
  if (length < 0 || (uint64_t)have != (uint64_t)length) {
    pf_fail(a, false, "%s holds %zu elements, the sizes given need exactly %lld", name, have,
            (long long)length);
    return NULL;
  }
  if (have > 0 && data == NULL) {
    pf_fail(a, false, "%s has no memory (a detached buffer?)", name);
    return NULL;
  }
  if (a->nranges < PF_MAX_ARGS) {
    const uintptr_t begin = (uintptr_t)data;
    /* Float32 and Int32 elements are 4 bytes; have·4 fits since the array exists. */
    a->ranges[a->nranges++] = (PfRange){name, begin, begin + have * 4, output};
  }
  return have > 0 ? data : NULL;
}

void pf_check_aliasing(PfArgs *a) {
  for (size_t i = 0; i < a->nranges && !a->failed; i++) {
    const PfRange *p = &a->ranges[i];
    if (!p->output || p->begin == p->end) continue;
    for (size_t j = 0; j < a->nranges; j++) {
      const PfRange *q = &a->ranges[j];
      if (j == i || q->begin == q->end) continue;
      if (p->begin < q->end && q->begin < p->end) {
        pf_fail(a, false, "output %s overlaps %s %s; pass separate buffers", p->name,
                q->output ? "output" : "input", q->name);
        return;
      }
    }
  }
}
