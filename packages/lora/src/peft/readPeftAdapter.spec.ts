import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import { loadModel, type LlamaModel } from '@prefopt/model';
import { useCpuBackend } from '@prefopt/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPeftAdapter } from './readPeftAdapter';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures');

/** A copy of the peft-written fixture adapter with `edit` applied to its adapter_config.json. */
function editedAdapter(edit: (config: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'prefopt-peft-'));
  cpSync(join(FIXTURES, 'adapter'), dir, { recursive: true });
  const file = join(dir, 'adapter_config.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(config);
  writeFileSync(file, JSON.stringify(config));
  return dir;
}

function checkpointError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(PrefoptError.is(e, 'checkpoint')).toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected a checkpoint error');
}

let base: LlamaModel;
beforeAll(async () => {
  await useCpuBackend();
  base = loadModel(join(FIXTURES, 'base'));
});
afterAll(() => base.dispose());

describe('readPeftAdapter', () => {
  it('refuses variants prefopt does not compute, naming the field', () => {
    for (const [field, value] of [
      ['use_dora', true],
      ['use_rslora', true],
      ['bias', 'all'],
      ['rank_pattern', { q_proj: 8 }],
    ] as const) {
      const dir = editedAdapter((c) => (c[field] = value));
      expect(checkpointError(() => readPeftAdapter(dir, base.config))).toContain(field);
    }
  });

  it('a config that names fewer targets than the file holds is an error, not a silent drop', () => {
    const dir = editedAdapter((c) => (c.target_modules = ['q_proj', 'v_proj']));
    expect(checkpointError(() => readPeftAdapter(dir, base.config))).toMatch(
      /holds 28 tensors, expected 8/,
    );
  });

  it('a folder without the PEFT files says what it expects', () => {
    expect(checkpointError(() => readPeftAdapter(join(FIXTURES, 'base'), base.config))).toMatch(
      /adapter_config.json \+ adapter_model.safetensors/,
    );
  });

  it("accepts PEFT's all-linear spelling", () => {
    const adapters = readPeftAdapter(
      editedAdapter((c) => (c.target_modules = 'all-linear')),
      base.config,
    );
    expect(adapters.entries()).toHaveLength(14);
    adapters.dispose();
  });
});
