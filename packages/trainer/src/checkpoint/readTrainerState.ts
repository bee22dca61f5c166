import { readFileSync } from 'node:fs';
import { PrefoptError } from '@prefopt/core';
import type { TrainerState } from './TrainerState';

const FORMAT = 'prefopt-trainer/1';

/**
 * Reads and type-checks a `trainer_state.json` field by field, so a damaged or hand-edited
 * file is one `checkpoint` error naming the file and the field, never a crash later.
 */
export function readTrainerState(file: string): TrainerState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new PrefoptError(
      'checkpoint',
      `${file}: ${(e as Error).message}. The checkpoint is damaged; resume from an earlier one.`,
      { cause: e },
    );
  }
  const fail = (field: string, expected: string, got: unknown): never => {
    throw new PrefoptError(
      'checkpoint',
      `${file}: "${field}" must be ${expected}, got ${JSON.stringify(got)?.slice(0, 60)}. The checkpoint is damaged; resume from an earlier one.`,
    );
  };
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const count = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
  if (!isObject(raw)) return fail('(top level)', 'an object', raw);
  if (raw.format !== FORMAT) fail('format', `'${FORMAT}'`, raw.format);
  if (!count(raw.step)) fail('step', 'an integer >= 0', raw.step);
  if (typeof raw.epoch !== 'number' || !(raw.epoch >= 0)) fail('epoch', 'a number >= 0', raw.epoch);
  if (!count(raw.totalSteps) || (raw.totalSteps as number) < 1)
    fail('totalSteps', 'an integer >= 1', raw.totalSteps);
  const opt = raw.optimizer;
  if (!isObject(opt)) return fail('optimizer', 'an object', opt);
  if (!count(opt.step)) fail('optimizer.step', 'an integer >= 0', opt.step);
  if (!Array.isArray(opt.names) || !opt.names.every((n) => typeof n === 'string'))
    fail('optimizer.names', 'an array of strings', opt.names);
  if (!Array.isArray(opt.sizes) || !opt.sizes.every(count))
    fail('optimizer.sizes', 'an array of integers >= 0', opt.sizes);
  if ((opt.names as string[]).length !== (opt.sizes as number[]).length)
    fail('optimizer.sizes', `${(opt.names as string[]).length} sizes (one per name)`, opt.sizes);
  if (!isObject(opt.settings)) fail('optimizer.settings', 'an object', opt.settings);
  const obj = raw.objective;
  if (!isObject(obj)) return fail('objective', 'an object', obj);
  if (typeof obj.name !== 'string') fail('objective.name', 'a string', obj.name);
  if (!isObject(obj.options)) fail('objective.options', 'an object', obj.options);
  if (raw.files !== undefined) {
    if (!isObject(raw.files) || !Object.values(raw.files).every((h) => typeof h === 'string'))
      fail('files', 'an object of file name → sha256', raw.files);
  }
  if (raw.objectiveState !== undefined) {
    const st = raw.objectiveState;
    if (
      !isObject(st) ||
      !Object.values(st).every((v) => typeof v === 'number' && Number.isFinite(v))
    )
      fail('objectiveState', 'an object of finite numbers (the objective state)', st);
  }
  return raw as unknown as TrainerState;
}
