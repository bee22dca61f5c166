/* Hot training-step kernels over plain float32 buffers (row-major). No N-API here: addon.c
   checks every size, length and aliasing before calling them. Each returns at once for
   zero (or negative) sizes, writing nothing, except where the result is a sum over an empty
   axis: pf_batch_matmul with k = 0 and pf_rms_norm_grad's dw with rows = 0 write zeros. */
#ifndef PREFOPT_KERNELS_H
#define PREFOPT_KERNELS_H
#include <stdint.h>

/* C[i] = op(A[i]) · op(B[i]) for i < batch; op transposes when trans_*; stride 0 broadcasts. */
void pf_batch_matmul(int trans_a, int trans_b, int64_t batch, int64_t m, int64_t n, int64_t k,
                     const float *a, int64_t stride_a, const float *b, int64_t stride_b, float *c);

/* y = softmax(x) over the last axis of [rows, cols]. */
void pf_softmax(const float *x, float *y, int64_t rows, int64_t cols);

/* out[r] = x[r, t_r] − logsumexp(x[r, :]) for [rows, vocab] logits, targets t. */
void pf_token_logprobs(const float *x, const int32_t *targets, float *out, int64_t rows,
                       int64_t vocab);

/* dx[r, v] = dy[r] · (1[v = t_r] − softmax(x[r, :])[v]): the gradient of pf_token_logprobs. */
void pf_token_logprobs_grad(const float *x, const int32_t *targets, const float *dy, float *dx,
                            int64_t rows, int64_t vocab);

/* y[r, :] = x[r, :] · w / sqrt(mean(x[r, :]²) + eps) for [rows, cols] x, [cols] w. */
void pf_rms_norm(const float *x, const float *w, float eps, float *y, int64_t rows, int64_t cols);

/* Gradient of pf_rms_norm: with g = dy·w and r = 1/sqrt(mean(x²) + eps) per row,
   dx = r·g − x·r³·mean(g·x) and dw = Σ_rows dy·x·r. */
void pf_rms_norm_grad(const float *x, const float *w, const float *dy, float eps, float *dx,
                      float *dw, int64_t rows, int64_t cols);

/* y = softmax(x·scale + mask) over the last axis of [batch·tq, tk] x; mask [tq, tk] is
   shared by the batch (row r uses mask row r mod tq). */
void pf_scaled_masked_softmax(const float *x, const float *mask, float scale, float *y,
                              int64_t rows, int64_t tq, int64_t tk);

/* Its gradient w.r.t. x from the output y: dx = scale·y·(dy − Σ_k dy·y) per row. */
void pf_scaled_masked_softmax_grad(const float *y, const float *dy, float scale, float *dx,
                                   int64_t rows, int64_t tk);

/* Threads for OpenBLAS and the OpenMP loops; returns the count in effect. */
int pf_set_threads(int threads);

/* OpenBLAS's build description ("OpenBLAS 0.3.21 DYNAMIC_ARCH ... Haswell MAX_THREADS=64"). */
const char *pf_blas_config(void);

#endif
