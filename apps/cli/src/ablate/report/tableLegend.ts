/** What the table's columns mean, printed under it and shown in the report. */
export const TABLE_LEGEND =
  'acc: held-out reward accuracy; acc c≤r: the same on pairs whose chosen response is not longer than the ' +
  'rejected; win vs start / rule: annotator on greedy held-out generations (ties ½); gen len: tokens; ' +
  "step / cpu ms: median wall / CPU time of a step; RSS: peak of the run's process.\n";
