import { PrefoptError } from '@prefopt/core';

/** The learning-rate schedule: linear warmup, then cosine or linear decay (or constant). */
export interface LrSchedule {
  lr: number;
  /** Optimiser steps of linear warmup from 0 to `lr`. */
  warmupSteps: number;
  totalSteps: number;
  decay: 'cosine' | 'linear' | 'constant';
}

/**
 * The learning rate of optimiser step `step` (1-based), as transformers'
 * get_{cosine,linear,constant}_schedule_with_warmup compute it for scheduler index k = step − 1:
 *   warmup (k < W):  lr · k / W
 *   linear:          lr · max(0, (N − k) / (N − W))
 *   cosine:          lr · max(0, ½ (1 + cos(π · (k − W) / (N − W))))
 */
export function learningRate(step: number, s: LrSchedule): number {
  if (!(s.lr > 0) || !Number.isFinite(s.lr)) {
    throw new PrefoptError('config', `--lr must be a finite number > 0, got ${s.lr}.`);
  }
  const k = step - 1;
  const W = s.warmupSteps;
  const N = s.totalSteps;
  if (k < W) return (s.lr * k) / Math.max(1, W);
  if (s.decay === 'constant') return s.lr;
  if (s.decay === 'linear') return s.lr * Math.max(0, (N - k) / Math.max(1, N - W));
  const progress = (k - W) / Math.max(1, N - W);
  return s.lr * Math.max(0, 0.5 * (1 + Math.cos(Math.PI * progress)));
}
