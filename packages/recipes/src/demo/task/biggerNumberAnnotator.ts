import { defineAnnotator } from '@prefopt/core';
import { checkBiggerNumber } from './checkBiggerNumber';

/** The demo task's true rule as an annotator: 1 when the response names the biggest number. */
export const biggerNumberAnnotator = defineAnnotator({
  name: 'bigger-number',
  description:
    "1 if the response's first number is the biggest one in the prompt ('Max 37 52 18?'), else 0",
  options: {},
  score: (prompt, responses) => responses.map((r) => (checkBiggerNumber(prompt, r) ? 1 : 0)),
});
