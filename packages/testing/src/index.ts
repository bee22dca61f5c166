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
} from './describeObjectiveCase';
export { describeObjectiveCentralDifference } from './describeObjectiveCentralDifference';
export { describeObjectiveGrads } from './describeObjectiveGrads';
export { describeObjectiveInputs } from './describeObjectiveInputs';
export { describeObjectiveRead } from './describeObjectiveRead';
export { describeObjectiveTensors } from './describeObjectiveTensors';
export { describeObjectiveTolerance } from './describeObjectiveTolerance';
export { describeObjectiveExpect } from './describeObjectiveExpect';
export type { ExpectedObjectiveValues } from './describeObjectiveExpect';
export { describeReader } from './describeReader';
export type { ReaderConformance, ReaderReportLike } from './describeReader';
export { describeBackend } from './describeBackend';
export type { DescribeBackendOptions } from './describeBackend';
export type { BackendModelCheck } from './describeBackendModel';
export { describeBackendBatch } from './describeBackendBatch';
export { describeTokenObjective, expectNear } from './describeTokenObjective';
export { describeUnpairedObjective } from './describeUnpairedObjective';
export { trlObjectives, trlPairedInputs, trlUnpairedInputs } from './trlObjectives';
export type { TrlCase, TrlFixture } from './trlObjectives';
