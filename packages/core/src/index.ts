export { PrefoptError } from './errors/PrefoptError';
export type { PrefoptErrorKind } from './errors/PrefoptError';
export { fromFsError, fsErrorCode } from './errors/fsError';

export type {
  Objective,
  ObjectiveInputs,
  ObjectiveOutput,
  OptionValue,
  PairLogps,
} from './objective/Objective';
export type {
  BooleanOptionSpec,
  EnumOptionSpec,
  NumberOptionSpec,
  OptionSpec,
  OptionSpecs,
  OptionValues,
} from './objective/OptionSpec';
export { describeRange } from './objective/OptionSpec';
export { resolveOptions } from './objective/resolveOptions';
export { validateInputs } from './objective/validateInputs';
export { defineObjective } from './objective/defineObjective';
export type { ObjectiveDefinition, ObjectiveFactory } from './objective/defineObjective';
export type {
  ObjectiveNeeds,
  ObjectiveState,
  ObjectiveStateSpec,
  PairTokens,
  TokenInputs,
} from './objective/ObjectiveNeeds';
export { initialState, stateFromValues } from './objective/initialState';
export type {
  UnpairedInputs,
  UnpairedObjective,
  UnpairedOutput,
} from './objective/UnpairedObjective';
export { defineUnpairedObjective, isUnpairedFactory } from './objective/defineUnpairedObjective';
export type {
  UnpairedObjectiveDefinition,
  UnpairedObjectiveFactory,
} from './objective/defineUnpairedObjective';
export { validateUnpairedInputs } from './objective/validateUnpairedInputs';
export { validateTokenInputs } from './objective/validateTokenInputs';

export { logSigmoid } from './math/logSigmoid';
export { stopGradient } from './math/stopGradient';
export { seededRandom } from './math/seededRandom';

export { ANNOTATOR_FACTORY, BACKEND_ADAPTER, OBJECTIVE_FACTORY } from './di/tokens';
export type {
  BackendActivateOptions,
  BackendAdapter,
  BackendDeviceInfo,
} from './backend/BackendAdapter';
export type { Tokenizer } from './tokenizer/Tokenizer';
export type { EvalMetrics, StepMetrics, TrainerEvents } from './trainer/TrainerEvents';
export type {
  PreferenceBatch,
  TokenizedExample,
  TokenizedPair,
  UnpairedBatch,
} from './data/PreferenceBatch';
export type { CausalLM, SequenceLogpsResult } from './model/CausalLM';
export type {
  ChatMessage,
  PreferencePair,
  PreferenceRecord,
  RecordSource,
} from './data/PreferenceRecord';
export type { RecordFormat } from './data/RecordFormat';
export type {
  Annotator,
  AnnotatorFactory,
  AnnotatorOptionSpec,
  AnnotatorOptionSpecs,
  StringOptionSpec,
} from './annotator/Annotator';
export { defineAnnotator } from './annotator/defineAnnotator';
export type { AnnotatorDefinition } from './annotator/defineAnnotator';

export { disabledLevers, leverEnabled, parseLevers } from './levers';
