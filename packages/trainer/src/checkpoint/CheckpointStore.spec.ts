import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrefoptError } from '@prefopt/core';
import { DEFAULT_ADAMW, type AdamWState } from '../optim/AdamW';
import { CheckpointStore } from './CheckpointStore';
import type { TrainerState } from './TrainerState';

const optimizer: AdamWState = {
  step: 3,
  names: ['a', 'b'],
  m: [Float32Array.of(1, 2), Float32Array.of(3)],
  v: [Float32Array.of(4, 5), Float32Array.of(6)],
};
const state = (step: number): TrainerState => ({
  format: 'prefopt-trainer/1',
  step,
  epoch: 0.5,
  totalSteps: 10,
  data: { epoch: 0, index: step },
  optimizer: { step: 3, names: ['a', 'b'], sizes: [2, 1], settings: DEFAULT_ADAMW },
  objective: { name: 'simpo', options: { beta: 2 } },
  run: { lr: 0.001 },
});

/** Removes `files` from a checkpoint's trainer_state.json, so the size/finite checks are reached. */
function dropChecksums(dir: string) {
  const file = join(dir, 'trainer_state.json');
  const { files: _f, ...rest } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify(rest));
}

describe('CheckpointStore', () => {
  it('writes model, optimiser and state into checkpoint-N and reads them back exactly', async () => {
    const out = mkdtempSync(join(tmpdir(), 'prefopt-ckpt-'));
    const store = new CheckpointStore(out, async (dir) =>
      writeFileSync(join(dir, 'config.json'), '{}'),
    );
    const dir = await store.write(state(4), optimizer);
    expect(dir).toBe(join(out, 'checkpoint-4'));
    expect(readdirSync(dir).sort()).toEqual(['config.json', 'optimizer.bin', 'trainer_state.json']);
    const back = CheckpointStore.read(out); // the out folder resolves to its newest checkpoint
    expect(back.dir).toBe(dir);
    expect(back.state).toEqual({ ...state(4), files: expect.any(Object) });
    expect(Object.keys(back.state.files!)).toEqual(['config.json', 'optimizer.bin']);
    expect(back.optimizer).toEqual(optimizer);
  });

  it('a failing model writer leaves no checkpoint folder and the earlier ones untouched', async () => {
    const out = mkdtempSync(join(tmpdir(), 'prefopt-ckpt-'));
    await new CheckpointStore(out, async () => {}).write(state(2), optimizer);
    const failing = new CheckpointStore(out, async () => {
      throw new Error('disk full');
    });
    await expect(failing.write(state(4), optimizer)).rejects.toThrow(/disk full/);
    expect(readdirSync(out).filter((n) => !n.startsWith('.'))).toEqual(['checkpoint-2']);
    expect(CheckpointStore.latest(out)).toBe(join(out, 'checkpoint-2'));
    // rewriting the same step replaces it whole
    await new CheckpointStore(out, async () => {}).write({ ...state(2), epoch: 0.75 }, optimizer);
    expect(
      JSON.parse(readFileSync(join(out, 'checkpoint-2', 'trainer_state.json'), 'utf8')).epoch,
    ).toBe(0.75);
  });

  it('rejects a damaged optimiser file and a folder with no checkpoint, naming them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'prefopt-ckpt-'));
    const dir = await new CheckpointStore(out, async () => {}).write(state(1), optimizer);
    truncateSync(join(dir, 'optimizer.bin'), 20);
    dropChecksums(dir); // a checkpoint without sha256s (or with the damage made before hashing)
    const e = (() => {
      try {
        CheckpointStore.read(dir);
      } catch (x) {
        return x;
      }
    })();
    expect(PrefoptError.is(e, 'checkpoint')).toBe(true);
    // 2 + 1 floats of m and of v = 6 floats = 24 bytes
    expect((e as Error).message).toMatch(/optimizer\.bin has 20 bytes, expected 24/);
    const empty = mkdtempSync(join(tmpdir(), 'prefopt-ckpt-'));
    expect(() => CheckpointStore.read(empty)).toThrow(
      /no trainer_state.json there and no checkpoint-N folder/,
    );
  });
});
