import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyLora, mergeLora } from '@prefopt/lora';
import { loadModel, writeHfFolder } from '@prefopt/model';
import { requireString } from '../args/flagReaders';
import { activateBackend } from '../backend/activateBackend';
import { backendUsage } from '../backend/backendUsage';
import type { Command } from './Command';

const TOKENIZER_FILES = ['tokenizer.json', 'tokenizer_config.json', 'tokenizer.bin'];

/**
 * `prefopt merge`: a base model plus a PEFT LoRA adapter → one HF folder whose weights are
 * W + (alpha/r)·B·A (PEFT's `merge_and_unload`); the base folder's tokenizer files are copied.
 */
export const merge: Command = {
  name: 'merge',
  summary: "fold a LoRA adapter into its base model (PEFT's merge_and_unload); writes an HF folder",
  usage: `prefopt merge --model BASE --adapter PEFT_DIR --out DIR ${backendUsage}`,

  async run(args, ctx) {
    const { cwd } = ctx.io;
    const modelPath = resolve(
      cwd,
      requireString(args, 'model', 'the base model the adapter was trained on.'),
    );
    const adapterDir = resolve(
      cwd,
      requireString(
        args,
        'adapter',
        'a PEFT adapter folder (adapter_config.json + adapter_model.safetensors).',
      ),
    );
    const out = resolve(cwd, requireString(args, 'out', 'the folder for the merged model.'));
    await activateBackend(args, ctx);
    const base = loadModel(modelPath);
    let model;
    try {
      model = applyLora(base, { adapterDir });
    } catch (e) {
      base.dispose();
      throw e;
    }
    try {
      writeHfFolder(out, base.config, await mergeLora(model));
      if (statSync(modelPath).isDirectory()) {
        for (const name of TOKENIZER_FILES) {
          if (existsSync(join(modelPath, name)))
            copyFileSync(join(modelPath, name), join(out, name));
        }
      }
      ctx.io.stderr.write(`merged ${model.adapters.entries().length} adapters into ${out}\n`);
      ctx.io.stdout.write(`${JSON.stringify({ out })}\n`);
    } finally {
      model.dispose();
    }
  },
};
