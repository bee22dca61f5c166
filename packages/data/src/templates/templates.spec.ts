import { PrefoptError, type ChatMessage } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { chatmlTemplate } from './chatmlTemplate';
import { findChatTemplate } from './findChatTemplate';
import { llama2Template } from './llama2Template';
import { plainTemplate } from './plainTemplate';

const sys: ChatMessage = { role: 'system', content: 'Be brief.' };
const u1: ChatMessage = { role: 'user', content: 'Hi' };
const a1: ChatMessage = { role: 'assistant', content: 'Hello.' };
const u2: ChatMessage = { role: 'user', content: 'Capital of France?' };
const a2: ChatMessage = { role: 'assistant', content: 'Paris.' };

describe('plainTemplate', () => {
  it('renders turns separated by blank lines and ends the prompt with "Assistant:"', () => {
    expect(plainTemplate.renderPrompt([sys, u1, a1, u2])).toBe(
      'Be brief.\n\nUser: Hi\n\nAssistant: Hello.\n\nUser: Capital of France?\n\nAssistant:',
    );
    expect(plainTemplate.renderCompletion([a2])).toBe(' Paris.');
    expect(plainTemplate.renderPrompt([])).toBe('Assistant:');
  });
});

describe('chatmlTemplate', () => {
  it('renders <|im_start|>role\\ncontent<|im_end|>\\n turns and the assistant opening', () => {
    expect(chatmlTemplate.renderPrompt([sys, u1])).toBe(
      '<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n',
    );
    expect(chatmlTemplate.renderCompletion([a1])).toBe('Hello.<|im_end|>\n');
  });
});

describe('llama2Template', () => {
  // meta-llama/Llama-2-7b-chat-hf's chat_template, per message: user →
  // bos + '[INST] ' + content.strip() + ' [/INST]' (the first user content prefixed with
  // '<<SYS>>\n' + system + '\n<</SYS>>\n\n'); assistant → ' ' + content.strip() + ' ' + eos.
  // The first bos and the last eos are tokens here, so they are absent from the text.
  it('folds the system message into the first user turn', () => {
    expect(llama2Template.renderPrompt([sys, u1])).toBe(
      '[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nHi [/INST]',
    );
    expect(llama2Template.renderCompletion([a1])).toBe(' Hello. ');
  });

  it('keeps the markers between earlier turns as text in a multi-turn prompt', () => {
    expect(llama2Template.renderPrompt([u1, a1, u2])).toBe(
      '[INST] Hi [/INST] Hello. </s><s>[INST] Capital of France? [/INST]',
    );
  });

  it('trims content as the template does', () => {
    expect(llama2Template.renderPrompt([{ role: 'user', content: '  Hi \n' }])).toBe(
      '[INST] Hi [/INST]',
    );
  });
});

describe('every template', () => {
  for (const t of [plainTemplate, chatmlTemplate, llama2Template]) {
    it(`${t.name}: prompt + completion renders the whole conversation`, () => {
      // Splitting one conversation at different turns must not change its text.
      const whole = t.renderPrompt([sys, u1]) + t.renderCompletion([a1, u2, a2]);
      expect(t.renderPrompt([sys, u1, a1, u2]) + t.renderCompletion([a2])).toBe(whole);
    });

    it(`${t.name}: refuses a completion that does not start with the assistant`, () => {
      expect(() => t.renderCompletion([u1])).toThrow(PrefoptError);
      expect(() => t.renderCompletion([u1])).toThrow(
        /must start with an assistant message, got role 'user'/,
      );
    });
  }

  it('is found by name, with the names listed for an unknown one', () => {
    expect(findChatTemplate()).toBe(plainTemplate);
    expect(findChatTemplate('chatml')).toBe(chatmlTemplate);
    expect(() => findChatTemplate('alpaca')).toThrow(
      /unknown chat template 'alpaca'\. Templates: auto, tokenizer, plain, chatml, llama2\./,
    );
  });
});
