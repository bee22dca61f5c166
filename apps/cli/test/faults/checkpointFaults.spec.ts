import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkpointFs } from '@prefopt/trainer';
import { train, trainFixture } from '../train/trainFixture';
import { expectNothingLost, expectOneLine, losses, metricRows, snapshot } from './faultSupport';

const simpo = ['--objective', 'simpo', '--save-every', '1'];

/** Removes the sha256 list from a checkpoint, as if the damage had happened before hashing. */
function dropChecksums(ckpt: string) {
  const file = join(ckpt, 'trainer_state.json');
  const { files: _files, ...rest } = JSON.parse(readFileSync(file, 'utf8')) as Record<
    string,
    unknown
  >;
  writeFileSync(file, JSON.stringify(rest));
}

/** Every float of a safetensors file's data section set to NaN (same size, valid header). */
function fillNaN(file: string) {
  const bytes = readFileSync(file);
  const start = 8 + Number(bytes.readBigUInt64LE(0));
  for (let at = start; at + 4 <= bytes.length; at += 4) bytes.writeFloatLE(NaN, at);
  writeFileSync(file, bytes);
}

afterEach(() => vi.restoreAllMocks());

describe('fault suite: checkpoints', () => {
  it('an update that makes the weights non-finite is exit 4; no NaN checkpoint is ever written', async () => {
    const f = trainFixture();
    const first = await train(f, [...simpo, '--lr', '1e300', '--max-steps', '3', '--out', 'nan']);
    expectOneLine(
      first,
      4,
      /^prefopt: step 1: the update made the weights non-finite \(first: \S+\); checkpoint-1 was not written\. No earlier checkpoint exists\. Lower --lr/,
    );
    expect(readdirSync(join(f.dir, 'nan')).filter((n) => n.startsWith('checkpoint'))).toEqual([]);
    // with no checkpoint to stop it, step 2's loss is NaN: the message says the weights went first
    const noSaves = await train(f, [
      '--objective',
      'simpo',
      '--lr',
      '1e300',
      '--max-steps',
      '3',
      '--out',
      'nan0',
    ]);
    expectOneLine(
      noSaves,
      4,
      /^prefopt: step 2: loss is NaN; the weights are already non-finite \(first: \S+\): the update of step 1 diverged\. No earlier checkpoint exists\. Lower --lr/,
    );
    // a good run to checkpoint-2, then a resume with an exploding lr: checkpoint-2 stays the newest
    expect((await train(f, [...simpo, '--max-steps', '2', '--out', 'run'])).code).toBe(0);
    const out = join(f.dir, 'run');
    const before = snapshot(out);
    const blown = await train(f, ['--resume', 'run', '--lr', '1e300', '--max-steps', '4']);
    expectOneLine(
      blown,
      4,
      `step 3: the update made the weights non-finite (first: ${/first: (\S+)\)/.exec(first.stderr)![1]}); checkpoint-3 was not written. ${join(out, 'checkpoint-2')} is the newest checkpoint, left as it was. Lower --lr, check the data, or raise --max-length.`,
    );
    expectNothingLost(before, out);
    expect(existsSync(join(out, 'checkpoint-3'))).toBe(false);
  });

  it('each kind of damaged checkpoint file is exit 2 with one line naming it; earlier checkpoints survive', async () => {
    const f = trainFixture();
    expect((await train(f, [...simpo, '--max-steps', '2', '--out', 'good'])).code).toBe(0);
    const cases: [string, (ckpt: string) => void, RegExp][] = [
      [
        'trainer_state.json not JSON',
        (c) => writeFileSync(join(c, 'trainer_state.json'), '{"format": "prefopt-tr'),
        /checkpoint-2\/trainer_state\.json: .*JSON.*The checkpoint is damaged; resume from an earlier one/,
      ],
      [
        'trainer_state.json null',
        (c) => writeFileSync(join(c, 'trainer_state.json'), 'null'),
        /checkpoint-2\/trainer_state\.json: "\(top level\)" must be an object, got null\./,
      ],
      [
        'trainer_state.json step a string',
        (c) => {
          const s = JSON.parse(readFileSync(join(c, 'trainer_state.json'), 'utf8'));
          writeFileSync(join(c, 'trainer_state.json'), JSON.stringify({ ...s, step: '2' }));
        },
        /checkpoint-2\/trainer_state\.json: "step" must be an integer >= 0, got "2"\./,
      ],
      [
        'trainer_state.json run.flags null',
        (c) => {
          const s = JSON.parse(readFileSync(join(c, 'trainer_state.json'), 'utf8'));
          writeFileSync(
            join(c, 'trainer_state.json'),
            JSON.stringify({ ...s, run: { flags: null } }),
          );
        },
        /checkpoint-2\/trainer_state\.json: "run\.flags" must be an object of flag names and string values, got null\./,
      ],
      [
        'optimizer.bin truncated',
        (c) =>
          writeFileSync(
            join(c, 'optimizer.bin'),
            readFileSync(join(c, 'optimizer.bin')).subarray(0, 100),
          ),
        /checkpoint-2\/optimizer\.bin does not match its sha256 in trainer_state\.json/,
      ],
      [
        'optimizer.bin missing',
        (c) => rmSync(join(c, 'optimizer.bin')),
        /checkpoint-2\/optimizer\.bin is missing\. The checkpoint is damaged/,
      ],
      [
        'optimizer.bin the right size, all NaN',
        (c) => {
          writeFileSync(
            join(c, 'optimizer.bin'),
            Buffer.alloc(readFileSync(join(c, 'optimizer.bin')).length, 0xff),
          );
          dropChecksums(c);
        },
        /checkpoint-2\/optimizer\.bin: exp_avg of \S+\[0\] is NaN; the optimiser state must be finite/,
      ],
      [
        'model.safetensors with one byte changed',
        (c) => {
          const b = readFileSync(join(c, 'model.safetensors'));
          b[b.length - 1] ^= 1;
          writeFileSync(join(c, 'model.safetensors'), b);
        },
        /checkpoint-2\/model\.safetensors does not match its sha256/,
      ],
      [
        'model.safetensors full of NaN',
        (c) => {
          fillNaN(join(c, 'model.safetensors'));
          dropChecksums(c);
        },
        /checkpoint-2\/model\.safetensors: weight \S+ holds NaN or Infinity; this checkpoint cannot be resumed/,
      ],
      [
        'config.json null',
        (c) => {
          writeFileSync(join(c, 'config.json'), 'null');
          dropChecksums(c);
        },
        /checkpoint-2\/config\.json: "\(top level\)" must be a JSON object, got null\./,
      ],
    ];
    for (const [what, damage, message] of cases) {
      const run = join(f.dir, 'run');
      rmSync(run, { recursive: true, force: true });
      cpSync(join(f.dir, 'good'), run, { recursive: true });
      damage(join(run, 'checkpoint-2'));
      const before = snapshot(run);
      const r = await train(f, ['--resume', 'run', '--max-steps', '3']);
      expect(r.code, what).toBe(2);
      expectOneLine(r, 2, message);
      expectNothingLost(before, run);
    }
    // the earlier checkpoint still resumes
    const r = await train(f, ['--resume', join('run', 'checkpoint-1'), '--max-steps', '3']);
    expect(r.code, r.stderr).toBe(0);
  });

  it.each([
    [
      'ENOSPC',
      'writeFileSync',
      /no space left on the device \(ENOSPC\); free some space or write elsewhere/,
    ],
    ['EROFS', 'mkdirSync', /the file system is read-only \(EROFS\); choose a writable folder/],
  ] as const)(
    'a %s while writing a checkpoint is exit 2, one line; no temp folder; resume then matches the uninterrupted run',
    async (code, call, message) => {
      const f = trainFixture();
      expect((await train(f, [...simpo, '--max-steps', '4', '--out', 'ref'])).code).toBe(0);
      const real = checkpointFs[call] as (...a: unknown[]) => unknown;
      vi.spyOn(checkpointFs, call).mockImplementation(((path: string, ...rest: unknown[]) => {
        if (String(path).includes('.checkpoint-3.tmp')) {
          throw Object.assign(new Error(`${code}: simulated`), { code, path: String(path) });
        }
        return real(path, ...rest);
      }) as never);
      const r = await train(f, [...simpo, '--max-steps', '4', '--out', 'run']);
      const out = join(f.dir, 'run');
      const line = expectOneLine(r, 2, message);
      expect(line).toMatch(
        new RegExp(
          `^prefopt: cannot write checkpoint-3 at \\S+: .*Nothing was lost: ${join(out, 'checkpoint-2')} is the newest checkpoint, left as it was\\.$`,
        ),
      );
      expect(readdirSync(out).sort()).toEqual(['checkpoint-1', 'checkpoint-2', 'metrics.jsonl']);
      expect(metricRows(join(out, 'metrics.jsonl')).map((m) => m.step)).toEqual([1, 2, 3]);
      vi.restoreAllMocks(); // space freed
      const resumed = await train(f, ['--resume', 'run']);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(losses(join(out, 'metrics.jsonl'))).toEqual(
        losses(join(f.dir, 'ref', 'metrics.jsonl')),
      );
    },
  );
});
