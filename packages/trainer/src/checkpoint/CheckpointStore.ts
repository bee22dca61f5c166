import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import type { AdamWState } from '../optim/AdamW';
import type { TrainerState } from './TrainerState';

const STATE_FILE = 'trainer_state.json';
const OPTIMIZER_FILE = 'optimizer.bin';
const DIR_PATTERN = /^checkpoint-(\d+)$/;

/**
 * Checkpoints under `<out>/checkpoint-<step>/`: the model in its own layout (written by
 * `saveModel`, e.g. HF config.json + model.safetensors), `optimizer.bin` (AdamW moments,
 * float32 little-endian, m then v per variable) and `trainer_state.json`. Each is written
 * in a temp folder that is renamed into place, so a crash never leaves a half checkpoint
 * and a bad state never overwrites a good one.
 */
export class CheckpointStore {
  constructor(
    readonly outDir: string,
    private readonly saveModel: (dir: string) => Promise<void>,
  ) {}

  async write(state: TrainerState, optimizer: AdamWState): Promise<string> {
    const final = join(this.outDir, `checkpoint-${state.step}`);
    const tmp = join(this.outDir, `.checkpoint-${state.step}.tmp-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    await this.saveModel(tmp);
    const parts = optimizer.m.flatMap((m, i) => [m, optimizer.v[i]]);
    writeFileSync(
      join(tmp, OPTIMIZER_FILE),
      Buffer.concat(parts.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))),
    );
    writeFileSync(join(tmp, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
    if (existsSync(final)) {
      const old = join(this.outDir, `.checkpoint-${state.step}.old-${process.pid}`);
      renameSync(final, old);
      renameSync(tmp, final);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, final);
    }
    return final;
  }

  /** The newest complete checkpoint folder under `outDir`, or undefined. */
  static latest(outDir: string): string | undefined {
    if (!existsSync(outDir)) return undefined;
    const found = readdirSync(outDir)
      .map((name) => ({ name, m: DIR_PATTERN.exec(name) }))
      .filter((e) => e.m && existsSync(join(outDir, e.name, STATE_FILE)))
      .sort((a, b) => Number(b.m![1]) - Number(a.m![1]));
    return found.length ? join(outDir, found[0].name) : undefined;
  }

  /** `dir` is a checkpoint folder, or a run's `--out` folder (its newest checkpoint is used). */
  static resolve(dir: string): string {
    if (existsSync(join(dir, STATE_FILE))) return dir;
    const latest = CheckpointStore.latest(dir);
    if (!latest) {
      throw new PrefoptError(
        'checkpoint',
        `--resume ${dir}: no ${STATE_FILE} there and no checkpoint-N folder inside. Pass a checkpoint folder written by prefopt train.`,
      );
    }
    return latest;
  }

  static read(dir: string): { dir: string; state: TrainerState; optimizer: AdamWState } {
    const ckpt = CheckpointStore.resolve(dir);
    let state: TrainerState;
    try {
      state = JSON.parse(readFileSync(join(ckpt, STATE_FILE), 'utf8')) as TrainerState;
    } catch (e) {
      throw new PrefoptError('checkpoint', `${join(ckpt, STATE_FILE)}: ${(e as Error).message}`);
    }
    if (state.format !== 'prefopt-trainer/1') {
      throw new PrefoptError(
        'checkpoint',
        `${join(ckpt, STATE_FILE)}: format '${String(state.format)}', expected 'prefopt-trainer/1'.`,
      );
    }
    const { names, sizes } = state.optimizer;
    const file = join(ckpt, OPTIMIZER_FILE);
    const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    const expected = sizes.reduce((a, n) => a + 8 * n, 0);
    if (bytes.length !== expected) {
      throw new PrefoptError(
        'checkpoint',
        `${file} has ${bytes.length} bytes, expected ${expected} (m and v of ${sizes.length} variables). The checkpoint is damaged; resume from an earlier one.`,
      );
    }
    const floats = new Float32Array(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    );
    const m: Float32Array[] = [];
    const v: Float32Array[] = [];
    let at = 0;
    for (const n of sizes) {
      m.push(floats.slice(at, at + n));
      v.push(floats.slice(at + n, at + 2 * n));
      at += 2 * n;
    }
    return { dir: ckpt, state, optimizer: { step: state.optimizer.step, names, m, v } };
  }
}
