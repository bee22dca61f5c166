import type { CausalLM, PreferenceBatch } from '@prefopt/core';
import { CachedReference } from './CachedReference';
import { ReferenceCacheFile } from './ReferenceCacheFile';
import { precomputeReference } from './precomputeReference';
import { referenceCacheKey } from './referenceCacheKey';

export interface ReferenceCacheOptions {
  /** Folder holding `<key>.json` files. */
  dir: string;
  /** What the cached values depend on: `hashWeights` of the reference, data file, tokenisation. */
  identity: { weights: string; data: string; tokenization: string };
  /** The reference model, asked for only when the cache must be computed. */
  model: () => CausalLM | Promise<CausalLM>;
  /** Every batch the run will need a reference for (train and eval), one pass. */
  batches: () => Iterable<PreferenceBatch>;
  onMessage?: (text: string) => void;
}

/**
 * A cached reference: read `<dir>/<key>.json` when it exists (no model is run), otherwise
 * compute it in one pass, write it atomically and serve it. Returns the source and whether
 * it was computed now.
 */
export async function openReferenceCache(
  o: ReferenceCacheOptions,
): Promise<{ source: CachedReference; computed: boolean; file: string }> {
  const file = new ReferenceCacheFile(o.dir, referenceCacheKey(o.identity));
  if (file.exists()) {
    o.onMessage?.(`reference log-probs: reusing ${file.path}`);
    return {
      source: new CachedReference(file.read(), file.path),
      computed: false,
      file: file.path,
    };
  }
  o.onMessage?.(`reference log-probs: computing ${file.path} (one pass over the data)`);
  const model = await o.model();
  const table = await precomputeReference(model, o.batches());
  file.write(table, o.identity);
  o.onMessage?.(`reference log-probs: ${table.size} pairs cached`);
  return { source: new CachedReference(table, file.path), computed: true, file: file.path };
}
