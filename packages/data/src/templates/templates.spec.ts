import { PrefoptError, type ChatMessage } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { chatmlTemplate } from './chatmlTemplate';
import { findChatTemplate } from './findChatTemplate';
import { jinjaChatTemplate } from './jinjaChatTemplate';
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

describe("the tokenizer's chat template", () => {
  // ChatML written with `{%- %}` and line breaks: transformers' trim_blocks / lstrip_blocks
  // and the dashes leave none of them in the text.
  const chatml = [
    '{%- for message in messages %}',
    "    {{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>\\n' }}",
    '{%- endfor %}',
    '{%- if add_generation_prompt %}',
    "    {{- '<|im_start|>assistant\\n' }}",
    '{%- endif %}',
    '',
  ].join('\n');
  const source = { chatTemplate: chatml, specialTokens: { bos_token: '<s>', eos_token: '</s>' } };

  it('is the default where the tokenizer has one; --template still forces a bundled one', () => {
    const auto = findChatTemplate(undefined, source);
    expect([auto.name, auto.specialTokensInText]).toEqual(['tokenizer', true]);
    expect(findChatTemplate('auto', source).name).toBe('tokenizer');
    expect(findChatTemplate('tokenizer', source).name).toBe('tokenizer');
    expect(findChatTemplate('plain', source)).toBe(plainTemplate);
    expect(findChatTemplate('chatml', source)).toBe(chatmlTemplate);
    expect(findChatTemplate('llama2', source)).toBe(llama2Template);
    expect(findChatTemplate(undefined, {})).toBe(plainTemplate);
    expect(() => findChatTemplate('tokenizer', {})).toThrow(/the tokenizer has no chat_template/);
  });

  it('renders prompt (with the generation prompt) and whole conversation', () => {
    const t = findChatTemplate(undefined, source);
    expect(t.renderPrompt([sys, u1])).toBe(
      '<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n',
    );
    expect(t.renderConversation([u1], [a1])).toBe(
      '<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello.<|im_end|>\n',
    );
  });

  it('sees the special-token texts and turns raise_exception into a data error', () => {
    const t = jinjaChatTemplate(
      "{% if messages[0].role != 'user' %}{{ raise_exception('user first') }}{% endif %}" +
        '{{ bos_token }}{% for m in messages %}{{ m.content }}{{ eos_token }}{% endfor %}',
      { bos_token: '<s>', eos_token: '</s>' },
    );
    expect(t.renderConversation([u1], [a1])).toBe('<s>Hi</s>Hello.</s>');
    expect(() => t.renderPrompt([a1])).toThrow(
      expect.objectContaining({ kind: 'data', message: expect.stringMatching(/user first/) }),
    );
    expect(() => t.renderConversation([u1], [u2])).toThrow(/must start with an assistant message/);
  });

  it('refuses a template that does not parse, naming the way out', () => {
    const broken = jinjaChatTemplate('{% for %}'); // text-only data never renders it
    expect(() => broken.renderPrompt([u1])).toThrow(
      expect.objectContaining({
        kind: 'tokenizer',
        message: expect.stringMatching(/does not parse.*--template plain/),
      }),
    );
  });
});
