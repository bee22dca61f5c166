import { kebabCase, type ParsedArgs } from '../args/parseArgs';

const quote = (a: string): string =>
  /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;

/** The command line that reproduces a parsed invocation, shell-quoted, for reports. */
export function commandLine(verb: string, args: ParsedArgs): string {
  const parts = ['prefopt', verb, ...args.positionals.map(quote)];
  for (const [key, value] of Object.entries(args.flags)) {
    parts.push(`--${kebabCase(key)}`);
    if (value !== true) parts.push(quote(value));
  }
  for (const [key, values] of Object.entries(args.repeated)) {
    for (const v of values) parts.push(`--${kebabCase(key)}`, quote(v));
  }
  return parts.join(' ');
}
