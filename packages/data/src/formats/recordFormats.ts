import type { RecordFormat } from '@prefopt/core';
import { conversationalFormat } from './conversationalFormat';
import { hhRlhfFormat } from './hhRlhfFormat';
import { shareGptFormat } from './shareGptFormat';
import { standardFormat } from './standardFormat';

/**
 * The bundled formats in detection order: the most specific first (hh-rlhf dialogues are
 * also valid implicit-prompt standard records, so hh-rlhf is tried before standard).
 */
export const recordFormats: readonly RecordFormat[] = [
  shareGptFormat,
  conversationalFormat,
  hhRlhfFormat,
  standardFormat,
];
