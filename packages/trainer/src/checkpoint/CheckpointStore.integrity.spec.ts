import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrefoptError } from '@prefopt/core';
import { DEFAULT_ADAMW, type AdamWState } from '../optim/AdamW';
import { checkpointFs } from './checkpointFs';
import { CheckpointStore } from './CheckpointStore';
import type { TrainerState } from './TrainerState';

const optimizer = (bad = false): AdamWState => ({
  step: 3,
  names: ['a', 'b'],
  m: [Float32Array.of(1, 2), Float32Array.of(3)],
  v: [Float32Array.of(4, 5), Float32Array.of(bad ? NaN : 6)],
});
const state = (step: number): TrainerState => ({
  format: 'prefopt-trainer/1',
  step,
  epoch: 0.5,
  totalSteps: 10,
  data: { epoch: 0, index: step },
  optimizer: { step: 3, names: ['a', 'b'], sizes: [2, 1], settings: DEFAULT_ADAMW },
  objective: { name: 'simpo', options: { beta: 2 } },
  run: null,
});
const model = async (dir: string) => writeFileSync(join(dir, 'model.safetensors'), 'weights');
const outDir = () => mkdtempSync(join(tmpdir(), 'prefopt-ckpt-'));
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as PrefoptError;
  }
  throw new Error('expected a throw');
};
const visible = (dir: string) => readdirSync(dir).sort();

afterEach(() => vi.restoreAllMocks());

describe('CheckpointStore integrity', () => {
  it('refuses to write a non-finite optimiser state, naming the tensor; nothing is written', async () => {
    const out = outDir();
    const store = new CheckpointStore(out, model);
    await store.write(state(1), optimizer());
    const e = await store.write(state(2), optimizer(true)).catch((x: unknown) => x);
    expect(PrefoptError.is(e, 'numeric')).toBe(true);
    expect((e as Error).message).toBe(
      `step 2: the optimiser state is not finite (exp_avg_sq of b[0] = NaN); checkpoint-2 was not written. ${join(out, 'checkpoint-1')} is the newest checkpoint, left as it was.`,
    );
    expect(visible(out)).toEqual(['checkpoint-1']);
  });

  it('detects a changed byte through the sha256 in trainer_state.json, naming the file', async () => {
    const out = outDir();
    const dir = await new CheckpointStore(out, model).write(state(1), optimizer());
    writeFileSync(join(dir, 'model.safetensors'), 'weightz'); // same size, one byte flipped
    const e = errorOf(() => CheckpointStore.read(dir));
    expect(e.kind).toBe('checkpoint');
    expect(e.message).toMatch(
      /model\.safetensors does not match its sha256 in trainer_state\.json .*resume from an earlier one/,
    );
  });

  it('reads an optimiser file of the right size holding NaN as damaged, naming the tensor', async () => {
    const out = outDir();
    const dir = await new CheckpointStore(out, model).write(state(1), optimizer());
    const bytes = readFileSync(join(dir, 'optimizer.bin'));
    bytes.writeFloatLE(Infinity, 4 * 4); // order a.m a.v b.m b.v: float 4 is b's exp_avg
    writeFileSync(join(dir, 'optimizer.bin'), bytes);
    const st = JSON.parse(readFileSync(join(dir, 'trainer_state.json'), 'utf8'));
    delete st.files; // as if the damage happened before hashing
    writeFileSync(join(dir, 'trainer_state.json'), JSON.stringify(st));
    const e = errorOf(() => CheckpointStore.read(dir));
    expect(e.message).toMatch(
      /optimizer\.bin: exp_avg of b\[0\] is Infinity; the optimiser state must be finite/,
    );
  });

  it('type-checks trainer_state.json field by field', async () => {
    const out = outDir();
    const dir = await new CheckpointStore(out, model).write(state(1), optimizer());
    const file = join(dir, 'trainer_state.json');
    const good = JSON.parse(readFileSync(file, 'utf8'));
    const cases: [unknown, RegExp][] = [
      [null, /"\(top level\)" must be an object, got null/],
      [{ ...good, step: -1 }, /"step" must be an integer >= 0, got -1/],
      [{ ...good, optimizer: null }, /"optimizer" must be an object, got null/],
      [
        { ...good, optimizer: { ...good.optimizer, sizes: [2] } },
        /"optimizer\.sizes" must be 2 sizes/,
      ],
      [{ ...good, objective: { name: 3, options: {} } }, /"objective\.name" must be a string/],
      [{ ...good, files: { 'optimizer.bin': 5 } }, /"files" must be an object of file name/],
    ];
    for (const [value, message] of cases) {
      writeFileSync(file, JSON.stringify(value));
      expect(errorOf(() => CheckpointStore.read(dir)).message).toMatch(message);
    }
    writeFileSync(file, '{"format": "prefopt-trai');
    expect(errorOf(() => CheckpointStore.read(dir)).message).toMatch(/trainer_state\.json: .*JSON/);
    writeFileSync(file, JSON.stringify({ ...good, files: { '../x': 'ab' } }));
    expect(errorOf(() => CheckpointStore.read(dir)).message).toMatch(
      /'\.\.\/x' leaves the checkpoint folder/,
    );
  });

  it('a full disk (ENOSPC at the file seam) is one io line; no temp folder, older checkpoints intact', async () => {
    const out = outDir();
    const store = new CheckpointStore(out, model);
    await store.write(state(1), optimizer());
    const real = checkpointFs.writeFileSync;
    vi.spyOn(checkpointFs, 'writeFileSync').mockImplementation((path, data) => {
      if (String(path).endsWith('optimizer.bin')) {
        throw Object.assign(new Error(`ENOSPC: no space left on device, write`), {
          code: 'ENOSPC',
          path: String(path),
        });
      }
      real(path, data);
    });
    const e = (await store.write(state(2), optimizer()).catch((x: unknown) => x)) as PrefoptError;
    expect(e.kind).toBe('io');
    expect(e.message).toMatch(
      /^cannot write checkpoint-2 at \S+optimizer\.bin: no space left on the device \(ENOSPC\); free some space or write elsewhere\. Nothing was lost: .*checkpoint-1 is the newest checkpoint/,
    );
    expect(visible(out)).toEqual(['checkpoint-1']);
    expect(CheckpointStore.read(out).state.step).toBe(1);
  });

  it('--save-total-limit keeps the newest N', async () => {
    const out = outDir();
    const store = new CheckpointStore(out, model, { saveTotalLimit: 2 });
    for (const s of [1, 2, 3, 4]) await store.write(state(s), optimizer());
    expect(visible(out)).toEqual(['checkpoint-3', 'checkpoint-4']);
  });

  it('recover() removes stale temp folders and puts back a checkpoint moved aside mid-rewrite', async () => {
    const out = outDir();
    const store = new CheckpointStore(out, model);
    await store.write(state(1), optimizer());
    await store.write(state(2), optimizer());
    mkdirSync(join(out, '.checkpoint-3.tmp-999'));
    // killed between "move checkpoint-2 aside" and "rename the new one in"
    checkpointFs.renameSync(join(out, 'checkpoint-2'), join(out, '.checkpoint-2.old-999'));
    mkdirSync(join(out, '.checkpoint-1.old-998')); // killed after the rename, before the rm
    const lines = store.recover();
    expect(lines).toHaveLength(3);
    expect(visible(out)).toEqual(['checkpoint-1', 'checkpoint-2']);
    expect(existsSync(join(out, 'checkpoint-2', 'trainer_state.json'))).toBe(true);
    expect(CheckpointStore.read(out).state.step).toBe(2);
  });
});
