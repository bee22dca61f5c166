import { resolve } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import { datasetStats, findChatTemplate, HfTokenizer, loadTokenizer } from '@prefopt/data';
import { booleanFlag, requireString, stringFlag } from '../args/flagReaders';
import type { Command } from './Command';

/** `prefopt data stats`: pairs, skipped records, format and token lengths of a dataset. */
export const data: Command = {
  name: 'data',
  summary:
    'inspect a preference dataset (data stats: pairs, skipped records, format, token lengths)',
  usage:
    'prefopt data stats --data FILE [--format auto|standard|conversational|hh-rlhf|sharegpt]\n' +
    '    [--skip-invalid] [--tokenizer PATH|bytes] [--chat-template auto|tokenizer|plain|chatml|llama2]',

  async run(args, { io }) {
    const sub = args.positionals[0];
    if (sub !== 'stats') {
      throw new PrefoptError(
        'config',
        `prefopt data needs a subcommand: 'prefopt data stats --data FILE'${sub ? ` (got '${sub}')` : ''}.`,
      );
    }
    const file = requireString(
      args,
      'data',
      'the preference file (.json, .jsonl or .gz of either).',
    );
    const tokenizerPath = stringFlag(args, 'tokenizer');
    const skipInvalid = booleanFlag(args, 'skipInvalid');
    const tokenizer =
      tokenizerPath === undefined
        ? undefined
        : loadTokenizer(tokenizerPath === 'bytes' ? 'bytes' : resolve(io.cwd, tokenizerPath));
    const stats = await datasetStats(resolve(io.cwd, file), {
      format: stringFlag(args, 'format', 'auto'),
      skipInvalid,
      tokenizer,
      // auto: the tokenizer's own chat_template where it has one, else plain
      template: findChatTemplate(
        stringFlag(args, 'chatTemplate'),
        tokenizer instanceof HfTokenizer ? tokenizer : undefined,
      ),
    });
    if (stats.skipped > 0) {
      const shown = stats.skippedRecords ?? [];
      const lines = shown.slice(0, 3).map((s) => `line ${s.line}: ${s.reason}`);
      const more = stats.skipped > lines.length ? ` (+${stats.skipped - lines.length} more)` : '';
      io.stderr.write(
        `prefopt: skipped ${stats.skipped} invalid record(s) in ${file}: ${lines.join('; ')}${more}\n`,
      );
    }
    const { skippedRecords: _shown, ...summary } = stats;
    io.stdout.write(`${JSON.stringify(summary)}\n`);
  },
};
