import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const BOUNDARIES = '@nx/enforce-module-boundaries';

let eslint: ESLint;

/** ESLint's messages for `code` posing as the file at `path` (nothing is written there). */
async function lint(path: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return result.messages;
}

function boundaryMessages(messages: { ruleId: string | null; message: string }[]) {
  return messages.filter((m) => m.ruleId === BOUNDARIES).map((m) => m.message);
}

describe("the package graph's lint (eslint.config.js, tools/lint/moduleBoundaries.js)", () => {
  beforeAll(() => {
    // the rule reads nx's cached project graph: compute it fresh, as `nx run-many -t lint` does
    const nx = createRequire(import.meta.url).resolve('nx');
    execFileSync(process.execPath, [nx, 'show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      stdio: 'ignore',
    });
    eslint = new ESLint({ cwd: root });
  });

  it('fails a core file that imports a higher layer (the model)', async () => {
    const messages = boundaryMessages(
      await lint(
        'packages/core/src/boundaryFixture.ts',
        "import { createModel } from '@prefopt/model';\nexport const make = createModel;\n",
      ),
    );
    expect(messages).toHaveLength(1);
    // core ← model already: the edge back is a cycle, reported as such
    expect(messages[0]).toMatch(/"@prefopt\/core" and "@prefopt\/model"/);
  });

  it('fails a plugin file that imports an engine (the trainer), naming the layers', async () => {
    const messages = boundaryMessages(
      await lint(
        'packages/objective-dpo/src/boundaryFixture.ts',
        "import { Trainer } from '@prefopt/trainer';\nexport const T = Trainer;\n",
      ),
    );
    expect(messages).toEqual([
      expect.stringMatching(
        /tagged with "layer:plugin" can only depend on libs tagged with "layer:core", "layer:plugin"/,
      ),
    ]);
  });

  it('fails library code that imports the app, or the test helpers', async () => {
    const app = boundaryMessages(
      await lint(
        'packages/trainer/src/boundaryFixture.ts',
        "import { main } from '@prefopt/cli';\nexport const m = main;\n",
      ),
    );
    expect(app).toHaveLength(1);
    const testing = boundaryMessages(
      await lint(
        'packages/model/src/boundaryFixture.ts',
        "import { useCpuBackend } from '@prefopt/testing';\nexport const u = useCpuBackend;\n",
      ),
    );
    expect(testing).toEqual([expect.stringMatching(/"layer:engine" can only depend on/)]);
  });

  it('fails an import of a package the project does not declare', async () => {
    const messages = boundaryMessages(
      await lint(
        'packages/core/src/boundaryFixture.ts',
        "import { EventEmitter } from 'eventemitter3';\nexport const E = EventEmitter;\n",
      ),
    );
    expect(messages).toEqual([
      expect.stringMatching(/Only packages defined in the "package.json"/),
    ]);
  });

  it('passes legal imports: a plugin on core, a spec on the test helpers and the model', async () => {
    const plugin = await lint(
      'packages/objective-dpo/src/boundaryFixture.ts',
      "import { PrefoptError } from '@prefopt/core';\nexport const E = PrefoptError;\n",
    );
    expect(plugin).toEqual([]);
    const spec = await lint(
      'packages/backend-wasm/src/boundaryFixture.spec.ts',
      [
        "import { createModel } from '@prefopt/model';",
        "import { useCpuBackend } from '@prefopt/testing';",
        'export const used = [createModel, useCpuBackend];',
        '',
      ].join('\n'),
    );
    expect(spec).toEqual([]);
  });

  it("fails a package.json that declares a dependency its src doesn't import", async () => {
    const manifest = {
      name: '@prefopt/eval',
      version: '0.1.0',
      scripts: { build: 'tsup' },
      dependencies: { '@prefopt/core': '0.1.0', 'left-pad': '1.3.0' },
    };
    const messages = await lint('packages/eval/package.json', JSON.stringify(manifest, null, 2));
    expect(messages.map((m) => [m.ruleId, m.message])).toEqual([
      ['@nx/dependency-checks', expect.stringMatching(/"left-pad" package is not used/)],
    ]);
  });
});
