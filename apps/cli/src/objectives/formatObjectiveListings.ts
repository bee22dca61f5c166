import type { ObjectiveListing } from './describeObjectiveFactories';

/** The text table of `prefopt objectives`: one block per objective, one line per option. */
export function formatObjectiveListings(listings: readonly ObjectiveListing[]): string {
  const lines: string[] = [];
  const flagWidth = Math.max(8, ...listings.flatMap((l) => l.options.map((o) => o.flag.length)));
  const defaultText = (v: unknown) =>
    v === null ? '(unset)' : typeof v === 'string' ? `'${v}'` : String(v);
  const defaultWidth = Math.max(
    7,
    ...listings.flatMap((l) => l.options.map((o) => defaultText(o.default).length)),
  );
  for (const l of listings) {
    lines.push(
      `${l.name}  ${l.requiresReference ? 'requires reference' : 'reference-free'}  ${l.description}`,
    );
    if (l.options.length === 0) lines.push('    (no options)');
    for (const o of l.options) {
      lines.push(
        `    ${o.flag.padEnd(flagWidth)}  ${defaultText(o.default).padEnd(defaultWidth)}  ${o.range}: ${o.description}`,
      );
    }
  }
  lines.push(
    '',
    "Weighted sums: --objective 'dpo+0.05*sft' (combine; requires a reference if any part does),",
    'with part options in --params \'{"dpo":{"beta":0.1}}\'. Third-party objectives: --plugin <package or path>.',
    '',
  );
  return lines.join('\n');
}
