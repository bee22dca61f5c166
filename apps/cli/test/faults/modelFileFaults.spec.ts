import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { train, trainFixture } from '../train/trainFixture';
import { expectOneLine } from './faultSupport';

/** Rewrites a safetensors file's JSON header with `edit`, keeping its data bytes. */
function editHeader(file: string, edit: (h: Record<string, Record<string, unknown>>) => unknown) {
  const bytes = readFileSync(file);
  const len = Number(bytes.readBigUInt64LE(0));
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + len));
  const json = Buffer.from(JSON.stringify(edit(header)), 'utf8');
  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(json.length));
  writeFileSync(file, Buffer.concat([size, json, bytes.subarray(8 + len)]));
}

const editJson = (file: string, edit: (v: Record<string, unknown>) => unknown) =>
  writeFileSync(file, JSON.stringify(edit(JSON.parse(readFileSync(file, 'utf8')))));

describe('fault suite: malformed model files', () => {
  it('each kind of malformed model file is exit 2 with one line naming the file and field', async () => {
    const f = trainFixture();
    expect(
      (await train(f, ['--objective', 'simpo', '--max-steps', '1', '--out', 'src'])).code,
    ).toBe(0);
    const m = join(f.dir, 'm');
    const fresh = () => {
      rmSync(m, { recursive: true, force: true });
      mkdirSync(m);
      for (const file of ['config.json', 'model.safetensors'])
        copyFileSync(join(f.dir, 'src', 'checkpoint-1', file), join(m, file));
    };
    const st = join(m, 'model.safetensors');
    const cfg = join(m, 'config.json');
    const index = join(m, 'model.safetensors.index.json');
    const sharded = (content: unknown) => {
      copyFileSync(st, join(m, 'shard-1.safetensors'));
      rmSync(st);
      writeFileSync(index, typeof content === 'string' ? content : JSON.stringify(content));
    };
    const cases: [string, () => void, string | RegExp][] = [
      [
        'config.json not JSON',
        () => writeFileSync(cfg, '{"hidden_size": 8,'),
        new RegExp(`^prefopt: ${cfg}: not valid JSON: `),
      ],
      [
        'config.json null',
        () => writeFileSync(cfg, 'null'),
        `${cfg}: "(top level)" must be a JSON object, got null.`,
      ],
      [
        'config.json a string size',
        () => editJson(cfg, (c) => ({ ...c, hidden_size: '8' })),
        `${cfg}: "hidden_size" must be a number, got "8".`,
      ],
      [
        'header null',
        () => editHeader(st, () => null),
        `${st}: the header must be a JSON object, got null.`,
      ],
      [
        'a tensor entry null',
        () => editHeader(st, (h) => ({ ...h, 'model.norm.weight': null })),
        `${st}: tensor model.norm.weight must be an object, got null.`,
      ],
      [
        'shape × dtype ≠ bytes',
        () =>
          editHeader(st, (h) => ({
            ...h,
            'model.norm.weight': { ...h['model.norm.weight'], shape: [9] },
          })),
        `${st}: tensor model.norm.weight [9] F32 expected 36 bytes, header says 32.`,
      ],
      [
        'overlapping tensors',
        () =>
          editHeader(st, (h) => ({
            ...h,
            'model.norm.weight': {
              ...h['model.norm.weight'],
              data_offsets: h['model.layers.0.input_layernorm.weight'].data_offsets,
            },
          })),
        /^prefopt: \S+model\.safetensors: tensors \S+ and \S+ overlap in the data section/,
      ],
      [
        'offsets outside the data',
        () => {
          const b = readFileSync(st);
          writeFileSync(st, b.subarray(0, b.length - 4));
        },
        /^prefopt: \S+model\.safetensors: tensor \S+ expected bytes \d+\.\.\d+ of the data, found only \d+ data bytes \(truncated: copy it again\)\.$/,
      ],
      [
        'index null',
        () => sharded('null'),
        `${index}: expected a JSON object with "weight_map", got null.`,
      ],
      [
        'index not JSON',
        () => sharded('{"weight_map": '),
        new RegExp(`^prefopt: ${index}: not valid JSON: `),
      ],
      [
        'index shard outside the folder',
        () =>
          sharded({ weight_map: { 'model.norm.weight': '../src/checkpoint-1/model.safetensors' } }),
        `${index}: shard '../src/checkpoint-1/model.safetensors' (for model.norm.weight) is outside the model folder; shard names must be files in ${m}.`,
      ],
      [
        'index shard missing',
        () => sharded({ weight_map: { 'model.norm.weight': 'shard-2.safetensors' } }),
        `${index}: shard shard-2.safetensors is listed but ${join(m, 'shard-2.safetensors')} does not exist (copy the model folder again).`,
      ],
    ];
    for (const [what, damage, message] of cases) {
      fresh();
      damage();
      const r = await train(f, [
        '--objective',
        'simpo',
        '--model',
        m,
        '--tokenizer',
        'bytes',
        '--max-steps',
        '1',
        '--out',
        'run',
      ]);
      expect(r.code, `${what}: ${r.stderr}`).toBe(2);
      expectOneLine(r, 2, message);
    }
  });

  it('a malformed model-config .json, llama2.c .bin or tokenizer.json is one line too', async () => {
    const f = trainFixture();
    const at = (name: string, content: string | Buffer) => {
      writeFileSync(join(f.dir, name), content);
      return join(f.dir, name);
    };
    const cases: [string[], RegExp][] = [
      [['--model', at('null.json', 'null')], /^prefopt: (--model )?\S+null\.json/],
      [
        ['--model', at('short.bin', Buffer.alloc(10)), '--tokenizer', 'bytes'],
        /^prefopt: \S+short\.bin/,
      ],
      [['--tokenizer', at('tokenizer.json', 'null')], /^prefopt: \S+tokenizer\.json/],
      [['--tokenizer', at('tok2.json', '{"model": null}')], /^prefopt: \S+tok2\.json/],
    ];
    for (const [flags, message] of cases) {
      const r = await train(f, [
        '--objective',
        'simpo',
        '--max-steps',
        '1',
        '--out',
        'run',
        ...flags,
      ]);
      expectOneLine(r, 2, message);
    }
  });
});
