import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Tokenizer as Tokenizers } from '@huggingface/tokenizers';
import { PrefoptError } from '@prefopt/core';
import { HfTokenizer } from './HfTokenizer';

/**
 * Reads a local `tokenizer.json` (a file, or a folder holding one) and the
 * `tokenizer_config.json` beside it when present (BOS/EOS names). Never uses the network.
 */
export function readHfTokenizer(path: string): HfTokenizer {
  const file =
    existsSync(path) && statSync(path).isDirectory() ? join(path, 'tokenizer.json') : path;
  const json = readJson(file, true) as Record<string, unknown>;
  const configFile = join(dirname(file), 'tokenizer_config.json');
  const config = (existsSync(configFile) ? readJson(configFile, false) : {}) as Record<
    string,
    unknown
  >;
  let inner: Tokenizers;
  try {
    inner = new Tokenizers(json, config);
  } catch (e) {
    throw new PrefoptError(
      'tokenizer',
      `${file}: @huggingface/tokenizers cannot build it: ${(e as Error).message}`,
      { cause: e },
    );
  }
  const idOf = (key: 'bos_token' | 'eos_token', fallbacks: string[]): number | undefined => {
    const value = config[key];
    const name =
      typeof value === 'string' ? value : (value as { content?: string } | undefined)?.content;
    for (const candidate of name ? [name] : fallbacks) {
      const id = inner.token_to_id(candidate);
      if (id !== undefined) return id;
    }
    return undefined;
  };
  return new HfTokenizer(inner, {
    bosId: idOf('bos_token', ['<s>', '<|begin_of_text|>']),
    eosId: idOf('eos_token', ['</s>', '<|end_of_text|>', '<|endoftext|>']),
    specialTokens: specialTokenTexts(config),
    chatTemplate: readChatTemplate(config, dirname(file)),
  });
}

/** `bos_token`, `eos_token`, … of tokenizer_config.json as text (strings or `{content}`). */
function specialTokenTexts(config: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (!key.endsWith('_token')) continue;
    const text =
      typeof value === 'string' ? value : (value as { content?: unknown } | null)?.content;
    if (typeof text === 'string') out[key] = text;
  }
  return out;
}

/**
 * The default chat template: `chat_template.jinja` beside the file (transformers ≥ 4.43
 * writes it there), else tokenizer_config.json's `chat_template` — a string, or a list of
 * `{name, template}` of which 'default' is taken.
 */
function readChatTemplate(config: Record<string, unknown>, folder: string): string | undefined {
  const jinja = join(folder, 'chat_template.jinja');
  if (existsSync(jinja)) return readFileSync(jinja, 'utf8');
  const value = config.chat_template;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const named = value as { name?: unknown; template?: unknown }[];
    const found = named.find((t) => t.name === 'default');
    if (typeof found?.template === 'string') return found.template;
  }
  return undefined;
}

function readJson(file: string, required: boolean): unknown {
  if (!existsSync(file)) {
    if (!required) return {};
    throw new PrefoptError(
      'tokenizer',
      `tokenizer ${file} not found; pass a tokenizer.json file or the folder holding it.`,
    );
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new PrefoptError('tokenizer', `${file}: not valid JSON: ${(e as Error).message}`, {
      cause: e,
    });
  }
}
