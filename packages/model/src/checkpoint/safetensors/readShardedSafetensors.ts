import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import { readSafetensors } from './readSafetensors';
import type { SafetensorsTensor } from './SafetensorsTensor';

const show = (v: unknown) => JSON.stringify(v)?.slice(0, 60) ?? String(v);

/**
 * Reads the shards listed in `<dir>/model.safetensors.index.json`, type-checked: an object
 * whose `weight_map` maps tensor names to shard file names; each shard name must stay inside
 * `dir` (no absolute path, no `..`), exist, and hold the tensors the map gives it. Every
 * problem is one `checkpoint` error naming the index file and the entry.
 */
export function readShardedSafetensors(dir: string): Map<string, SafetensorsTensor> {
  const indexFile = join(dir, 'model.safetensors.index.json');
  const fail = (what: string): never => {
    throw new PrefoptError('checkpoint', `${indexFile}: ${what}`);
  };
  let index: unknown;
  try {
    index = JSON.parse(readFileSync(indexFile, 'utf8'));
  } catch (e) {
    return fail(`not valid JSON: ${(e as Error).message}`);
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(index))
    return fail(`expected a JSON object with "weight_map", got ${show(index)}.`);
  const map = index.weight_map;
  if (!isObject(map) || !Object.keys(map).length)
    return fail(`"weight_map" must be an object of tensor name → shard file, got ${show(map)}.`);
  const byShard = new Map<string, string[]>();
  for (const [tensor, shard] of Object.entries(map)) {
    if (typeof shard !== 'string' || !shard)
      fail(`"weight_map"."${tensor}" must be a shard file name, got ${show(shard)}.`);
    const path = resolve(dir, shard as string);
    const rel = relative(resolve(dir), path);
    if (isAbsolute(shard as string) || rel.startsWith('..') || isAbsolute(rel)) {
      fail(
        `shard '${shard as string}' (for ${tensor}) is outside the model folder; shard names must be files in ${dir}.`,
      );
    }
    if (!byShard.has(shard as string)) byShard.set(shard as string, []);
    byShard.get(shard as string)!.push(tensor);
  }
  const all = new Map<string, SafetensorsTensor>();
  for (const [shard, tensors] of byShard) {
    const path = join(dir, shard);
    if (!existsSync(path))
      fail(`shard ${shard} is listed but ${path} does not exist (copy the model folder again).`);
    const read = readSafetensors(path);
    const missing = tensors.find((t) => !read.has(t));
    if (missing) fail(`"weight_map" puts ${missing} in ${shard}, but ${shard} has no such tensor.`);
    for (const [name, t] of read) all.set(name, t);
  }
  return all;
}
