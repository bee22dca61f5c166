import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import { fromFsError, PrefoptError } from '@prefopt/core';
import type { AdamWState } from '../optim/AdamW';
import {
  checkpointFolders,
  checkpointTemps,
  OPTIMIZER_FILE,
  STATE_FILE,
} from './checkpointFolders';
import { checkpointFs } from './checkpointFs';
import { firstNonFinite } from './firstNonFinite';
import { readTrainerState } from './readTrainerState';
import { sha256File } from './sha256File';
import type { TrainerState } from './TrainerState';

export interface CheckpointStoreOptions {
  /** Keep only the newest N checkpoints (as HF's `save_total_limit`); 0 or absent = all. */
  saveTotalLimit?: number;
}

/**
 * Checkpoints under `<out>/checkpoint-<step>/`: the model in its own layout (written by
 * `saveModel`, e.g. HF config.json + model.safetensors), `optimizer.bin` (AdamW moments,
 * float32 little-endian, m then v per variable) and `trainer_state.json` (with the sha256
 * of every other file). Each is written in a temp folder that is renamed into place, so a
 * crash never leaves a half checkpoint and a bad state never overwrites a good one. The
 * optimiser state is checked finite before it is written and when it is read.
 */
export class CheckpointStore {
  constructor(
    readonly outDir: string,
    private readonly saveModel: (dir: string) => Promise<void>,
    private readonly options: CheckpointStoreOptions = {},
  ) {}

  async write(state: TrainerState, optimizer: AdamWState): Promise<string> {
    const name = `checkpoint-${state.step}`;
    const bad = firstNonFinite(
      optimizer.names.flatMap((n, i) => [
        [`exp_avg of ${n}`, optimizer.m[i]] as const,
        [`exp_avg_sq of ${n}`, optimizer.v[i]] as const,
      ]),
    );
    if (bad) {
      throw new PrefoptError(
        'numeric',
        `step ${state.step}: the optimiser state is not finite (${bad.name}[${bad.index}] = ${bad.value}); ${name} was not written. ${this.lastWords()}`,
      );
    }
    const final = join(this.outDir, name);
    const tmp = join(this.outDir, `.${name}.tmp-${process.pid}`);
    try {
      checkpointFs.rmSync(tmp, { recursive: true, force: true });
      checkpointFs.mkdirSync(tmp, { recursive: true });
      await this.saveModel(tmp);
      const parts = optimizer.m.flatMap((m, i) => [m, optimizer.v[i]]);
      checkpointFs.writeFileSync(
        join(tmp, OPTIMIZER_FILE),
        Buffer.concat(parts.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))),
      );
      const files: Record<string, string> = {};
      const entries = readdirSync(tmp, { withFileTypes: true });
      for (const f of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (f.isFile()) files[f.name] = sha256File(join(tmp, f.name)); // sub-folders: not hashed
      }
      checkpointFs.writeFileSync(
        join(tmp, STATE_FILE),
        `${JSON.stringify({ ...state, files }, null, 2)}\n`,
      );
      if (existsSync(final)) {
        const old = join(this.outDir, `.${name}.old-${process.pid}`);
        checkpointFs.renameSync(final, old);
        checkpointFs.renameSync(tmp, final);
        checkpointFs.rmSync(old, { recursive: true, force: true });
      } else {
        checkpointFs.renameSync(tmp, final);
      }
    } catch (e) {
      try {
        checkpointFs.rmSync(tmp, { recursive: true, force: true });
      } catch {
        // the temp folder goes at the next start (recover) if it cannot go now
      }
      throw fromFsError(e, `cannot write ${name} at`, `Nothing was lost: ${this.lastWords()}`, tmp);
    }
    this.prune();
    return final;
  }

  /** Says which checkpoint is the newest intact one, for messages. */
  lastWords(): string {
    const last = checkpointFolders(this.outDir)[0];
    return last
      ? `${join(this.outDir, last.name)} is the newest checkpoint, left as it was.`
      : 'No earlier checkpoint exists.';
  }

  /** `--save-total-limit`: removes all but the newest N checkpoints. */
  private prune(): void {
    const limit = this.options.saveTotalLimit ?? 0;
    if (limit < 1) return;
    for (const old of checkpointFolders(this.outDir).slice(limit)) {
      checkpointFs.rmSync(join(this.outDir, old.name), { recursive: true, force: true });
    }
  }

  /**
   * Cleans up after a writer that was killed mid-checkpoint (call it holding the run lock):
   * a `.checkpoint-N.tmp-*` folder is removed; a `.checkpoint-N.old-*` folder (the previous
   * checkpoint-N, moved aside for a rewrite) is put back when checkpoint-N is missing, else
   * removed. Returns one line per folder handled.
   */
  recover(): string[] {
    const done: string[] = [];
    for (const t of checkpointTemps(this.outDir)) {
      const path = join(this.outDir, t.name);
      const final = join(this.outDir, `checkpoint-${t.step}`);
      if (t.kind === 'old' && !existsSync(final)) {
        checkpointFs.renameSync(path, final);
        done.push(`restored ${final} from ${t.name} (an interrupted rewrite)`);
      } else {
        checkpointFs.rmSync(path, { recursive: true, force: true });
        done.push(`removed ${t.name} (left by an interrupted checkpoint write)`);
      }
    }
    return done;
  }

  /** The newest complete checkpoint folder under `outDir`, or undefined. */
  static latest(outDir: string): string | undefined {
    const found = checkpointFolders(outDir)[0];
    return found ? join(outDir, found.name) : undefined;
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

  /**
   * Reads a checkpoint (or the newest one under a run folder): the state is type-checked,
   * every file is checked against the sha256 in trainer_state.json, the optimiser moments
   * against their sizes and for NaN/Infinity. Each failure is one `checkpoint` error
   * naming the file.
   */
  static read(dir: string): { dir: string; state: TrainerState; optimizer: AdamWState } {
    const ckpt = CheckpointStore.resolve(dir);
    const earlier = `The checkpoint is damaged; resume from an earlier one (${join(ckpt, '..')}/checkpoint-N).`;
    const state = readTrainerState(join(ckpt, STATE_FILE));
    for (const [f, expected] of Object.entries(state.files ?? {})) {
      const path = join(ckpt, f);
      if (isAbsolute(f) || relative(ckpt, path).startsWith('..') || basename(f) !== f) {
        throw new PrefoptError(
          'checkpoint',
          `${join(ckpt, STATE_FILE)}: file name '${f}' leaves the checkpoint folder. ${earlier}`,
        );
      }
      if (!existsSync(path)) {
        throw new PrefoptError('checkpoint', `${path} is missing. ${earlier}`);
      }
      if (sha256File(path) !== expected) {
        throw new PrefoptError(
          'checkpoint',
          `${path} does not match its sha256 in ${STATE_FILE} (the file changed after it was written). ${earlier}`,
        );
      }
    }
    const { names, sizes } = state.optimizer;
    const file = join(ckpt, OPTIMIZER_FILE);
    const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    const expected = sizes.reduce((a, n) => a + 8 * n, 0);
    if (bytes.length !== expected) {
      throw new PrefoptError(
        'checkpoint',
        `${file} has ${bytes.length} bytes, expected ${expected} (m and v of ${sizes.length} variables). ${earlier}`,
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
    const bad = firstNonFinite(
      names.flatMap((n, i) => [
        [`exp_avg of ${n}`, m[i]] as const,
        [`exp_avg_sq of ${n}`, v[i]] as const,
      ]),
    );
    if (bad) {
      throw new PrefoptError(
        'checkpoint',
        `${file}: ${bad.name}[${bad.index}] is ${bad.value}; the optimiser state must be finite. ${earlier}`,
      );
    }
    return { dir: ckpt, state, optimizer: { step: state.optimizer.step, names, m, v } };
  }
}
