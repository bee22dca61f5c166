import { writeFileSync } from 'node:fs';

/**
 * Writes float32 tensors as a `.safetensors` file (readable by the `safetensors` Python
 * package and HF transformers). The JSON header is space-padded to a multiple of 8 bytes.
 */
export function writeSafetensors(
  file: string,
  tensors: readonly { name: string; shape: number[]; values: Float32Array }[],
  metadata: Record<string, string> = { format: 'pt' },
): void {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const t of tensors) {
    header[t.name] = {
      dtype: 'F32',
      shape: t.shape,
      data_offsets: [offset, offset + 4 * t.values.length],
    };
    offset += 4 * t.values.length;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((8 + Buffer.byteLength(json)) % 8)) % 8);
  const headerBytes = Buffer.from(json, 'utf8');
  const out = Buffer.alloc(8 + headerBytes.length + offset);
  out.writeBigUInt64LE(BigInt(headerBytes.length), 0);
  headerBytes.copy(out, 8);
  let at = 8 + headerBytes.length;
  for (const t of tensors) {
    out.set(new Uint8Array(t.values.buffer, t.values.byteOffset, t.values.byteLength), at); // little-endian host
    at += 4 * t.values.length;
  }
  writeFileSync(file, out);
}
