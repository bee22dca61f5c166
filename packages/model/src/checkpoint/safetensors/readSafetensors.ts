import { readFileSync } from 'node:fs';
import { fromFsError, PrefoptError } from '@prefopt/core';
import { BYTES_PER, checkSafetensorsHeader, type SafetensorsDtype } from './checkSafetensorsHeader';
import { halfToFloat } from './halfToFloat';
import type { SafetensorsTensor } from './SafetensorsTensor';

/** The spec's limit on the JSON header (100 MB): a larger size field is a damaged file. */
const MAX_HEADER = 100_000_000;

/**
 * Reads every tensor of a `.safetensors` file (8-byte little-endian header size, JSON
 * header, raw little-endian data) as float32. F32, F16 and BF16 are read; anything else, a
 * truncated file, or a header that fails checkSafetensorsHeader (types, offsets in range,
 * non-overlapping, shape × dtype = byte length) is one `checkpoint` error naming the file.
 */
export function readSafetensors(file: string): Map<string, SafetensorsTensor> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const fs = fromFsError(e, 'cannot read');
    if (PrefoptError.is(fs)) throw fs;
    throw new PrefoptError('checkpoint', `cannot read ${file}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const fail = (what: string): never => {
    throw new PrefoptError('checkpoint', `${file}: ${what}`);
  };
  if (bytes.length < 8) fail(`expected at least 8 bytes (header size), found ${bytes.length}.`);
  const headerLen = Number(bytes.readBigUInt64LE(0));
  if (headerLen > MAX_HEADER || 8 + headerLen > bytes.length) {
    fail(
      `expected a ${headerLen}-byte JSON header after the size field, found only ${bytes.length - 8} bytes (truncated?).`,
    );
  }
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLen));
  } catch (e) {
    return fail(`the safetensors header is not valid JSON: ${(e as Error).message}`);
  }
  const dataStart = 8 + headerLen;
  const checked = checkSafetensorsHeader(header, bytes.length - dataStart);
  if ('problem' in checked) return fail(checked.problem);
  const out = new Map<string, SafetensorsTensor>();
  for (const t of checked.tensors) {
    const count = (t.end - t.begin) / BYTES_PER[t.dtype];
    out.set(t.name, {
      dtype: t.dtype,
      shape: t.shape,
      values: decode(bytes, dataStart + t.begin, count, t.dtype),
    });
  }
  return out;
}

function decode(
  bytes: Buffer,
  offset: number,
  count: number,
  dtype: SafetensorsDtype,
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
