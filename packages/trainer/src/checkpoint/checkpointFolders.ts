import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const STATE_FILE = 'trainer_state.json';
export const OPTIMIZER_FILE = 'optimizer.bin';
const DIR_PATTERN = /^checkpoint-(\d+)$/;
const TEMP_PATTERN = /^\.checkpoint-(\d+)\.(tmp|old)-\d+$/;

/** The complete `checkpoint-N` folders (with a trainer_state.json) under `outDir`, newest first. */
export function checkpointFolders(outDir: string): { name: string; step: number }[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir)
    .map((name) => ({ name, m: DIR_PATTERN.exec(name) }))
    .filter((e) => e.m && existsSync(join(outDir, e.name, STATE_FILE)))
    .map((e) => ({ name: e.name, step: Number(e.m![1]) }))
    .sort((a, b) => b.step - a.step);
}

/** Temp folders a killed writer left: `.checkpoint-N.tmp-PID` and `.checkpoint-N.old-PID`. */
export function checkpointTemps(
  outDir: string,
): { name: string; step: number; kind: 'tmp' | 'old' }[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir).flatMap((name) => {
    const m = TEMP_PATTERN.exec(name);
    return m ? [{ name, step: Number(m[1]), kind: m[2] as 'tmp' | 'old' }] : [];
  });
}
