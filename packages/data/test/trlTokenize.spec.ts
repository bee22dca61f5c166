import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatMessage } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { findChatTemplate } from '../src/templates/findChatTemplate';
import { tokenizePair } from '../src/tokenize/tokenizePair';
import { readHfTokenizer } from '../src/tokenizers/readHfTokenizer';

// Written by: /work/venv/bin/python tools/reference/trl_tokenize.py packages/data/test/fixtures/trl
// (TRL 1.13 DPOTrainer._prepare_dataset and transformers 5.18 apply_chat_template on four
// tokenizers built locally with `tokenizers` 0.23).
const dir = join(import.meta.dirname, 'fixtures', 'trl');

interface Ids {
  prompt: number[];
  chosen: number[];
  rejected: number[];
}
interface Style {
  eosToken: string;
  textExamples: { prompt: string; chosen: string; rejected: string }[];
  text: Ids[];
  chat?: Ids[];
  rendered?: { prompt: string; chosen: string }[];
}
const fixture = JSON.parse(readFileSync(join(dir, 'trl_ids.json'), 'utf8')) as {
  chatExamples: { prompt: ChatMessage[]; chosen: ChatMessage[]; rejected: ChatMessage[] }[];
  styles: Record<string, Style>;
};

describe('tokenisation equals TRL 1.13 DPOTrainer', () => {
  it('covers the four tokenizer styles', () => {
    expect(Object.keys(fixture.styles)).toEqual(['llama2-sp', 'metaspace', 'byte-level', 'llama3']);
  });

  for (const [style, data] of Object.entries(fixture.styles)) {
    describe(style, () => {
      const tokenizer = readHfTokenizer(join(dir, 'tokenizers', style));

      it('text pairs: BOS as the tokenizer adds it, joint prompt + completion, EOS', () => {
        // GPT-2 style sets bos_token but its post-processor adds none; the others add one.
        expect(tokenizer.addsBos).toBe(style !== 'byte-level');
        data.textExamples.forEach((example, i) => {
          const r = tokenizePair(example, tokenizer);
          expect(r.ok && r.pair, JSON.stringify(example)).toEqual(data.text[i]);
        });
      });

      if (data.rendered) {
        it("renders the tokenizer's chat_template as apply_chat_template", () => {
          const template = findChatTemplate(undefined, tokenizer);
          expect(template.name).toBe('tokenizer');
          fixture.chatExamples.forEach((example, i) => {
            expect(template.renderPrompt(example.prompt)).toBe(data.rendered![i].prompt);
            expect(template.renderConversation(example.prompt, example.chosen)).toBe(
              data.rendered![i].chosen,
            );
          });
        });

        it('conversational pairs through the chat template (no BOS / EOS ids added)', () => {
          const template = findChatTemplate(undefined, tokenizer);
          fixture.chatExamples.forEach((example, i) => {
            const r = tokenizePair(example, tokenizer, { template });
            expect(r.ok && r.pair, JSON.stringify(example)).toEqual(data.chat![i]);
          });
        });
      }
    });
  }
});
