/** Flag names `prefopt train` itself reads (everything else goes to the objective). */
export const trainFlags = [
  'objective', 'model', 'tokenizer', 'data', 'evalData', 'evalSplit', 'format', 'skipInvalid', 'template',
  'batchSize', 'gradAccum', 'lr', 'lrScheduler', 'warmupRatio', 'weightDecay', 'maxGradNorm', 'maxSteps',
  'epochs', 'maxLength', 'maxPromptLength', 'seed', 'evalEvery', 'saveEvery', 'resume', 'precomputeRef',
  'out', 'backend', 'threads', 'config', 'help',
];
