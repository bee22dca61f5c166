/*
 * Argument checking for the N-API exports: every check throws a JS TypeError or RangeError
 * naming the export and the argument ("prefopt_native.softmax: cols must be ...") and marks
 * the call failed; later checks of a failed call do nothing, so an export reads all its
 * arguments, then tests `a.failed` once before touching any memory.
 */
#ifndef PREFOPT_ARGS_H
#define PREFOPT_ARGS_H
#define NAPI_VERSION 8
#include <node_api.h>
#include <stdbool.h>
#include <stdint.h>

#define PF_MAX_ARGS 12

/* One typed-array argument's byte range, for the aliasing check. */
typedef struct {
  const char *name;
  uintptr_t begin, end;
  bool output;
} PfRange;

typedef struct {
  napi_env env;
  const char *fn; /* the export's name, e.g. "softmax" */
  napi_value argv[PF_MAX_ARGS];
  size_t argc;
  bool failed;
  PfRange ranges[PF_MAX_ARGS];
  size_t nranges;
} PfArgs;

/* Reads exactly `expected` arguments (`signature` lists their names for the message). */
bool pf_read_args(napi_env env, napi_callback_info info, PfArgs *a, const char *fn,
                  size_t expected, const char *signature);

/* Throws a RangeError (or TypeError when `type_error`) "prefopt_native.<fn>: <message>". */
void pf_fail(PfArgs *a, bool type_error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* An integer in [0, max] (a JS number with no fraction). */
int64_t pf_size_arg(PfArgs *a, size_t i, const char *name, int64_t max);

/* A finite number. */
double pf_number_arg(PfArgs *a, size_t i, const char *name);

bool pf_bool_arg(PfArgs *a, size_t i, const char *name);

/* x·y, failing (naming `what`) when it overflows int64. */
int64_t pf_mul(PfArgs *a, const char *what, int64_t x, int64_t y);

/* x + y, failing (naming `what`) when it overflows int64. */
int64_t pf_add(PfArgs *a, const char *what, int64_t x, int64_t y);

/* Data of a typed array of type `want` holding exactly `length` elements; recorded for
   pf_check_aliasing (as an output when `output`). NULL when failed or empty. */
void *pf_array_arg(PfArgs *a, size_t i, const char *name, napi_typedarray_type want,
                   int64_t length, bool output);

/* Fails when an output's bytes overlap those of any other array argument. */
void pf_check_aliasing(PfArgs *a);

#endif
