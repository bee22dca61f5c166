export const BYTES_PER = { F32: 4, F16: 2, BF16: 2 } as const;
export type SafetensorsDtype = keyof typeof BYTES_PER;

/** One checked tensor entry of a safetensors header. */
export interface HeaderTensor {
  name: string;
  dtype: SafetensorsDtype;
  shape: number[];
  begin: number; // byte offset into the data section
  end: number;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const show = (v: unknown) => JSON.stringify(v)?.slice(0, 60) ?? String(v);

/**
 * Type-checks a parsed safetensors header field by field (as the format's spec and the
 * reference `safetensors` library do): an object of tensors, each with a dtype this reader
 * knows, a shape of integers >= 0, and `data_offsets` [begin, end] with shape × dtype =
 * end − begin; the tensors tile the data section exactly (in range, no overlap, no hole).
 * `__metadata__`, when present, maps strings to strings. Returns the tensors, or the first
 * problem as one sentence.
 */
export function checkSafetensorsHeader(
  header: unknown,
  dataBytes: number,
): { tensors: HeaderTensor[] } | { problem: string } {
  if (!isObject(header))
    return { problem: `the header must be a JSON object, got ${show(header)}.` };
  const tensors: HeaderTensor[] = [];
  for (const [name, raw] of Object.entries(header)) {
    if (name === '__metadata__') {
      if (!isObject(raw) || !Object.values(raw).every((v) => typeof v === 'string'))
        return { problem: `__metadata__ must map strings to strings, got ${show(raw)}.` };
      continue;
    }
    if (!isObject(raw)) return { problem: `tensor ${name} must be an object, got ${show(raw)}.` };
    const { dtype, shape, data_offsets: offsets } = raw;
    if (typeof dtype !== 'string' || !(dtype in BYTES_PER)) {
      return {
        problem: `tensor ${name} has dtype ${typeof dtype === 'string' ? dtype : show(dtype)}; expected F32, F16 or BF16 (convert the checkpoint to one of these).`,
      };
    }
    if (!Array.isArray(shape) || !shape.every(isCount))
      return {
        problem: `tensor ${name}: shape must be an array of integers >= 0, got ${show(shape)}.`,
      };
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount))
      return {
        problem: `tensor ${name}: data_offsets must be [begin, end] integers >= 0, got ${show(offsets)}.`,
      };
    const [begin, end] = offsets as number[];
    const bytes =
      (shape as number[]).reduce((a, b) => a * b, 1) * BYTES_PER[dtype as SafetensorsDtype];
    if (end < begin)
      return { problem: `tensor ${name}: data_offsets [${begin}, ${end}] end before they begin.` };
    if (end - begin !== bytes) {
      return {
        problem: `tensor ${name} [${(shape as number[]).join(', ')}] ${dtype} expected ${bytes} bytes, header says ${end - begin}.`,
      };
    }
    if (end > dataBytes) {
      return {
        problem: `tensor ${name} expected bytes ${begin}..${end} of the data, found only ${dataBytes} data bytes (truncated: copy it again).`,
      };
    }
    tensors.push({ name, dtype: dtype as SafetensorsDtype, shape: shape as number[], begin, end });
  }
  const sorted = [...tensors].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  for (const t of sorted) {
    if (t.begin < at) {
      const other = sorted.find((o) => o !== t && o.end > t.begin && o.begin <= t.begin)!;
      return {
        problem: `tensors ${other.name} and ${t.name} overlap in the data section (bytes ${t.begin}..${Math.min(at, t.end)}).`,
      };
    }
    if (t.begin > at)
      return {
        problem: `bytes ${at}..${t.begin} of the data section belong to no tensor (a hole).`,
      };
    at = t.end;
  }
  if (at !== dataBytes) {
    return {
      problem: `the data section has ${dataBytes} bytes but the tensors cover ${at} (extra bytes after them).`,
    };
  }
  return { tensors };
}
