import type { DataType, KernelBackend, Tensor, TensorInfo } from '@tensorflow/tfjs-core';
import { scalar, tensor1d } from '@tensorflow/tfjs-core';

/** One attribute of a TensorFlow op, as tfjs-node's binding takes it. */
export interface TfOpAttr {
  name: string;
  type: number;
  value: unknown;
}

/** What this package uses of tfjs-node's `NodeJSKernelBackend` (the 'tensorflow' backend). */
export interface TensorflowBackend extends KernelBackend {
  binding: {
    TF_ATTR_TYPE: number;
    TF_ATTR_BOOL: number;
    TF_FLOAT: number;
    TF_INT32: number;
  };
  executeSingleOutput(name: string, attrs: TfOpAttr[], inputs: TensorInfo[]): Tensor;
  executeMultipleOutputs(
    name: string,
    attrs: TfOpAttr[],
    inputs: TensorInfo[],
    numOutputs: number,
  ): Tensor[];
}

/**
 * TensorFlow ops executed by name on tfjs-node's backend inside one tfjs kernel: each
 * result is a tracked tfjs tensor, and everything made here except what `run` returns is
 * disposed when it ends (also when an op throws), so a kernel leaves `numTensors` as it
 * found it plus its outputs.
 */
export class TfOps {
  private readonly made: Tensor[] = [];

  private constructor(private readonly backend: TensorflowBackend) {}

  /** Runs `body` with a fresh `TfOps`; disposes every intermediate it made. */
  static run<T extends Tensor | Tensor[]>(backend: unknown, body: (ops: TfOps) => T): T {
    const ops = new TfOps(backend as TensorflowBackend);
    let result: T | undefined;
    try {
      result = body(ops);
      return result;
    } finally {
      const keep = new Set<Tensor>(result === undefined ? [] : [result].flat());
      for (const t of ops.made) if (!keep.has(t)) t.dispose();
    }
  }

  private track<T extends Tensor>(t: T): T {
    this.made.push(t);
    return t;
  }

  /** The `type` attribute `name` for `dtype`. */
  type(name: string, dtype: DataType): TfOpAttr {
    const b = this.backend.binding;
    return { name, type: b.TF_ATTR_TYPE, value: dtype === 'int32' ? b.TF_INT32 : b.TF_FLOAT };
  }

  bool(name: string, value: boolean): TfOpAttr {
    return { name, type: this.backend.binding.TF_ATTR_BOOL, value };
  }

  /** A float32 scalar constant. */
  scalar(value: number): Tensor {
    return this.track(scalar(value, 'float32'));
  }

  /** An int32 vector constant (axes, shapes). */
  ints(values: number[]): Tensor {
    return this.track(tensor1d(values, 'int32'));
  }

  /** Op `name` with attribute `T` = the first input's dtype, plus `attrs`. */
  op(name: string, inputs: TensorInfo[], attrs: TfOpAttr[] = []): Tensor {
    const all = [this.type('T', inputs[0].dtype), ...attrs];
    return this.track(this.backend.executeSingleOutput(name, all, inputs));
  }

  /** Op `name` with `n` outputs, attributes as given. */
  multi(name: string, inputs: TensorInfo[], attrs: TfOpAttr[], n: number): Tensor[] {
    return this.backend.executeMultipleOutputs(name, attrs, inputs, n).map((t) => this.track(t));
  }

  mul(a: TensorInfo, b: TensorInfo): Tensor {
    return this.op('Mul', [a, b]);
  }

  add(a: TensorInfo, b: TensorInfo): Tensor {
    return this.op('AddV2', [a, b]);
  }

  sub(a: TensorInfo, b: TensorInfo): Tensor {
    return this.op('Sub', [a, b]);
  }

  /** Sum (or mean) over `axes`, dimensions kept or dropped. */
  reduce(kind: 'Sum' | 'Mean', x: TensorInfo, axes: number[], keepDims: boolean): Tensor {
    return this.op(
      kind,
      [x, this.ints(axes)],
      [this.bool('keep_dims', keepDims), this.type('Tidx', 'int32')],
    );
  }

  reshape(x: TensorInfo, shape: number[]): Tensor {
    return this.op('Reshape', [x, this.ints(shape)], [this.type('Tshape', 'int32')]);
  }
}
