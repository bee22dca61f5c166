export { repoRoot, sharedPath } from './sharedPath';
export { fixturePath } from './fixturePath';
export { describeIfShared } from './describeIfShared';
export { describeIfPython, referencePython } from './referencePython';
export type { ReferenceModule } from './referencePython';
export { useCpuBackend } from './useCpuBackend';
export { describeObjective } from './describeObjective';
export type {
  AnyObjectiveFactory,
  NumberInputs,
  NumberOutput,
  ObjectiveCase,
  PairNumbers,
} from './objectiveCase';
export { centralDifference } from './centralDifference';
export { objectivePolicyGrads } from './objectivePolicyGrads';
export { objectiveTestInputs } from './objectiveTestInputs';
export { readObjectiveOutput } from './readObjectiveOutput';
export { objectiveInputTensors } from './objectiveInputTensors';
export { objectiveTolerance } from './objectiveTolerance';
export { expectObjectiveValues } from './expectObjectiveValues';
export type { ExpectedObjectiveValues } from './expectObjectiveValues';
export { torchObjectiveValues } from './torchObjectiveValues';
export { torchReferenceValues } from './torchReferenceValues';
export type { Stories260KReference } from './torchReferenceValues';
export { describeReader } from './describeReader';
export type { ReaderConformance, ReaderReportLike } from './describeReader';
export { describeBackend } from './describeBackend';
export type { DescribeBackendOptions } from './describeBackend';
export type { BackendModelCheck } from './runBackendModel';
export { backendTestBatch } from './backendTestBatch';
export { describeTokenObjective, expectNear } from './describeTokenObjective';
export { describeUnpairedObjective } from './describeUnpairedObjective';
export { trlObjectives, trlPairedInputs, trlUnpairedInputs } from './trlObjectives';
export type { TrlCase, TrlFixture } from './trlObjectives';
export { textBuffer } from './textBuffer';
