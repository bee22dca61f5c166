import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShardedSafetensors } from './readShardedSafetensors';
import { writeSafetensors } from './writeSafetensors';

/** A folder with shards a.safetensors (tensor x) and b.safetensors (tensor y) and `index`. */
function folder(index: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'prefopt-shards-'));
  writeSafetensors(join(dir, 'a.safetensors'), [
    { name: 'x', shape: [2], values: Float32Array.of(1, 2) },
  ]);
  writeSafetensors(join(dir, 'b.safetensors'), [
    { name: 'y', shape: [1], values: Float32Array.of(3) },
  ]);
  writeFileSync(
    join(dir, 'model.safetensors.index.json'),
    typeof index === 'string' ? index : JSON.stringify(index),
  );
  return dir;
}

describe('model.safetensors.index.json', () => {
  it('reads the tensors of every listed shard', () => {
    const tensors = readShardedSafetensors(
      folder({ weight_map: { x: 'a.safetensors', y: 'b.safetensors' } }),
    );
    expect([...tensors.keys()].sort()).toEqual(['x', 'y']);
    expect([...tensors.get('y')!.values]).toEqual([3]);
  });

  it.each([
    ['not JSON', '{"weight_map": {', /: not valid JSON: /],
    ['null', null, /: expected a JSON object with "weight_map", got null\.$/],
    [
      'no weight_map',
      { metadata: {} },
      /"weight_map" must be an object of tensor name → shard file, got undefined/,
    ],
    [
      'weight_map an array',
      { weight_map: ['a.safetensors'] },
      /"weight_map" must be an object .* got \["a\.safetensors"\]/,
    ],
    [
      'a number for a shard',
      { weight_map: { x: 7 } },
      /"weight_map"\."x" must be a shard file name, got 7\./,
    ],
    [
      'a shard outside the folder',
      { weight_map: { x: '../a.safetensors' } },
      /shard '\.\.\/a\.safetensors' \(for x\) is outside the model folder/,
    ],
    [
      'an absolute shard path',
      { weight_map: { x: '/etc/passwd' } },
      /shard '\/etc\/passwd' \(for x\) is outside the model folder/,
    ],
    [
      'a missing shard',
      { weight_map: { x: 'c.safetensors' } },
      /shard c\.safetensors is listed but .*c\.safetensors does not exist/,
    ],
    [
      'a tensor in the wrong shard',
      { weight_map: { x: 'b.safetensors' } },
      /"weight_map" puts x in b\.safetensors, but b\.safetensors has no such tensor/,
    ],
  ])('%s is one checkpoint error naming the index file', (_what, index, message) => {
    const dir = folder(index);
    expect(() => readShardedSafetensors(dir)).toThrowError(
      expect.objectContaining({ kind: 'checkpoint', message: expect.stringMatching(message) }),
    );
    expect(() => readShardedSafetensors(dir)).toThrowError(
      expect.objectContaining({
        message: expect.stringContaining(join(dir, 'model.safetensors.index.json')),
      }),
    );
  });

  it('a shard in a subfolder inside the model folder is fine', () => {
    const dir = folder({ weight_map: { x: 'sub/a.safetensors' } });
    mkdirSync(join(dir, 'sub'));
    writeSafetensors(join(dir, 'sub', 'a.safetensors'), [
      { name: 'x', shape: [1], values: Float32Array.of(5) },
    ]);
    expect([...readShardedSafetensors(dir).get('x')!.values]).toEqual([5]);
  });
});
