import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrefoptError } from '@prefopt/core';
import { readSafetensors } from './readSafetensors';

/** A safetensors file from a header object (or raw header text) and `dataBytes` data bytes. */
function file(header: unknown, dataBytes: number, raw?: string): string {
  const json = Buffer.from(raw ?? JSON.stringify(header), 'utf8');
  const bytes = Buffer.alloc(8 + json.length + dataBytes);
  bytes.writeBigUInt64LE(BigInt(json.length), 0);
  json.copy(bytes, 8);
  for (let i = 0; i < dataBytes / 4; i++) bytes.writeFloatLE(i + 1, 8 + json.length + 4 * i);
  const path = join(mkdtempSync(join(tmpdir(), 'prefopt-st-')), 'model.safetensors');
  writeFileSync(path, bytes);
  return path;
}
const t = (shape: unknown, offsets: unknown, dtype: unknown = 'F32') => ({
  dtype,
  shape,
  data_offsets: offsets,
});
const problem = (path: string) => {
  try {
    readSafetensors(path);
  } catch (e) {
    expect(PrefoptError.is(e, 'checkpoint')).toBe(true);
    return (e as Error).message.slice(path.length + 2);
  }
  throw new Error('expected a checkpoint error');
};

describe('readSafetensors header checks', () => {
  it('reads a well-formed file: a [2] and a [1, 1] tensor tiling 12 data bytes', () => {
    const path = file(
      { __metadata__: { format: 'pt' }, a: t([2], [0, 8]), b: t([1, 1], [8, 12]) },
      12,
    );
    const tensors = readSafetensors(path);
    expect([...tensors.get('a')!.values]).toEqual([1, 2]);
    expect(tensors.get('b')).toEqual({ dtype: 'F32', shape: [1, 1], values: Float32Array.of(3) });
  });

  it.each([
    ['a null header', null, 0, 'the header must be a JSON object, got null.'],
    ['an array header', [1], 0, 'the header must be a JSON object, got [1].'],
    ['a null tensor entry', { a: null }, 0, 'tensor a must be an object, got null.'],
    [
      'a null shape',
      { a: t(null, [0, 4]) },
      4,
      'tensor a: shape must be an array of integers >= 0, got null.',
    ],
    [
      'a string in the shape',
      { a: t(['2'], [0, 8]) },
      8,
      'tensor a: shape must be an array of integers >= 0, got ["2"].',
    ],
    [
      'a negative dimension',
      { a: t([-1], [0, 4]) },
      4,
      'tensor a: shape must be an array of integers >= 0, got [-1].',
    ],
    [
      'one offset',
      { a: t([1], [4]) },
      4,
      'tensor a: data_offsets must be [begin, end] integers >= 0, got [4].',
    ],
    [
      'fractional offsets',
      { a: t([1], [0.5, 4.5]) },
      8,
      'tensor a: data_offsets must be [begin, end] integers >= 0, got [0.5,4.5].',
    ],
    [
      'reversed offsets',
      { a: t([0], [4, 0]) },
      4,
      'tensor a: data_offsets [4, 0] end before they begin.',
    ],
    [
      'shape × dtype ≠ bytes',
      { a: t([3], [0, 8]) },
      8,
      'tensor a [3] F32 expected 12 bytes, header says 8.',
    ],
    [
      'an unknown dtype',
      { a: t([1], [0, 4], 'I32') },
      4,
      'tensor a has dtype I32; expected F32, F16 or BF16 (convert the checkpoint to one of these).',
    ],
    [
      'a null dtype',
      { a: t([1], [0, 4], null) },
      4,
      'tensor a has dtype null; expected F32, F16 or BF16 (convert the checkpoint to one of these).',
    ],
    [
      'offsets past the data',
      { a: t([2], [4, 12]) },
      8,
      'tensor a expected bytes 4..12 of the data, found only 8 data bytes (truncated: copy it again).',
    ],
    [
      'overlapping tensors',
      { a: t([2], [0, 8]), b: t([2], [4, 12]) },
      12,
      'tensors a and b overlap in the data section (bytes 4..8).',
    ],
    [
      'the same bytes twice',
      { a: t([2], [0, 8]), b: t([2], [0, 8]) },
      8,
      'tensors a and b overlap in the data section (bytes 0..8).',
    ],
    [
      'a hole',
      { a: t([1], [0, 4]), b: t([1], [8, 12]) },
      12,
      'bytes 4..8 of the data section belong to no tensor (a hole).',
    ],
    [
      'bytes after the tensors',
      { a: t([1], [0, 4]) },
      8,
      'the data section has 8 bytes but the tensors cover 4 (extra bytes after them).',
    ],
    [
      'non-string metadata',
      { __metadata__: { step: 3 }, a: t([1], [0, 4]) },
      4,
      '__metadata__ must map strings to strings, got {"step":3}.',
    ],
  ])('%s is one checkpoint error naming the field', (_what, header, dataBytes, message) => {
    expect(problem(file(header, dataBytes))).toBe(message);
  });

  it('a header size past the end of the file, or header text that is not JSON, is named', () => {
    expect(problem(file(undefined, 0, '{"a": {"dtype": "F3'))).toMatch(
      /^the safetensors header is not valid JSON/,
    );
    const path = file({}, 0);
    const short = join(mkdtempSync(join(tmpdir(), 'prefopt-st-')), 'x.safetensors');
    writeFileSync(short, Buffer.from([255, 255, 255, 255, 0, 0, 0, 0, 123]));
    expect(problem(short)).toMatch(
      /^expected a 4294967295-byte JSON header after the size field, found only 1 bytes/,
    );
    expect(readSafetensors(path).size).toBe(0);
  });
});
