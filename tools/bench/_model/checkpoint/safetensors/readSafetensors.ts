import { readFileSync } from 'node:fs';
import { PrefoptError } from '@prefopt/core';
import { halfToFloat } from './halfToFloat';
import type { SafetensorsTensor } from './SafetensorsTensor';

const BYTES_PER = { F32: 4, F16: 2, BF16: 2 } as const;

interface HeaderEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

/**
 * Reads every tensor of a `.safetensors` file (8-byte little-endian header size, JSON
 * header, raw little-endian data) as float32. F32, F16 and BF16 are read; anything else,
 * a truncated file or offsets that do not match the shapes is a `checkpoint` error.
 */
export function readSafetensors(file: string): Map<string, SafetensorsTensor> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new PrefoptError('checkpoint', `cannot read ${file}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const fail = (what: string): never => {
    throw new PrefoptError('checkpoint', `${file}: ${what}`);
  };
  if (bytes.length < 8) fail(`expected at least 8 bytes (header size), found ${bytes.length}.`);
  const headerLen = Number(bytes.readBigUInt64LE(0));
  if (8 + headerLen > bytes.length) {
    fail(
      `expected a ${headerLen}-byte JSON header after the size field, found only ${bytes.length - 8} bytes (truncated?).`,
    );
  }
  let header: Record<string, HeaderEntry | Record<string, string>>;
  try {
    header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLen));
  } catch (e) {
    return fail(`the safetensors header is not valid JSON: ${(e as Error).message}`);
  }
  const dataStart = 8 + headerLen;
  const dataBytes = bytes.length - dataStart;
  const out = new Map<string, SafetensorsTensor>();
  for (const [name, raw] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const entry = raw as HeaderEntry;
    if (!(entry.dtype in BYTES_PER)) {
      fail(
        `tensor ${name} has dtype ${entry.dtype}; expected F32, F16 or BF16 (convert the checkpoint to one of these).`,
      );
    }
    const dtype = entry.dtype as keyof typeof BYTES_PER;
    const count = entry.shape.reduce((a, b) => a * b, 1);
    const [begin, end] = entry.data_offsets;
    if (end - begin !== count * BYTES_PER[dtype]) {
      fail(
        `tensor ${name} [${entry.shape.join(', ')}] ${dtype} expected ${count * BYTES_PER[dtype]} bytes, header says ${end - begin}.`,
      );
    }
    if (end > dataBytes) {
      fail(
        `tensor ${name} expected bytes ${begin}..${end} of the data, found only ${dataBytes} data bytes (truncated: copy it again).`,
      );
    }
    out.set(name, {
      dtype,
      shape: entry.shape,
      values: decode(bytes, dataStart + begin, count, dtype),
    });
  }
  return out;
}

function decode(
  bytes: Buffer,
  offset: number,
  count: number,
  dtype: keyof typeof BYTES_PER,
): Float32Array {
  // Copies into fresh, aligned buffers (the data of a tensor may start at any byte);
  // safetensors is little-endian, as is every platform Node runs TensorFlow.js on.
  if (dtype === 'F32') {
    const copy = new Uint8Array(4 * count);
    copy.set(bytes.subarray(offset, offset + 4 * count));
    return new Float32Array(copy.buffer);
  }
  const halves = new Uint16Array(count);
  new Uint8Array(halves.buffer).set(bytes.subarray(offset, offset + 2 * count));
  const values = new Float32Array(count);
  if (dtype === 'BF16') {
    const widened = new Uint32Array(values.buffer);
    for (let i = 0; i < count; i++) widened[i] = halves[i] << 16;
  } else {
    for (let i = 0; i < count; i++) values[i] = halfToFloat(halves[i]);
  }
  return values;
}
