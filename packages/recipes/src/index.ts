// The recipe: settings → a built Trainer
export { buildTraining } from './recipe/buildTraining';
export type { Training } from './recipe/buildTraining';
export { prepareTraining } from './recipe/prepareTraining';
export type { TrainingParts } from './recipe/prepareTraining';
export type { RecipeLookups } from './recipe/RecipeLookups';
export type {
  CheckpointSettings,
  ReporterSettings,
  ResumedCheckpoint,
  TrainingData,
  TrainingSettings,
} from './recipe/TrainingSettings';
export { trainRecipeSettings } from './recipe/trainRecipeSettings';
export { kebabCase } from './recipe/kebabCase';

// prefopt train's pieces
export type { TrainSettings } from './train/TrainSettings';
export { buildPolicy } from './train/buildPolicy';
export { chooseTokenizer } from './train/chooseTokenizer';
export { loadTrainData } from './train/loadTrainData';
export type { TrainData } from './train/loadTrainData';
export { loadUnpairedData } from './train/loadUnpairedData';
export { referenceFactory } from './train/referenceFactory';
export type { ReferencePlan } from './train/referenceFactory';
export { allowedChanges, assertSameMeaning, resumeDiffs, MEANING_KEYS } from './train/resumeDiffs';
export { acquireRunLock, LOCK_FILE } from './train/runLock';
export { dataSha256, flagsToSave, readSavedRun, resumeBase } from './train/savedRun';
export type { SavedRun } from './train/savedRun';
export type { TrainStreams } from './train/trainStreams';
export type { LoraSettings } from './lora/LoraSettings';
export { NO_LORA } from './lora/LoraSettings';
export { savePolicy, savedSyncedReference, trainPolicy } from './lora/trainPolicy';

// ablate and demo: one run, its grid
export type {
  AblationJob,
  Generation,
  JobResult,
  JobTraining,
  PairResult,
  WorkerMessage,
} from './ablate/AblationJob';
export { runJob } from './ablate/runJob';
export type { AblationLookups } from './ablate/runJob';
export { greedyContinuations } from './ablate/greedyContinuations';
export type { Continuation } from './ablate/greedyContinuations';
export { accuracyWhereChosenNotLonger, pairLogps, pairRewards } from './ablate/pairRewards';
export { expandGrid } from './grid/expandGrid';
export type { RunPlan } from './grid/RunPlan';
export { RUN_AXES } from './grid/runAxes';
export { checkTrainerValue, isTrainerAxis, TRAINER_AXES } from './grid/trainerAxes';
export type { TrainerOverrides } from './grid/trainerAxes';

// bench
export type { BenchOptions, BenchResult, PhaseTimes } from './bench/BenchOptions';
export { runBench } from './bench/runBench';
export type { StepListener } from './bench/runBench';
export { runTrainerBench } from './bench/runTrainerBench';
export { syntheticBatch } from './bench/syntheticBatch';
export { timedStep } from './bench/timedStep';
export type { StepParts } from './bench/timedStep';
export { median } from './bench/median';

// pairs (on-policy preference data)
export { buildPairs } from './pairs/buildPairs';
export type { BuildPairsOptions, BuildPairsResult } from './pairs/buildPairs';
export { readPrompts } from './pairs/readPrompts';
export { sampleResponses } from './pairs/sampleResponses';
export type { SampleSettings } from './pairs/sampleResponses';
export { selectBestWorst } from './pairs/selectBestWorst';
export type { ScoredPair } from './pairs/selectBestWorst';
export { writePairs } from './pairs/writePairs';

// the loss verb's inputs and evaluations
export { readLossInput } from './loss/readLossInput';
export type { LossInput } from './loss/readLossInput';
export { readLossTokens, sumsFromTokens, noTokens } from './loss/readLossTokens';
export type { LossTokens } from './loss/readLossTokens';
export { readUnpairedLossInput } from './loss/readUnpairedLossInput';
export type { UnpairedLossInput } from './loss/readUnpairedLossInput';
export { evaluateLoss } from './loss/evaluateLoss';
export type { LossReport } from './loss/evaluateLoss';
export { evaluateTokenLoss } from './loss/evaluateTokenLoss';
export { evaluateUnpairedLoss } from './loss/evaluateUnpairedLoss';
export { runAblation } from './ablate/runAblation';
export type { JobRunner } from './ablate/runAblation';
export type { AblationSettings } from './ablate/AblationSettings';
export type { AblationIo } from './ablate/AblationIo';
export type {
  AblationSummary,
  BaselineSummary,
  RunMetricName,
  RunSummary,
} from './report/RunSummary';
export { runDemo } from './demo/runDemo';
export type { DemoSettings } from './demo/runDemo';
export { demoPresets } from './demo/demoPresets';
export type { DemoPreset } from './demo/demoPresets';
export { biggerNumberTask } from './demo/task/biggerNumberTask';
export type { BiggerNumberTask, BiggerNumberTaskOptions } from './demo/task/biggerNumberTask';
export { biggerNumberAnnotator } from './demo/task/biggerNumberAnnotator';
export { writeTaskFiles } from './demo/writeTaskFiles';
export { loadPlugin } from './plugins/loadPlugin';
export { checkedFactory, checkedObjective } from './plugins/checkedObjective';
