/**
 * The N-API addon's exports (native/src/addon.c). Every call is synchronous and reads and
 * writes the typed arrays in place. Before touching memory it checks its arguments and
 * throws a TypeError or RangeError "prefopt_native.<export>: <argument> ..." (code
 * ERR_PREFOPT_NATIVE_ARG) for: a wrong argument count or type (sizes are integers ≥ 0,
 * Float32Array / Int32Array exactly), a size product that overflows, an array whose length
 * is not exactly what the sizes give, an output sharing bytes with another array argument,
 * a target id outside [0, vocab). Zero sizes are valid: an empty result, or zeros where an
 * output sums over an empty axis (batchMatMul with k = 0, rmsNormGrad's dw with rows = 0).
 */
export interface NativeAddon {
  /** c[i] = op(a[i])·op(b[i]) for i < batch; op transposes when trans*; stride 0 broadcasts. */
  batchMatMul(
    transA: boolean,
    transB: boolean,
    batch: number,
    m: number,
    n: number,
    k: number,
    a: Float32Array,
    strideA: number,
    b: Float32Array,
    strideB: number,
    c: Float32Array,
  ): void;
  /** y = softmax(x) over the last axis of [rows, cols]. */
  softmax(x: Float32Array, y: Float32Array, rows: number, cols: number): void;
  /** out[r] = x[r, t_r] − logsumexp(x[r, :]) for [rows, vocab] logits. */
  tokenLogProbs(
    logits: Float32Array,
    targets: Int32Array,
    out: Float32Array,
    rows: number,
    vocab: number,
  ): void;
  /** dx[r, v] = dy[r]·(1[v = t_r] − softmax(x[r, :])[v]). */
  tokenLogProbsGrad(
    logits: Float32Array,
    targets: Int32Array,
    dy: Float32Array,
    dx: Float32Array,
    rows: number,
    vocab: number,
  ): void;
  /** y = x·w / sqrt(mean(x²) + eps) per row of [rows, cols] x. */
  rmsNorm(
    x: Float32Array,
    w: Float32Array,
    eps: number,
    y: Float32Array,
    rows: number,
    cols: number,
  ): void;
  /** Gradient of rmsNorm: writes dx [rows, cols] and dw [cols]. */
  rmsNormGrad(
    x: Float32Array,
    w: Float32Array,
    dy: Float32Array,
    eps: number,
    dx: Float32Array,
    dw: Float32Array,
    rows: number,
    cols: number,
  ): void;
  /** y = softmax(x·scale + mask) per row of [rows, tk] x; mask [tq, tk], row r uses r mod tq. */
  scaledMaskedSoftmax(
    x: Float32Array,
    mask: Float32Array,
    scale: number,
    y: Float32Array,
    rows: number,
    tq: number,
    tk: number,
  ): void;
  /** Its gradient from the output y: dx = scale·y·(dy − Σ dy·y) per row. */
  scaledMaskedSoftmaxGrad(
    y: Float32Array,
    dy: Float32Array,
    scale: number,
    dx: Float32Array,
    rows: number,
    tk: number,
  ): void;
  /** Sets OpenBLAS and OpenMP threads (n > 0); returns the count in effect. */
  setThreads(n: number): number;
  /** OpenBLAS's build line, e.g. 'OpenBLAS 0.3.21 DYNAMIC_ARCH … Cooperlake MAX_THREADS=64'. */
  blasConfig(): string;
}
