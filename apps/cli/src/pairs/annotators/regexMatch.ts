import { PrefoptError, defineAnnotator } from '@prefopt/core';

/** Rule: 1 when the response matches a JavaScript regular expression, else 0. */
export const regexMatch = defineAnnotator({
  name: 'regex',
  description: '1 if the response matches a regular expression, else 0',
  options: {
    pattern: { type: 'string', default: undefined, description: 'a JavaScript regular expression' },
    flags: { type: 'string', default: 'u', description: "RegExp flags, e.g. 'iu'" },
  },
  validate: ({ pattern, flags }) => {
    compile(pattern as string, flags as string);
  },
  score: (_prompt, responses, { pattern, flags }) => {
    const re = compile(pattern as string, flags as string);
    return responses.map((r) => {
      re.lastIndex = 0;
      return re.test(r) ? 1 : 0;
    });
  },
});

function compile(pattern: string, flags: string): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    throw new PrefoptError(
      'config',
      `regex: option 'pattern' ${JSON.stringify(pattern)} with flags '${flags}' is not a valid RegExp: ${(e as Error).message}`,
    );
  }
}
