export type { ModelConfig, ModelConfigInput } from './config/ModelConfig';
export { resolveModelConfig } from './config/resolveModelConfig';
export { createModel } from './createModel';
export type { CreateModelOptions } from './createModel';
export { LlamaModel } from './llama/LlamaModel';
export { KvCache } from './llama/KvCache';
export { plainProjection } from './llama/Projection';
export type { Projection, ProjectionName } from './llama/Projection';
export type { LayerWeights, LlamaWeights } from './llama/LlamaWeights';
export { weightShapes } from './llama/weightShapes';
export { buildWeights } from './llama/buildWeights';
export { loadModel } from './loadModel';
export { saveModel } from './saveModel';
export type { HfWriteOptions } from './checkpoint/hf/writeHfFolder';
export { copyTokenizerFiles } from './checkpoint/hf/copyTokenizerFiles';
export { modelWeights } from './checkpoint/modelWeights';
export { modelVariables } from './checkpoint/modelVariables';
export { modelFromWeights } from './checkpoint/modelFromWeights';
export type { WeightArrays } from './checkpoint/WeightArrays';
export { readLlama2cBin } from './checkpoint/readLlama2cBin';
export { writeLlama2cBin } from './checkpoint/writeLlama2cBin';
export { readHfFolder } from './checkpoint/hf/readHfFolder';
export { writeHfFolder } from './checkpoint/hf/writeHfFolder';
export { permuteRotaryRows } from './checkpoint/hf/permuteRotaryRows';
export { transposeMatrix } from './checkpoint/transposeMatrix';
export { readSafetensors } from './checkpoint/safetensors/readSafetensors';
export { writeSafetensors } from './checkpoint/safetensors/writeSafetensors';
export type { SafetensorsTensor } from './checkpoint/safetensors/SafetensorsTensor';
export { generate } from './generate/generate';
export type { GenerateOptions } from './generate/generate';
export { sampleToken } from './generate/sampleToken';
export type { SamplingOptions } from './generate/sampleToken';
export { XorshiftRng } from './generate/XorshiftRng';
export { tokenLogProbs, TOKEN_LOG_PROBS, TOKEN_LOG_PROBS_GRAD } from './ops/tokenLogProbs';
export { rmsNorm, RMS_NORM, RMS_NORM_GRAD } from './ops/rmsNorm';
export { matMul2d } from './ops/matMul2d';
export { batchMatMul } from './ops/batchMatMul';
export { MATMUL_GRAD } from './ops/matMulGrad';
export {
  scaledMaskedSoftmax,
  SCALED_MASKED_SOFTMAX,
  SCALED_MASKED_SOFTMAX_GRAD,
} from './ops/scaledMaskedSoftmax';
