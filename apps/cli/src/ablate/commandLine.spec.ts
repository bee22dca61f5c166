import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args/parseArgs';
import { commandLine } from './commandLine';

describe('commandLine', () => {
  it('rebuilds a shell-quoted command from parsed flags', () => {
    const args = parseArgs([
      '--grid',
      '{"objective":["simpo"]}',
      '--steps',
      '3',
      '--smoke',
      '--plugin',
      './p.js',
    ]);
    expect(commandLine('ablate', args)).toBe(
      `prefopt ablate --grid '{"objective":["simpo"]}' --steps 3 --smoke --plugin ./p.js`,
    );
    expect(commandLine('demo', parseArgs(['--title', "it's"]))).toBe(
      `prefopt demo --title 'it'\\''s'`,
    );
  });
});
