import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PrefoptError } from '@prefopt/core';

/**
 * Prompts for `prefopt pairs`: a `.txt` file (one prompt per non-empty line, `\n` escapes
 * kept literal), or `.jsonl` / `.json` records with a string `prompt` field (a preference
 * file works: its prompts are taken). `.gz` of either is read too.
 */
export function readPrompts(file: string): string[] {
  let text: string;
  try {
    const raw = readFileSync(file);
    text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  } catch (e) {
    throw new PrefoptError('io', `cannot read prompts file ${file}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const name = file.replace(/\.gz$/, '');
  if (name.endsWith('.txt'))
    return text
      .split('\n')
      .map((l) => l.trimEnd())
      .filter((l) => l.length > 0);
  const records: unknown[] = [];
  if (name.endsWith('.json')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      records.push(...(Array.isArray(parsed) ? parsed : [parsed]));
    } catch (e) {
      throw new PrefoptError('data', `${file}: not JSON (${(e as Error).message}).`);
    }
  } else if (name.endsWith('.jsonl')) {
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        records.push(JSON.parse(line));
      } catch (e) {
        throw new PrefoptError(
          'data',
          `${file} line ${i + 1}: not JSON (${(e as Error).message}).`,
        );
      }
    });
  } else {
    throw new PrefoptError(
      'config',
      `--prompts ${file}: expected a .txt, .jsonl or .json file (optionally .gz).`,
    );
  }
  return records.map((r, i) => {
    const prompt = (r as { prompt?: unknown } | null)?.prompt;
    if (typeof prompt !== 'string' || prompt === '') {
      throw new PrefoptError(
        'data',
        `${file} record ${i + 1}: needs a non-empty string "prompt" field.`,
      );
    }
    return prompt;
  });
}
