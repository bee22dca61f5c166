import { describe, expect, it } from 'vitest';
import { runCli } from './runCli';

const BUNDLED = [
  'dpo',
  'ipo',
  'simpo',
  'robust-dpo',
  'hinge',
  'ln-dpo',
  'rdpo',
  'nca',
  'bco-pair',
  'sppo-hard',
  'apo-zero',
  'apo-down',
  'exo',
  'discopop',
  'aot',
  'aot-unpaired',
  'f-dpo',
  'wpo',
  'ld-dpo',
  'cpo',
  'orpo',
  'sft',
  'kto',
  'bco',
];

interface Listing {
  name: string;
  requiresReference: boolean;
  options: { name: string; flag: string; default: unknown; range: string }[];
}

describe('prefopt objectives', () => {
  it('--json lists every bundled objective with requiresReference and options with defaults and ranges', async () => {
    const r = await runCli(['objectives', '--json']);
    expect(r.code).toBe(0);
    const listings = JSON.parse(r.stdout) as Listing[];
    expect(listings.map((l) => l.name)).toEqual(BUNDLED);
    const byName = Object.fromEntries(listings.map((l) => [l.name, l]));
    const referenceFree = listings.filter((l) => !l.requiresReference).map((l) => l.name);
    expect(referenceFree).toEqual(['simpo', 'cpo', 'orpo', 'sft']);
    expect(byName['simpo'].options.map((o) => [o.flag, o.default])).toEqual([
      ['--beta', 2],
      ['--gamma', null],
      ['--gamma-beta-ratio', null],
      ['--length-normalize', true],
      ['--loss-type', 'sigmoid'],
      ['--label-smoothing', 0],
    ]);
    expect(byName['robust-dpo'].options[1]).toMatchObject({
      name: 'labelSmoothing',
      default: 0.1,
      range: 'a number >= 0 and < 0.5',
    });
    expect(byName['rdpo'].options.map((o) => [o.name, o.default])).toEqual([
      ['beta', 0.1],
      ['alpha', 0.01],
    ]);
    expect(byName['exo'].options[1]).toMatchObject({ name: 'epsilon', default: 1e-3 });
    expect(byName['discopop'].options[1]).toMatchObject({ name: 'tau', default: 0.05 });
    expect(byName['cpo'].options.map((o) => [o.name, o.default])).toEqual([
      ['beta', 0.1],
      ['alpha', 1],
    ]);
    expect(byName['orpo'].options.map((o) => [o.name, o.default])).toEqual([
      ['lambda', 0.1],
      ['nll', 'sequence'],
    ]);
  });

  it('prints a table: name, reference need, one line per option flag', async () => {
    const r = await runCli(['objectives']);
    expect(r.code).toBe(0);
    for (const name of BUNDLED)
      expect(r.stdout).toMatch(new RegExp(`^${name}  (requires reference|reference-free)  `, 'm'));
    expect(r.stdout).toMatch(/^ {4}--gamma-beta-ratio +\(unset\) +a finite number >= 0/m);
    expect(r.stdout).toMatch(/dpo\+0\.05\*sft/);
  });
});
