import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type {
  KernelConfig,
  KernelFunc,
  TensorInfo,
  UnsortedSegmentSumAttrs,
  UnsortedSegmentSumInputs,
} from '@tensorflow/tfjs-core';

/**
 * `UnsortedSegmentSum` for the wasm backend, which ships none (tfjs 4.22): it is the
 * gradient of `gather`, so without it no embedding lookup trains on wasm. A plain
 * scatter-add over the wasm heap: out[ids[i], j] += x[i, j]; ids outside
 * [0, numSegments) are dropped, as in TensorFlow.
 */
function unsortedSegmentSum(args: {
  inputs: UnsortedSegmentSumInputs;
  backend: BackendWasm;
  attrs: UnsortedSegmentSumAttrs;
}): TensorInfo {
  const { backend, attrs } = args;
  const x = args.inputs.x as TensorInfo; // [S..., D...]
  const segmentIds = args.inputs.segmentIds as TensorInfo; // [S...] int32
  const { numSegments } = attrs;
  const idsRank = segmentIds.shape.length;
  const innerShape = x.shape.slice(idsRank);
  const inner = innerShape.reduce((a, b) => a * b, 1);
  const rows = segmentIds.shape.reduce((a, b) => a * b, 1);

  // Allocate first: growing the heap detaches every view taken before.
  const out = backend.makeOutput([numSegments, ...innerShape], x.dtype); // [numSegments, D...]
  const outVals = backend.typedArrayFromHeap(out);
  outVals.fill(0);
  const xVals = backend.typedArrayFromHeap(x);
  const ids = backend.typedArrayFromHeap(segmentIds);
  for (let i = 0; i < rows; i++) {
    const s = ids[i];
    if (s < 0 || s >= numSegments) continue;
    const src = i * inner;
    const dst = s * inner;
    for (let j = 0; j < inner; j++) outVals[dst + j] += xVals[src + j];
  }
  return out;
}

export const unsortedSegmentSumConfig: KernelConfig = {
  kernelName: 'UnsortedSegmentSum',
  backendName: 'wasm',
  kernelFunc: unsortedSegmentSum as unknown as KernelFunc,
};
