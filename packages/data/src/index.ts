// Readers: .json / .jsonl / .gz, formats detected from the first records.
export { readPreferences } from './read/readPreferences';
export { PreferenceReader } from './read/PreferenceReader';
export type { ReadOptions, ReadReport, SkippedRecord } from './read/ReadOptions';
export { recordFormats } from './formats/recordFormats';
export { findFormat } from './formats/findFormat';
export { standardFormat } from './formats/standardFormat';
export { conversationalFormat } from './formats/conversationalFormat';
export { hhRlhfFormat } from './formats/hhRlhfFormat';
export { shareGptFormat } from './formats/shareGptFormat';

// Chat templates.
export type { ChatTemplate, SplitChatTemplate } from './templates/ChatTemplate';
export { splitChatTemplate } from './templates/ChatTemplate';
export { jinjaChatTemplate } from './templates/jinjaChatTemplate';
export type { ChatTemplateSource, JinjaChatTemplate } from './templates/jinjaChatTemplate';
export { plainTemplate } from './templates/plainTemplate';
export { chatmlTemplate } from './templates/chatmlTemplate';
export { llama2Template } from './templates/llama2Template';
export { chatTemplates } from './templates/chatTemplates';
export { findChatTemplate } from './templates/findChatTemplate';

// Tokenisation, truncation, collation.
export type { TokenizeOptions } from './tokenize/TokenizeOptions';
export type { DropReason, TokenizeResult } from './tokenize/TokenizeResult';
export { tokenizePair } from './tokenize/tokenizePair';
export { truncatePair } from './tokenize/truncatePair';
export { validateTokenizeOptions } from './tokenize/validateTokenizeOptions';
export { tokenizeRecords } from './tokenize/tokenizeRecords';
export type { DroppedPair, TokenizedDataset } from './tokenize/tokenizeRecords';
export { collatePairs } from './collate/collatePairs';
export type { CollateOptions } from './collate/collatePairs';

// Batching: seeded order, resumable position, train/eval split.
export { seededPermutation } from './batching/seededPermutation';
export { BatchSampler } from './batching/BatchSampler';
export type { BatchSamplerOptions, SampledBatch, SamplerPosition } from './batching/BatchSampler';
export { splitTrainEval } from './batching/splitTrainEval';
export type { SplitOptions } from './batching/splitTrainEval';

// Stats.
export { datasetStats } from './stats/datasetStats';
export type { DatasetStats } from './stats/datasetStats';
export type { TokenStats } from './stats/TokenStats';

// Tokenizers (packages/data/src/tokenizers/) append their exports below.
export { Llama2cTokenizer } from './tokenizers/Llama2cTokenizer';
export { readLlama2cTokenizer } from './tokenizers/readLlama2cTokenizer';
export { addsBos } from './tokenizers/addsBos';
export { HfTokenizer } from './tokenizers/HfTokenizer';
export type { HfTokenizerExtras } from './tokenizers/HfTokenizer';
export { readHfTokenizer } from './tokenizers/readHfTokenizer';
export { ByteTokenizer } from './tokenizers/ByteTokenizer';
export { loadTokenizer } from './tokenizers/loadTokenizer';
export { assertTokenizerFits } from './tokenizers/assertTokenizerFits';

// Unpaired feedback (TRL's unpaired format: prompt, completion, label) for KTO / BCO.
export {
  unpairedConversationalFormat,
  unpairedFormats,
  unpairedStandardFormat,
} from './unpaired/unpairedFormats';
export { looksUnpaired, readUnpaired } from './unpaired/readUnpaired';
export { tokenizeUnpaired } from './unpaired/tokenizeUnpaired';
export type { TokenizedUnpaired } from './unpaired/tokenizeUnpaired';
export { collateUnpaired } from './unpaired/collateUnpaired';
export { SampledBatchStream } from './streams/SampledBatchStream';
export { PairBatchStream } from './streams/PairBatchStream';
export { UnpairedBatchStream } from './streams/UnpairedBatchStream';
