import type { TensorInfo } from '@tensorflow/tfjs-core';

/**
 * Names of prefopt's custom kernels, with their inputs and attrs (as tfjs-core's
 * `kernel_names.ts`). `@prefopt/model`'s ops run them through `tf.engine().runKernel` where
 * a backend registered them, else fall back to tfjs ops; backends (`@prefopt/backend-native`,
 * `@prefopt/backend-node`) register them. Both sides import the names from here.
 */

/** log p(targets[r]) under softmax(logits[r, :]): logits [N, V] float32, targets [N] int32 → [N]. */
export const PrefoptTokenLogProbs = 'PrefoptTokenLogProbs';
export type PrefoptTokenLogProbs = typeof PrefoptTokenLogProbs;
export interface PrefoptTokenLogProbsInputs {
  logits: TensorInfo; // [N, V]
  targets: TensorInfo; // [N]
}

/** dlogits = dy[r]·(onehot(targets[r]) − softmax(logits[r, :])) → [N, V]. */
export const PrefoptTokenLogProbsGrad = 'PrefoptTokenLogProbsGrad';
export type PrefoptTokenLogProbsGrad = typeof PrefoptTokenLogProbsGrad;
export interface PrefoptTokenLogProbsGradInputs extends PrefoptTokenLogProbsInputs {
  dy: TensorInfo; // [N]
}

/** x·weight/sqrt(mean(x²) + eps) over the last axis: x [M, D], weight [D] → [M, D]. */
export const PrefoptRmsNorm = 'PrefoptRmsNorm';
export type PrefoptRmsNorm = typeof PrefoptRmsNorm;
export interface PrefoptRmsNormInputs {
  x: TensorInfo; // [M, D]
  weight: TensorInfo; // [D]
}
export interface PrefoptRmsNormAttrs {
  eps: number;
}

/** Gradient of PrefoptRmsNorm: → [dx [M, D], dweight [D]]. */
export const PrefoptRmsNormGrad = 'PrefoptRmsNormGrad';
export type PrefoptRmsNormGrad = typeof PrefoptRmsNormGrad;
export interface PrefoptRmsNormGradInputs extends PrefoptRmsNormInputs {
  dy: TensorInfo; // [M, D]
}
export type PrefoptRmsNormGradAttrs = PrefoptRmsNormAttrs;

/** softmax(x·scale + mask) over the last axis: x [S, Tq, Tk], mask [Tq, Tk] (0 or −∞-like). */
export const PrefoptScaledMaskedSoftmax = 'PrefoptScaledMaskedSoftmax';
export type PrefoptScaledMaskedSoftmax = typeof PrefoptScaledMaskedSoftmax;
export interface PrefoptScaledMaskedSoftmaxInputs {
  x: TensorInfo; // [S, Tq, Tk]
  mask: TensorInfo; // [Tq, Tk]
}
export interface PrefoptScaledMaskedSoftmaxAttrs {
  scale: number;
}

/** Gradient from the forward's output y: dx = scale·y·(dy − Σ dy·y) → [S, Tq, Tk]. */
export const PrefoptScaledMaskedSoftmaxGrad = 'PrefoptScaledMaskedSoftmaxGrad';
export type PrefoptScaledMaskedSoftmaxGrad = typeof PrefoptScaledMaskedSoftmaxGrad;
export interface PrefoptScaledMaskedSoftmaxGradInputs {
  y: TensorInfo; // [S, Tq, Tk]
  dy: TensorInfo; // [S, Tq, Tk]
}
export type PrefoptScaledMaskedSoftmaxGradAttrs = PrefoptScaledMaskedSoftmaxAttrs;

/** Both gradients of `a · b` (inputs a, b, dy; outputs [da, db]), e.g. with transpose flags. */
export const PrefoptMatMulGrad = 'PrefoptMatMulGrad';
export type PrefoptMatMulGrad = typeof PrefoptMatMulGrad;
export interface PrefoptMatMulGradInputs {
  /** [M, K] or [S, M, K] */
  a: TensorInfo;
  /** [K, N] or [S, K, N] */
  b: TensorInfo;
  /** [M, N] or [S, M, N] */
  dy: TensorInfo;
}
