/* Hot training-step kernels: OpenBLAS sgemm for matmuls, OpenMP row loops for the rest. */
#include "kernels.h"

#include <cblas.h>
#include <math.h>
#include <omp.h>
#include <string.h>

/* Rows per thread below which a loop stays on one thread (the fork costs more). */
#define PF_MIN_WORK 32768

void pf_batch_matmul(int trans_a, int trans_b, int64_t batch, int64_t m, int64_t n, int64_t k,
                     const float *a, int64_t stride_a, const float *b, int64_t stride_b, float *c) {
  if (batch <= 0 || m <= 0 || n <= 0) return;
  if (k <= 0) { /* a sum over an empty axis; sgemm would reject lda = 0 and leave c as is */
    memset(c, 0, (size_t)(batch * m * n) * sizeof(float));
    return;
  }
  const int64_t lda = trans_a ? m : k;
  const int64_t ldb = trans_b ? k : n;
  for (int64_t i = 0; i < batch; i++) {
    cblas_sgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans,
                trans_b ? CblasTrans : CblasNoTrans, (blasint)m, (blasint)n, (blasint)k, 1.0f,
                a + i * stride_a, (blasint)lda, b + i * stride_b, (blasint)ldb, 0.0f, c + i * m * n,
                (blasint)n);
  }
}

/* Max and log Σ exp(x − max) of one row: the two passes every kernel below shares. */
static inline float row_logsumexp(const float *x, int64_t cols, float *max_out) {
  float mx = x[0];
#pragma omp simd reduction(max : mx)
  for (int64_t j = 1; j < cols; j++) mx = x[j] > mx ? x[j] : mx;
  float sum = 0.0f;
#pragma omp simd reduction(+ : sum)
  for (int64_t j = 0; j < cols; j++) sum += expf(x[j] - mx);
  *max_out = mx;
  return logf(sum);
}

void pf_softmax(const float *x, float *y, int64_t rows, int64_t cols) {
  if (rows <= 0 || cols <= 0) return; /* nothing to write; row max would read x[0] */
#pragma omp parallel for schedule(static) if (rows * cols > PF_MIN_WORK)
  for (int64_t r = 0; r < rows; r++) {
    const float *xr = x + r * cols;
    float *yr = y + r * cols;
    float mx = xr[0];
#pragma omp simd reduction(max : mx)
    for (int64_t j = 1; j < cols; j++) mx = xr[j] > mx ? xr[j] : mx;
    float sum = 0.0f;
#pragma omp simd reduction(+ : sum)
    for (int64_t j = 0; j < cols; j++) {
      yr[j] = expf(xr[j] - mx);
      sum += yr[j];
    }
    const float inv = 1.0f / sum;
#pragma omp simd
    for (int64_t j = 0; j < cols; j++) yr[j] *= inv;
  }
}

void pf_token_logprobs(const float *x, const int32_t *targets, float *out, int64_t rows,
                       int64_t vocab) {
  if (rows <= 0 || vocab <= 0) return; /* the addon rejects targets for vocab = 0 */
#pragma omp parallel for schedule(static) if (rows * vocab > PF_MIN_WORK)
  for (int64_t r = 0; r < rows; r++) {
    const float *xr = x + r * vocab;
    float mx;
    const float lse = row_logsumexp(xr, vocab, &mx);
    out[r] = xr[targets[r]] - mx - lse;
  }
}

void pf_token_logprobs_grad(const float *x, const int32_t *targets, const float *dy, float *dx,
                            int64_t rows, int64_t vocab) {
  if (rows <= 0 || vocab <= 0) return;
#pragma omp parallel for schedule(static) if (rows * vocab > PF_MIN_WORK)
  for (int64_t r = 0; r < rows; r++) {
    const float *xr = x + r * vocab;
    float *dr = dx + r * vocab;
    const float g = dy[r];
    if (g == 0.0f) { /* prompt and padding tokens: no exp pass at all */
      for (int64_t j = 0; j < vocab; j++) dr[j] = 0.0f;
      continue;
    }
    float mx;
    const float lse = row_logsumexp(xr, vocab, &mx) + mx;
#pragma omp simd
    for (int64_t j = 0; j < vocab; j++) dr[j] = -g * expf(xr[j] - lse);
    dr[targets[r]] += g;
  }
}

static inline float row_inv_rms(const float *x, int64_t cols, float eps) {
  float ss = 0.0f;
  for (int64_t j = 0; j < cols; j++) ss += x[j] * x[j];
  return 1.0f / sqrtf(ss / (float)cols + eps);
}

void pf_rms_norm(const float *x, const float *w, float eps, float *y, int64_t rows, int64_t cols) {
  if (rows <= 0 || cols <= 0) return;
#pragma omp parallel for schedule(static) if (rows * cols > PF_MIN_WORK)
  for (int64_t r = 0; r < rows; r++) {
    const float *xr = x + r * cols;
    float *yr = y + r * cols;
    const float inv = row_inv_rms(xr, cols, eps);
    for (int64_t j = 0; j < cols; j++) yr[j] = xr[j] * inv * w[j];
  }
}

void pf_rms_norm_grad(const float *x, const float *w, const float *dy, float eps, float *dx,
                      float *dw, int64_t rows, int64_t cols) {
  if (cols <= 0) return; /* rows = 0 still zeroes dw below */
  if (rows < 0) rows = 0;
#pragma omp parallel for schedule(static) if (rows * cols > PF_MIN_WORK)
  for (int64_t r = 0; r < rows; r++) {
    const float *xr = x + r * cols;
    const float *gr = dy + r * cols;
    float *dr = dx + r * cols;
    const float inv = row_inv_rms(xr, cols, eps);
    float gx = 0.0f; /* Σ_j (dy·w)_j x_j */
    for (int64_t j = 0; j < cols; j++) gx += gr[j] * w[j] * xr[j];
    const float k = inv * inv * inv * gx / (float)cols;
    for (int64_t j = 0; j < cols; j++) dr[j] = inv * gr[j] * w[j] - xr[j] * k;
  }
  /* dw: a reduction over rows, kept serial so the sum's order (and result) is fixed. */
  for (int64_t j = 0; j < cols; j++) dw[j] = 0.0f;
  for (int64_t r = 0; r < rows; r++) {
    const float *xr = x + r * cols;
    const float *gr = dy + r * cols;
    const float inv = row_inv_rms(xr, cols, eps);
    for (int64_t j = 0; j < cols; j++) dw[j] += gr[j] * xr[j] * inv;
  }
}

void pf_scaled_masked_softmax(const float *x, const float *mask, float scale, float *y,
                              int64_t rows, int64_t tq, int64_t tk) {
  if (rows <= 0 || tq <= 0 || tk <= 0) return;
#pragma omp parallel for schedule(static) if (rows * tk > PF_MIN_WORK)
  for (int64_t r = 0; r < rows; r++) {
    const float *xr = x + r * tk;
    const float *mr = mask + (r % tq) * tk;
    float *yr = y + r * tk;
    float mx = -INFINITY;
    for (int64_t j = 0; j < tk; j++) {
      yr[j] = xr[j] * scale + mr[j];
      mx = yr[j] > mx ? yr[j] : mx;
    }
    float sum = 0.0f;
    for (int64_t j = 0; j < tk; j++) {
      yr[j] = expf(yr[j] - mx);
      sum += yr[j];
    }
    const float inv = 1.0f / sum;
    for (int64_t j = 0; j < tk; j++) yr[j] *= inv;
  }
}

void pf_scaled_masked_softmax_grad(const float *y, const float *dy, float scale, float *dx,
                                   int64_t rows, int64_t tk) {
  if (rows <= 0 || tk <= 0) return;
#pragma omp parallel for schedule(static) if (rows * tk > PF_MIN_WORK)
  for (int64_t r = 0; r < rows; r++) {
    const float *yr = y + r * tk;
    const float *gr = dy + r * tk;
    float *dr = dx + r * tk;
    float dot = 0.0f;
    for (int64_t j = 0; j < tk; j++) dot += gr[j] * yr[j];
    for (int64_t j = 0; j < tk; j++) dr[j] = scale * yr[j] * (gr[j] - dot);
  }
}

int pf_set_threads(int threads) {
  if (threads > 0) {
    openblas_set_num_threads(threads);
    omp_set_num_threads(threads);
  }
  return openblas_get_num_threads();
}

const char *pf_blas_config(void) { return openblas_get_config(); }
