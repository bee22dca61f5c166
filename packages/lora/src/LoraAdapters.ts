import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from '@prefopt/model';
import type { LoraOptions } from './LoraOptions';
import { LORA_TARGETS, type LoraTargetName } from './loraTargets';

/** One adapter: the update of W [in, out] is scale · A · B. */
export interface LoraPair {
  a: tf.Variable; // [in, r]  (PEFT lora_A.weight [r, in], transposed)
  b: tf.Variable; // [r, out] (PEFT lora_B.weight [out, r], transposed; q/k columns interleaved)
}

/** [in, out] of each projection of `config`, as prefopt stores W. */
export function projectionShape(config: ModelConfig, name: LoraTargetName): [number, number] {
  const hd = config.dim / config.heads;
  const shapes: Record<LoraTargetName, [number, number]> = {
    q: [config.dim, config.heads * hd],
    k: [config.dim, config.kvHeads * hd],
    v: [config.dim, config.kvHeads * hd],
    o: [config.heads * hd, config.dim],
    gate: [config.dim, config.hiddenDim],
    up: [config.dim, config.hiddenDim],
    down: [config.hiddenDim, config.dim],
  };
  return shapes[name];
}

/**
 * The adapter variables of every (layer, target), trainable.
 * `init` gives each pair's starting values; the default is PEFT's: A ~ U(±1/√in)
 * (kaiming_uniform with a = √5), B = 0, so the adapted model starts equal to the base.
 */
export class LoraAdapters {
  readonly scale: number;
  private readonly pairs = new Map<string, LoraPair>();

  constructor(
    readonly config: ModelConfig,
    readonly options: LoraOptions,
    init?: (
      layer: number,
      name: LoraTargetName,
      shapes: { a: number[]; b: number[] },
    ) => {
      a: tf.Tensor;
      b: tf.Tensor;
    },
    seed = 42,
  ) {
    this.scale = options.alpha / options.rank;
    let s = seed;
    for (let l = 0; l < config.layers; l++) {
      for (const t of LORA_TARGETS) {
        if (!options.targets.includes(t.name)) continue;
        const [inSize, outSize] = projectionShape(config, t.name);
        const shapes = { a: [inSize, options.rank], b: [options.rank, outSize] };
        const bound = 1 / Math.sqrt(inSize);
        const start = init
          ? init(l, t.name, shapes)
          : {
              a: tf.randomUniform(shapes.a, -bound, bound, 'float32', s++),
              b: tf.zeros(shapes.b),
            };
        const key = `${l}.${t.name}`;
        this.pairs.set(key, {
          a: tf.variable(start.a, true),
          b: tf.variable(start.b, true),
        });
        tf.dispose([start.a, start.b]);
      }
    }
  }

  /** The adapter of one projection, or undefined where it is not a target. */
  get(layer: number, name: string): LoraPair | undefined {
    return this.pairs.get(`${layer}.${name}`);
  }

  /** Every (layer, target) with its adapter, layer by layer in PEFT's target order. */
  entries(): { layer: number; name: LoraTargetName; pair: LoraPair }[] {
    return [...this.pairs].map(([key, pair]) => {
      const [layer, name] = key.split('.');
      return { layer: Number(layer), name: name as LoraTargetName, pair };
    });
  }

  /** A and B of every adapter, in `entries()` order: what the optimiser trains. */
  variables(): tf.Variable[] {
    return this.entries().flatMap(({ pair }) => [pair.a, pair.b]);
  }

  dispose(): void {
    for (const v of this.variables()) v.dispose();
  }
}
