/**
 * One record as the container (JSON Lines or a JSON array) delimits it: the parsed value,
 * or why it could not be parsed; `line` is the 1-based line the record starts on.
 */
export type RawRecord = { line: number; value: unknown } | { line: number; error: string };
