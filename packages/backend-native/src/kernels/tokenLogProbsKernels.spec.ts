import { tokenLogProbs } from '@prefopt/model';
import { PrefoptTokenLogProbs } from '@prefopt/core';
import { describeNativeKernelMatch } from '../specSupport/describeNativeKernelMatch';
import { expectRowsClose } from '../specSupport/expectRowsClose';
import { runTokenLogProbsCase } from '../specSupport/runTokenLogProbsCase';
import { unfusedTokenLogProbs } from '../specSupport/unfusedTokenLogProbs';

describeNativeKernelMatch({
  suite: 'tokenLogProbs kernels (the model op, run natively)',
  claim: 'kernels match the unfused cpu reference in values and gradient',
  kernelName: PrefoptTokenLogProbs,
  reference: () => runTokenLogProbsCase(unfusedTokenLogProbs),
  fused: () => runTokenLogProbsCase(tokenLogProbs),
  expectClose: (actual, expected) => expectRowsClose(actual, expected, 1e-5),
});
