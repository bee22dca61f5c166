import * as tf from '@tensorflow/tfjs-core';
import { tokenLogProbs } from '@prefopt/backend-native';
import { targetLogps as orig } from '../../../../packages/model/src/llama/targetLogps';
export function targetLogps(logits: tf.Tensor2D, targets: tf.Tensor1D): tf.Tensor1D {
  return process.env.TLP === '0' ? orig(logits, targets) : tokenLogProbs(logits, targets);
}
